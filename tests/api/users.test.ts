import * as assert from 'uvu/assert';
import { appSuite } from '../setup/app.ts';
import { rejects } from '../setup/rejects.ts';
import { setDisabled } from '../../server/auth/accounts.ts';

const users = appSuite('Account management by an administrator');

users('an admin adds an account, which logs in with the one-time password', async ({ t }) => {
  const admin = await t.as('admin');
  const r = await admin.call('POST', '/api/users', { username: 'Socsek3', displayName: 'Socialsekreterare 3' });
  assert.is(r.status, 201);
  assert.is(r.json.user.username, 'socsek3');
  assert.not.ok('passwordHash' in r.json.user);
  const login = await t.anonymous().call('POST', '/api/session', { username: 'socsek3', password: r.json.password });
  assert.is(login.status, 200);
  assert.is(login.json.mustChangePassword, true, 'a one-time password must be changed first');
  assert.is((await admin.call('POST', '/api/users', { username: 'socsek3' })).status, 409);
  assert.is((await admin.call('POST', '/api/users', { username: 'ogiltigt namn!' })).status, 422);
});

users('disabling an account ends its sessions at once', async ({ t }) => {
  const cw = await t.as('socsek1');
  const admin = await t.as('admin');
  const id = (await cw.call('GET', '/api/session')).json.user.id;
  const r = await admin.call('PATCH', `/api/users/${id}`, { disabled: true });
  assert.is(r.json.disabled, true);
  assert.is((await cw.call('GET', '/api/studies')).status, 401);
  assert.is((await t.anonymous().call('POST', '/api/session', { username: 'socsek1', password: 'demo' })).status, 401);
});

users('a reset gives a new password and ends the old sessions', async ({ t }) => {
  const cw = await t.as('socsek2');
  const admin = await t.as('admin');
  const id = (await cw.call('GET', '/api/session')).json.user.id;
  const { password } = (await admin.call('POST', `/api/users/${id}/reset`)).json;
  assert.is((await cw.call('GET', '/api/studies')).status, 401);
  assert.is((await t.anonymous().call('POST', '/api/session', { username: 'socsek2', password: 'demo' })).status, 401);
  const again = await t.anonymous().call('POST', '/api/session', { username: 'socsek2', password });
  assert.is(again.status, 200);
  assert.is(again.json.mustChangePassword, true);
});

users('an admin cannot disable their own account or the last admin', async ({ t }) => {
  const admin = await t.as('admin');
  const me = (await admin.call('GET', '/api/session')).json.user.id;
  const own = await admin.call('PATCH', `/api/users/${me}`, { disabled: true });
  assert.is(own.status, 422);
  const second = (await admin.call('POST', '/api/users', { username: 'admin2', admin: true })).json.user;
  assert.is((await admin.call('PATCH', `/api/users/${second.id}`, { disabled: true })).status, 200);
  assert.is((await admin.call('GET', '/api/studies')).status, 200, 'still logged in');
  const last = (await rejects(() => setDisabled(t.store, 'admin', true))) as Error;
  assert.match(last.message, /sista aktiva administratörskontot/);
});

users('only administrators manage accounts', async ({ t }) => {
  const lead = await t.as('projektledare');
  assert.is((await lead.call('GET', '/api/users')).status, 403);
  assert.is((await lead.call('POST', '/api/users', { username: 'x1' })).status, 403);
});

users.run();
