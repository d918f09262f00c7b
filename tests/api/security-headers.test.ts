// Every response carries the security headers, whichever way it was made: a route's answer, an error,
// the 404 of an unknown path and the client's files (whose own Cache-Control stays).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createApp } from '../../server/app.ts';
import { Store } from '../../server/store/store.ts';

/** Large and repetitive enough that compression shows. */
const APP_JS = Array.from({ length: 2000 }, (_, i) => `customElements.define('bs-x${i}', class extends HTMLElement {});`).join('\n');

const test = suite<{ dir: string; app: ReturnType<typeof createApp> }>('security headers on every kind of response');

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'backspegel-headers-'));
  await writeFile(join(ctx.dir, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(join(ctx.dir, 'app.js'), APP_JS);
  const store = await Store.open(join(ctx.dir, 'data'), { log: () => undefined });
  ctx.app = createApp({ store, clientDir: ctx.dir });
});

test.after(async (ctx) => {
  await rm(ctx.dir, { recursive: true, force: true });
});

function assertSecure(r: Response, what: string): void {
  assert.match(r.headers.get('content-security-policy') ?? '', /^default-src 'self'; script-src 'self';.*frame-ancestors 'none'$/, what);
  assert.is(r.headers.get('x-content-type-options'), 'nosniff', what);
  assert.is(r.headers.get('x-frame-options'), 'DENY', what);
  assert.is(r.headers.get('referrer-policy'), 'no-referrer', what);
  assert.is(r.headers.get('cross-origin-opener-policy'), 'same-origin', what);
}

test('route answers, errors and unknown paths under /api: secure and not cached', async ({ app }) => {
  const cases: [string, RequestInit, number][] = [
    ['/api/health', {}, 200],
    ['/api/studies', {}, 401],
    ['/api/no-such-thing', {}, 404],
    ['/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username": ' }, 400],
  ];
  for (const [path, init, status] of cases) {
    const r = await app.request(path, init);
    assert.is(r.status, status, path);
    assertSecure(r, path);
    assert.is(r.headers.get('cache-control'), 'no-store', path);
  }
});

test('the client\'s files: secure, with their own revalidation', async ({ app }) => {
  const r = await app.request('/');
  assert.is(r.status, 200);
  assert.match(await r.text(), /<title>x<\/title>/);
  assertSecure(r, '/');
  assert.is(r.headers.get('cache-control'), 'no-cache');
  assert.is(r.headers.get('content-type'), 'text/html; charset=utf-8');
});

test('a client file is sent compressed to a browser that accepts it, and not at all when the browser already has it', async ({ app }) => {
  const plain = await app.request('/app.js');
  assert.is(await plain.text(), APP_JS);
  assert.is(plain.headers.get('content-encoding'), null, 'no Accept-Encoding: as it is');
  const etag = plain.headers.get('etag')!;
  assert.match(etag, /^"[\w-]{22}"$/);
  const zipped = await app.request('/app.js', { headers: { 'accept-encoding': 'gzip, deflate' } });
  assert.is(zipped.headers.get('content-encoding'), 'gzip');
  assert.is(zipped.headers.get('vary'), 'Accept-Encoding');
  assert.is(zipped.headers.get('etag'), etag, 'one ETag for the content, however it is encoded');
  const bytes = new Uint8Array(await zipped.arrayBuffer());
  assert.ok(bytes.length < APP_JS.length / 10, `${bytes.length} bytes`);
  assert.is(gunzipSync(bytes).toString('utf8'), APP_JS);
  // Brotli is made at its best once, after the first request that accepts it; gzip until it is ready.
  const brotli = async () => app.request('/app.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
  let first = await brotli();
  assert.is(first.headers.get('content-encoding'), 'gzip', 'brotli not made yet: gzip meanwhile');
  assert.is(gunzipSync(new Uint8Array(await first.arrayBuffer())).toString('utf8'), APP_JS);
  for (let i = 0; i < 200 && first.headers.get('content-encoding') !== 'br'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    first = await brotli();
  }
  assert.is(first.headers.get('content-encoding'), 'br');
  assert.is(first.headers.get('etag'), etag);
  assert.is(brotliDecompressSync(new Uint8Array(await first.arrayBuffer())).toString('utf8'), APP_JS);
  const again = await app.request('/app.js', { headers: { 'if-none-match': etag, 'accept-encoding': 'gzip' } });
  assert.is(again.status, 304);
  assert.is(await again.text(), '');
  assert.is(again.headers.get('etag'), etag);
  assertSecure(again, '304');
  const other = await app.request('/app.js', { headers: { 'if-none-match': '"something-else"' } });
  assert.is(other.status, 200, 'another version: the whole file');
  const index = await app.request('/', { headers: { 'if-none-match': etag } });
  assert.is(index.status, 200, 'each file has its own ETag');
});

test.run();
