// One-time passwords (new and reset accounts) must be changed at the first login before anything
// else works, and every user can change their own password: PUT /api/session/password.
import * as assert from 'uvu/assert';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import { costOf, FAST_COST, PRODUCTION_COST } from '../../server/auth/password.ts';
import { appSuite, TestClient, type TestApp } from '../setup/app.ts';

const change = appSuite('Changing a password');

const NEW_PASSWORD = 'ett nytt långt lösenord';

/** The test app's store behind an app that hashes new passwords cheaply. */
function fastApp(t: TestApp) {
  const app = createApp({ store: t.store, passwordCost: FAST_COST });
  return { app, client: () => new TestClient(app) };
}

async function newAccount(admin: TestClient, username: string): Promise<{ id: string; password: string }> {
  const r = await admin.call('POST', '/api/users', { username });
  assert.is(r.status, 201);
  return { id: r.json.user.id, password: r.json.password };
}

async function auditText(t: TestApp): Promise<string> {
  const dir = join(t.dataDir, 'audit');
  return (await Promise.all((await readdir(dir)).map((f) => readFile(join(dir, f), 'utf8')))).join('\n');
}

change('a new account logs in with its one-time password but must change it before anything else', async ({ t }) => {
  const { client } = fastApp(t);
  const admin = client();
  await admin.login('admin');
  const { password } = await newAccount(admin, 'socsek3');

  const user = client();
  const login = await user.login('socsek3', password);
  assert.equal(login.json.mustChangePassword, true);
  assert.is(login.json.user.username, 'socsek3');
  for (const path of ['/api/studies', '/api/users', '/api/studies/mini']) {
    const refused = await user.call('GET', path);
    assert.is(refused.status, 403, path);
    assert.is(refused.json.error.code, 'password_change_required', path);
    assert.match(refused.json.error.message, /byta lösenord/);
  }
  const me = await user.call('GET', '/api/session');
  assert.is(me.status, 200);
  assert.is(me.json.mustChangePassword, true);
  const second = client();
  await second.login('socsek3', password);

  const changed = await user.call('PUT', '/api/session/password', { current: password, next: NEW_PASSWORD });
  assert.is(changed.status, 200);
  assert.is(changed.json.mustChangePassword, false);
  assert.is(changed.json.user.username, 'socsek3');
  assert.is((await user.call('GET', '/api/studies')).status, 200, 'works now');
  assert.is((await second.call('GET', '/api/studies')).status, 401, 'the other session has ended');
  assert.is((await t.anonymous().call('POST', '/api/session', { username: 'socsek3', password })).status, 401, 'the one-time password is spent');
  const again = await t.anonymous().call('POST', '/api/session', { username: 'socsek3', password: NEW_PASSWORD });
  assert.is(again.status, 200);
  assert.is(again.json.mustChangePassword, false);

  const stored = t.store.app.data.users.find((u) => u.username === 'socsek3')!;
  assert.is(stored.mustChangePassword, false);
  assert.equal(costOf(stored.passwordHash), FAST_COST, 'hashed with the injected cost');
  const lines = (await t.store.audit.read()).filter((l) => l.action === 'session.password');
  assert.equal(lines.map((l) => [l.user, l.outcome]), [[stored.id, 'ok']]);
  const audit = await auditText(t);
  assert.not.ok(audit.includes(NEW_PASSWORD) || audit.includes(password), 'no password in the audit log');
});

change('while the change is required, every API route but the session\'s own answers 403', async ({ t }) => {
  const { app, client } = fastApp(t);
  const admin = client();
  await admin.login('admin');
  const { password } = await newAccount(admin, 'socsek3');
  const user = client();
  await user.login('socsek3', password);
  const open = new Set(['GET /api/health', 'POST /api/session', 'GET /api/session', 'DELETE /api/session', 'PUT /api/session/password']);
  const routes = app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !open.has(`${r.method} ${r.path}`));
  assert.ok(routes.length > 20);
  for (const r of routes) {
    const path = r.path.replace(':study', 'mini').replace(':family', 'fam-1').replace(/:[a-z]+/g, 'x-1');
    const res = await user.call(r.method, path, r.method === 'GET' ? undefined : {});
    assert.is(res.status, 403, `${r.method} ${r.path}`);
    assert.is(res.json.error.code, 'password_change_required', `${r.method} ${r.path}`);
  }
  assert.is((await user.call('DELETE', '/api/session')).status, 204, 'logging out still works');
});

