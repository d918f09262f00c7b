import * as assert from 'uvu/assert';
import { appSuite } from '../setup/app.ts';

const admin = appSuite('The lead sets up the study');

admin('a research study without an ethics approval number keeps researchers out until one is entered', async ({ t }) => {
  const lead = await t.as('projektledare');
  const researcher = await t.as('forskare1');
  const { version } = (await lead.call('GET', '/api/studies/mini')).json;
  const r = await lead.call('PATCH', '/api/studies/mini', { legalBasis: 'research', ethicsApproval: null }, { 'if-match': String(version) });
  assert.is(r.status, 200);
  assert.equal((await researcher.call('GET', '/api/studies')).json, []);
  assert.is((await researcher.call('GET', '/api/studies/mini/families')).status, 404);
  assert.is((await (await t.as('socsek1')).call('GET', '/api/studies/mini/families')).status, 200, 'caseworkers are not affected');
  await lead.call('PATCH', '/api/studies/mini', { ethicsApproval: 'Dnr 2026-01234-01' }, { 'if-match': String(r.json.version) });
  assert.is((await researcher.call('GET', '/api/studies/mini/families')).status, 200);
  const view = (await lead.call('GET', '/api/studies/mini')).json;
  assert.equal([view.legalBasis, view.ethicsApproval], ['research', 'Dnr 2026-01234-01']);
});

admin('settings changes need the current version and valid values', async ({ t }) => {
  const lead = await t.as('projektledare');
  const { version } = (await lead.call('GET', '/api/studies/mini')).json;
  assert.is((await lead.call('PATCH', '/api/studies/mini', { endDate: '2027-06-30' }, { 'if-match': String(version + 5) })).status, 409);
  assert.is((await lead.call('PATCH', '/api/studies/mini', { endDate: '30/6 2027' }, { 'if-match': String(version) })).status, 422);
  assert.is((await lead.call('PATCH', '/api/studies/mini', { members: [] }, { 'if-match': String(version) })).status, 422);
});

admin('the lead adds a member and assigns a family; the caseworker then sees it', async ({ t }) => {
  const lead = await t.as('projektledare');
  const admin = await t.as('admin');
  const { user } = (await admin.call('POST', '/api/users', { username: 'socsek3', displayName: 'Socialsekreterare 3' })).json;
  const current = (await lead.call('GET', '/api/studies/mini/members')).json;
  assert.ok(current.accounts.some((a: any) => a.id === user.id));
  const members = [...current.members.map(({ userId, role }: any) => ({ userId, role })), { userId: user.id, role: 'caseworker' }];
  const after = await lead.call('PUT', '/api/studies/mini/members', { members }, { 'if-match': String(current.version) });
  assert.is(after.status, 200);
  const assigned = await lead.call('PUT', '/api/studies/mini/families/fam-3/assignment', { assignedTo: [user.id] }, { 'if-match': String(after.json.version) });
  assert.is(assigned.status, 200);
  assert.equal(assigned.json.assignments['fam-3'], [user.id]);
  const list = await lead.call('POST', '/api/users', {});
  assert.is(list.status, 403);
  const { password } = (await admin.call('POST', `/api/users/${user.id}/reset`)).json;
  const cw = t.anonymous();
  await cw.login('socsek3', password);
  // A one-time password is changed before anything else works.
  assert.is((await cw.call('PUT', '/api/session/password', { current: password, next: 'ett eget långt lösenord' })).status, 200);
  assert.equal((await cw.call('GET', '/api/studies/mini/families')).json.map((f: any) => f.id), ['fam-3']);
  assert.is((await (await t.as('socsek2')).call('GET', '/api/studies/mini/families/fam-3')).status, 404, 'socsek2 lost fam-3');
});

admin('a study keeps at least one lead, and only caseworkers of the study can be assigned', async ({ t }) => {
  const lead = await t.as('projektledare');
  const current = (await lead.call('GET', '/api/studies/mini/members')).json;
  const noLead = current.members.map(({ userId }: any) => ({ userId, role: 'caseworker' }));
  const r = await lead.call('PUT', '/api/studies/mini/members', { members: noLead }, { 'if-match': String(current.version) });
  assert.is(r.status, 422);
  const researcherId = current.members.find((m: any) => m.role === 'researcher').userId;
  const bad = await lead.call('PUT', '/api/studies/mini/families/fam-1/assignment', { assignedTo: [researcherId] }, { 'if-match': String(current.version) });
  assert.is(bad.status, 422);
  assert.is((await lead.call('GET', '/api/studies/mini/members')).json.version, current.version, 'nothing changed');
});

admin('removing a caseworker from the study also removes their assignments', async ({ t }) => {
  const lead = await t.as('projektledare');
  const current = (await lead.call('GET', '/api/studies/mini/members')).json;
  const members = current.members.filter((m: any) => m.username !== 'socsek1').map(({ userId, role }: any) => ({ userId, role }));
  const r = await lead.call('PUT', '/api/studies/mini/members', { members }, { 'if-match': String(current.version) });
  assert.equal(r.json.assignments['fam-1'], []);
  assert.equal((await (await t.as('socsek1')).call('GET', '/api/studies')).json, []);
});

admin.run();
