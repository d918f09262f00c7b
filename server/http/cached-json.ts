// A JSON answer serialised once and sent many times (a document, a family's annotations), with its
// gzip form made on first demand. Browsers always accept gzip; a 6 MB case file or a list of hundreds
// of annotations is a tenth of the size compressed, and compressing it once per version instead of
// per request costs the server almost nothing. Compressed off the main thread (zlib's thread pool).
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Context } from 'hono';

const gzipAsync = promisify(gzip);

/** Smaller answers are not worth compressing. */
const MIN_COMPRESSED = 1024;

/** Bytes sent many times, with their gzip form made on first demand, off the main thread. */
export class GzipOnDemand {
  readonly bytes: Uint8Array<ArrayBuffer>;
  #gzip: Promise<Uint8Array<ArrayBuffer>> | undefined;

  constructor(bytes: Uint8Array) {
    this.bytes = new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
  }

  gzip(): Promise<Uint8Array<ArrayBuffer>> {
    return (this.#gzip ??= gzipAsync(this.bytes, { level: 6 }).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength) as Uint8Array<ArrayBuffer>));
  }
}

export class CachedJson extends GzipOnDemand {
  constructor(value: unknown) {
    // Kept as bytes: encoding a large string again on every request costs more than building it.
    super(new TextEncoder().encode(JSON.stringify(value)));
  }

  get json(): Uint8Array<ArrayBuffer> {
    return this.bytes;
  }
}

/** True when the Accept-Encoding header accepts gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** Sends the cached answer, gzip-compressed when the client accepts it. */
export async function sendCachedJson(c: Context, body: CachedJson): Promise<Response> {
  c.header('Content-Type', 'application/json; charset=UTF-8');
  if (body.json.byteLength < MIN_COMPRESSED) return c.body(body.json);
  c.header('Vary', 'Accept-Encoding');
  if (!acceptsGzip(c.req.header('accept-encoding'))) return c.body(body.json);
  c.header('Content-Encoding', 'gzip');
  return c.body(await body.gzip());
}
