// Every response carries the security headers, whichever way it was made: a route's answer, an error,
// the 404 of an unknown path and the client's files (whose own Cache-Control stays).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import { Store } from '../../server/store/store.ts';

const test = suite<{ dir: string; app: ReturnType<typeof createApp> }>('security headers on every kind of response');

test.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'backspegel-headers-'));
  await writeFile(join(ctx.dir, 'index.html'), '<!doctype html><title>x</title>');
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

test.run();
