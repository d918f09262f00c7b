// Serves the built client (client/dist). A fixed list of files, read once: no request path
// ever reaches the file system. Each file carries an ETag (its content hash), so a browser that has
// it asks again with If-None-Match and gets 304 without the body, and is sent compressed to a browser
// that accepts it (app.js: 670 KB → 178 KB gzip, 156 KB brotli), compressed once, on first demand and
// off the main thread. The file names carry no hash, so `no-cache`: always ask, rarely download.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, Hono } from 'hono';
import { acceptedCodings, CompressedOnDemand } from './cached-json.ts';

const FILES: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'app.js.map': 'application/json; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
  'json-worker.js': 'text/javascript; charset=utf-8',
  'json-worker.js.map': 'application/json; charset=utf-8',
};

/**
 * The files never change while the server runs: brotli at quality 9 (app.js: 156 KB in about 50 ms,
 * in the thread pool), sent once it is made; until then, gzip. Quality 11 saves another 11 KB but
 * takes 0.8 s of a core, which on a two-core server slowed the first page that asked for it.
 */
const FILE_BROTLI_QUALITY = 9;

interface ClientFile {
  content: CompressedOnDemand;
  type: string;
  etag: string;
}

function load(path: string, type: string): ClientFile {
  const body = readFileSync(path);
  return { content: new CompressedOnDemand(body, FILE_BROTLI_QUALITY), type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

/** Whether If-None-Match names this ETag (or is *). */
function matches(header: string | undefined, etag: string): boolean {
  return !!header && header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

export function mountClient(app: Hono<any>, clientDir: string): void {
  const loaded = new Map<string, ClientFile>();
  for (const [name, type] of Object.entries(FILES)) {
    const path = join(clientDir, name);
    if (existsSync(path)) loaded.set(name, load(path, type));
  }
  // Built through the context, so the security headers set before the route are on the response.
  const send = (c: Context, name: string) => {
    const file = loaded.get(name);
    if (!file) return c.text('Klienten är inte byggd: kör npm run build.', 404);
    c.header('ETag', file.etag);
    c.header('Cache-Control', 'no-cache');
    c.header('Vary', 'Accept-Encoding');
    if (matches(c.req.header('if-none-match'), file.etag)) return c.body(null, 304);
    c.header('Content-Type', file.type);
    const codings = acceptedCodings(c.req.header('accept-encoding'));
    if (codings[0] === 'br' && !file.content.brotliReady) {
      file.content.encoded('br').catch(() => {}); // made for the next request; gzip now
      codings.shift();
    }
    const coding = codings[0];
    if (!coding) return c.body(file.content.bytes);
    c.header('Content-Encoding', coding);
    return file.content.encoded(coding).then((bytes) => c.body(bytes));
  };
  app.get('/', (c) => send(c, 'index.html'));
  for (const name of loaded.keys()) if (name !== 'index.html') app.get(`/${name}`, (c) => send(c, name));
}
