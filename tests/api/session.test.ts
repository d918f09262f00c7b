import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { appSuite, makeTestApp, TestClient } from '../setup/app.ts';

const session = appSuite('Logging in and out');

session('health answers without a session', async ({ t }) => {
  const r = await t.anonymous().call('GET', '/api/health');
  assert.is(r.status, 200);
  assert.equal(r.json, { ok: true });
});

session('a correct password starts a session with an HttpOnly, SameSite=Strict cookie', async ({ t }) => {
  const client = t.anonymous();
  const r = await client.call('POST', '/api/session', { username: 'socsek1', password: 'demo' });
  assert.is(r.status, 200);
  assert.is(r.json.user.username, 'socsek1');
  assert.not.ok('passwordHash' in r.json.user);
  const cookie = r.headers.getSetCookie()[0]!;
  assert.match(cookie, /^bs_session=[A-Za-z0-9_-]{22};/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);
  const me = await client.call('GET', '/api/session');
  assert.is(me.json.user.displayName, 'Socialsekreterare 1');
});

session('a wrong password or an unknown user gets 401 with the same JSON error', async ({ t }) => {
  const wrong = await t.anonymous().call('POST', '/api/session', { username: 'socsek1', password: 'fel' });
  const unknown = await t.anonymous().call('POST', '/api/session', { username: 'nobody', password: 'demo' });
  assert.is(wrong.status, 401);
  assert.is(unknown.status, 401);
  assert.is(wrong.json.error.code, 'invalid_credentials');
  assert.equal(wrong.json, unknown.json);
});

session('API routes refuse requests without a session', async ({ t }) => {
  const r = await t.anonymous().call('GET', '/api/studies');
  assert.is(r.status, 401);
  assert.is(r.json.error.code, 'unauthenticated');
});

session('logging out ends the session on the server, not only in the browser', async ({ t }) => {
  const client = await t.as('socsek1');
  const stolen = client.cookie;
  assert.is((await client.call('DELETE', '/api/session')).status, 204);
  const thief = new TestClient(t.app);
  thief.cookie = stolen;
  assert.is((await thief.call('GET', '/api/session')).status, 401);
});

session('logging in again rotates the session id and ends the old one', async ({ t }) => {
  const client = await t.as('socsek1');
  const before = client.cookie;
  await client.login('socsek1');
  assert.is.not(client.cookie, before);
  const old = new TestClient(t.app);
  old.cookie = before;
  assert.is((await old.call('GET', '/api/session')).status, 401);
});

session('five failed attempts lock the account for a while, even for the right password', async ({ t }) => {
  for (let i = 0; i < 5; i++) await t.anonymous().call('POST', '/api/session', { username: 'socsek2', password: 'x' });
  const r = await t.anonymous().call('POST', '/api/session', { username: 'socsek2', password: 'demo' });
  assert.is(r.status, 429);
  assert.is(r.json.error.code, 'too_many_attempts');
  assert.is((await t.anonymous().call('POST', '/api/session', { username: 'socsek1', password: 'demo' })).status, 200);
});

session('a state-changing request from another origin is refused, even as JSON', async ({ t }) => {
  const client = await t.as('socsek1');
  const r = await client.call('PUT', '/api/studies/mini/families/fam-1/reflections/summary', { text: 'x' }, {
    origin: 'https://evil.example',
    'if-match': '1',
  });
  assert.is(r.status, 403);
  const site = await client.call('DELETE', '/api/session', undefined, { origin: 'http://localhost', 'sec-fetch-site': 'cross-site' });
  assert.is(site.status, 403);
});

session('responses carry a strict CSP and API responses are not cached', async ({ t }) => {
  const r = await t.anonymous().call('GET', '/api/health');
  assert.match(r.headers.get('content-security-policy')!, /script-src 'self'/);
  assert.match(r.headers.get('content-security-policy')!, /frame-ancestors 'none'/);
  assert.is(r.headers.get('x-content-type-options'), 'nosniff');
  assert.is(r.headers.get('cache-control'), 'no-store');
  assert.is(r.headers.get('referrer-policy'), 'no-referrer');
});

session('malformed JSON gets 400 and an oversized body 413, both as JSON errors', async ({ t }) => {
  const broken = await t.anonymous().call('POST', '/api/session', '{"username": ');
  assert.is(broken.status, 400);
  assert.is(broken.json.error.code, 'invalid_json');
  const huge = await t.anonymous().call('POST', '/api/session', { username: 'x', password: 'y'.repeat(2 * 1024 * 1024) });
  assert.is(huge.status, 413);
  assert.is(huge.json.error.code, 'too_large');
});

session.run();

const idle = suite('Session timeouts');

idle('a session idle for more than 30 minutes has expired', async () => {
  let now = Date.parse('2026-01-10T09:00:00Z');
  const t = await makeTestApp({ clock: () => new Date(now) });
  try {
    const client = await t.as('socsek1');
    now += 29 * 60 * 1000;
    assert.is((await client.call('GET', '/api/studies')).status, 200);
    now += 31 * 60 * 1000;
    const r = await client.call('GET', '/api/studies');
    assert.is(r.status, 401);
    assert.is(r.json.error.code, 'session_expired');
  } finally {
    await t.cleanup();
  }
});

idle('an active session still ends after 12 hours', async () => {
  let now = Date.parse('2026-01-10T07:00:00Z');
  const t = await makeTestApp({ clock: () => new Date(now) });
  try {
    const client = await t.as('socsek1');
    for (let i = 0; i < 30; i++) {
      now += 25 * 60 * 1000;
      await client.call('GET', '/api/studies');
    }
    const r = await client.call('GET', '/api/studies');
    assert.is(r.status, 401);
  } finally {
    await t.cleanup();
  }
});

idle.run();
