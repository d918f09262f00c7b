// A JSON answer serialised once and sent many times (a document, a family's annotations), with its
// compressed forms made on first demand. Browsers always accept gzip, and brotli over HTTPS; a 6 MB
// case file or a list of hundreds of annotations is a tenth of the size compressed (brotli: a further
// fifth smaller than gzip), and compressing it once per version instead of per request costs the
// server almost nothing. Compressed off the main thread (zlib's thread pool).
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context } from 'hono';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** Smaller answers are not worth compressing. */
const MIN_COMPRESSED = 1024;

/**
 * Brotli's quality for answers that change with every write: 5 compresses 150 KB of annotations in
 * about 2 ms, to 17 % less than gzip; 11 (what fixed files get) takes a hundred times longer.
 */
export const ANSWER_BROTLI_QUALITY = 5;

export type ContentCoding = 'br' | 'gzip';

const asArrayBuffer = (b: Uint8Array) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

/** Bytes sent many times, with their gzip and brotli forms made on first demand, off the main thread. */
export class CompressedOnDemand {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly #brotliQuality: number;
  #gzip: Promise<Uint8Array<ArrayBuffer>> | undefined;
  #brotli: Promise<Uint8Array<ArrayBuffer>> | undefined;
  #brotliDone = false;

  constructor(bytes: Uint8Array, brotliQuality = ANSWER_BROTLI_QUALITY) {
    this.bytes = asArrayBuffer(bytes);
    this.#brotliQuality = brotliQuality;
  }

  /** Whether the brotli form is made (for callers that would rather send gzip than wait for it). */
  get brotliReady(): boolean {
    return this.#brotliDone;
  }

  encoded(coding: ContentCoding): Promise<Uint8Array<ArrayBuffer>> {
    return coding === 'gzip' ? this.#gzipped() : this.#brotlied();
  }

  #gzipped(): Promise<Uint8Array<ArrayBuffer>> {
    return (this.#gzip ??= gzipAsync(this.bytes, { level: 6 }).then(asArrayBuffer));
  }

  #brotlied(): Promise<Uint8Array<ArrayBuffer>> {
    this.#brotli ??= brotliAsync(this.bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: this.#brotliQuality, [constants.BROTLI_PARAM_SIZE_HINT]: this.bytes.byteLength },
    }).then((b) => {
      this.#brotliDone = true;
      return asArrayBuffer(b);
    });
    return this.#brotli;
  }
}

export class CachedJson extends CompressedOnDemand {
  constructor(value: unknown) {
    // Kept as bytes: encoding a large string again on every request costs more than building it.
    super(new TextEncoder().encode(JSON.stringify(value)));
  }

  get json(): Uint8Array<ArrayBuffer> {
    return this.bytes;
  }
}

/** The weight (q) the Accept-Encoding header gives each coding; `*` stands for the ones it does not name. */
function weights(header: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.toLowerCase().split(';');
    const coding = name!.trim();
    if (!coding) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    out.set(coding, Number.isFinite(weight) ? weight : 0);
  }
  return out;
}

/** The codings the Accept-Encoding header accepts (q > 0), brotli first where it weighs at least as much as gzip. */
export function acceptedCodings(header: string | undefined): ContentCoding[] {
  if (!header) return [];
  const w = weights(header);
  const any = w.get('*');
  const weightOf = (coding: ContentCoding) => w.get(coding) ?? any ?? 0;
  return (['br', 'gzip'] as const)
    .filter((coding) => weightOf(coding) > 0)
    .sort((a, b) => weightOf(b) - weightOf(a));
}

/** Sends the cached answer compressed as the client prefers (brotli, else gzip), or as it is. */
export async function sendCachedJson(c: Context, body: CachedJson): Promise<Response> {
  c.header('Content-Type', 'application/json; charset=UTF-8');
  if (body.json.byteLength < MIN_COMPRESSED) return c.body(body.json);
  c.header('Vary', 'Accept-Encoding');
  const [coding] = acceptedCodings(c.req.header('accept-encoding'));
  if (!coding) return c.body(body.json);
  c.header('Content-Encoding', coding);
  return c.body(await body.encoded(coding));
}