change('the change rotates the session id', async ({ t }) => {
  const { client } = fastApp(t);
  const user = client();
  await user.login('socsek1');
  const before = user.cookie;
  assert.is((await user.call('PUT', '/api/session/password', { current: 'demo', next: NEW_PASSWORD })).status, 200);
  assert.ok(user.cookie && user.cookie !== before);
  const old = client();
  old.cookie = before;
  assert.is((await old.call('GET', '/api/session')).status, 401);
  assert.is((await user.call('GET', '/api/session')).status, 200);
});

change('a reset gives a new one-time password that must be changed too', async ({ t }) => {
  const { client } = fastApp(t);
  const admin = client();
  await admin.login('admin');
  const id = t.store.app.data.users.find((u) => u.username === 'socsek2')!.id;
  const { password } = (await admin.call('POST', `/api/users/${id}/reset`)).json;
  const login = await client().login('socsek2', password);
  assert.is(login.json.mustChangePassword, true);
});

change('the demo accounts are not asked to change their password', async ({ t }) => {
  const login = await t.anonymous().login('socsek1');
  assert.is(login.json.mustChangePassword, false);
  assert.ok(t.store.app.data.users.every((u) => !u.mustChangePassword));
});

change('a wrong current password, a short or unchanged new one are refused with a Swedish message', async ({ t }) => {
  const user = await t.as('socsek1');
  const wrong = await user.call('PUT', '/api/session/password', { current: 'fel', next: NEW_PASSWORD });
  assert.is(wrong.status, 422);
  assert.is(wrong.json.error.code, 'wrong_password');
  assert.match(wrong.json.error.message, /nuvarande lösenordet/);
  const short = await user.call('PUT', '/api/session/password', { current: 'demo', next: 'kort' });
  assert.is(short.status, 422);
  assert.is(short.json.error.code, 'password_too_short');
  assert.match(short.json.error.message, /minst 12 tecken/);
  const same = await user.call('PUT', '/api/session/password', { current: 'demo', next: 'demo' });
  assert.is(same.status, 422);
  const unchanged = await user.call('PUT', '/api/session/password', { current: 'ett långt lösenord', next: 'ett långt lösenord' });
  assert.is(unchanged.json.error.code, 'password_unchanged');
  assert.is((await user.call('PUT', '/api/session/password', { current: 'demo' })).status, 422);
  assert.is((await user.call('PUT', '/api/session/password', '{"current":')).status, 400);
  assert.is((await t.anonymous().call('PUT', '/api/session/password', { current: 'demo', next: NEW_PASSWORD })).status, 401);
  const failed = (await t.store.audit.read()).filter((l) => l.action === 'session.password');
  assert.equal(failed.map((l) => l.outcome), ['failed']);
  assert.is((await t.anonymous().call('POST', '/api/session', { username: 'socsek1', password: 'demo' })).status, 200, 'nothing changed');
});

change('wrong current passwords are throttled like logins', async ({ t }) => {
  const user = await t.as('socsek1');
  for (let i = 0; i < 5; i++) await user.call('PUT', '/api/session/password', { current: `fel ${i}`, next: NEW_PASSWORD });
  const locked = await user.call('PUT', '/api/session/password', { current: 'demo', next: NEW_PASSWORD });
  assert.is(locked.status, 429);
  assert.is(locked.json.error.code, 'too_many_attempts');
});

change('without an injected cost, the new password is hashed at the production cost', async ({ t }) => {
  const user = await t.as('forskare1');
  assert.is((await user.call('PUT', '/api/session/password', { current: 'demo', next: NEW_PASSWORD })).status, 200);
  assert.equal(costOf(t.store.app.data.users.find((u) => u.username === 'forskare1')!.passwordHash), PRODUCTION_COST);
});

change.run();
