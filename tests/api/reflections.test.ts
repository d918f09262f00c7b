import * as assert from 'uvu/assert';
import { appSuite } from '../setup/app.ts';

const refl = appSuite('Reflections');

const base = '/api/studies/mini/families/fam-1/reflections';

refl('a family has a summary and one reflection per question, empty at version 0 until written', async ({ t }) => {
  const cw = await t.as('socsek1');
  const all = (await cw.call('GET', base)).json;
  assert.equal(all.map((r: any) => r.key), ['summary', 'tidiga-tecken', 'outnyttjade-oppningar', 'lyckade-insatser']);
  assert.is(all[0].text, 'Familj 1 har varit aktuell sedan 2010.');
  assert.is(all[0].version, 1);
  assert.equal(all[1], { familyId: 'fam-1', key: 'tidiga-tecken', text: '', version: 0, updatedAt: null, updatedBy: null, updatedById: null });
});

refl('saving with the current version stores the text and bumps the version', async ({ t }) => {
  const cw = await t.as('socsek1');
  const r = await cw.call('PUT', `${base}/tidiga-tecken`, { text: 'BVC såg **tidigt** att mamma var trött.' }, { 'if-match': '0' });
  assert.is(r.status, 200);
  assert.is(r.json.version, 1);
  assert.is(r.json.updatedBy, 'Socialsekreterare 1');
  const again = await cw.call('PUT', `${base}/tidiga-tecken`, { text: 'Andra versionen.' }, { 'if-match': '1' });
  assert.is(again.json.version, 2);
  assert.is((await cw.call('GET', `${base}/tidiga-tecken`)).json.text, 'Andra versionen.');
});

refl('an edit made elsewhere in the meantime gives 409 with the stored text, not a silent overwrite', async ({ t }) => {
  const me = await t.as('socsek1');
  const lead = await t.as('projektledare');
  await lead.call('PUT', `${base}/lyckade-insatser`, { text: 'Projektledarens text.' }, { 'if-match': '0' });
  const mine = await me.call('PUT', `${base}/lyckade-insatser`, { text: 'Min text.' }, { 'if-match': '0' });
  assert.is(mine.status, 409);
  assert.is(mine.json.error.code, 'conflict');
  assert.is(mine.json.error.current.text, 'Projektledarens text.');
  assert.is(mine.json.error.current.version, 1);
  assert.is((await me.call('GET', `${base}/lyckade-insatser`)).json.text, 'Projektledarens text.');
});

refl('two saves racing on the same version: exactly one wins', async ({ t }) => {
  const a = await t.as('socsek1');
  const b = await t.as('projektledare');
  const [ra, rb] = await Promise.all([
    a.call('PUT', `${base}/outnyttjade-oppningar`, { text: 'A' }, { 'if-match': '0' }),
    b.call('PUT', `${base}/outnyttjade-oppningar`, { text: 'B' }, { 'if-match': '0' }),
  ]);
  assert.equal([ra.status, rb.status].sort(), [200, 409]);
});

refl('missing If-Match, unknown keys, researchers and unassigned caseworkers are refused', async ({ t }) => {
  const cw = await t.as('socsek1');
  assert.is((await cw.call('PUT', `${base}/summary`, { text: 'x' })).status, 400);
  assert.is((await cw.call('PUT', `${base}/ingen-fraga`, { text: 'x' }, { 'if-match': '0' })).status, 404);
  assert.is((await cw.call('PUT', `${base}/summary`, { text: 42 }, { 'if-match': '1' })).status, 422);
  const researcher = await t.as('forskare1');
  assert.is((await researcher.call('PUT', `${base}/summary`, { text: 'x' }, { 'if-match': '1' })).status, 403);
  const other = await t.as('socsek2');
  assert.is((await other.call('PUT', `${base}/summary`, { text: 'x' }, { 'if-match': '1' })).status, 404);
});

refl('a saved reflection survives a restart', async ({ t }) => {
  const cw = await t.as('socsek1');
  await cw.call('PUT', `${base}/summary`, { text: 'Sparad före omstart.' }, { 'if-match': '1' });
  const again = await t.restart();
  const r = await (await again.as('socsek1')).call('GET', `${base}/summary`);
  assert.is(r.json.text, 'Sparad före omstart.');
  assert.is(r.json.version, 2);
});

refl.run();
