import * as assert from 'uvu/assert';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appSuite } from '../setup/app.ts';

const audit = appSuite('The audit log through the API');

audit('logins, document reads and changes are logged with who, what and outcome, never content', async ({ t }) => {
  await t.anonymous().call('POST', '/api/session', { username: 'socsek1', password: 'fel-lösenord' });
  const cw = await t.as('socsek1');
  const [doc] = (await cw.call('GET', '/api/studies/mini/families/fam-1/documents')).json;
  const { text } = (await cw.call('GET', `/api/studies/mini/documents/${doc.id}`)).json;
  const quote = 'önskar stöd i vardagen';
  const start = text.indexOf(quote);
  const created = await cw.call('POST', '/api/studies/mini/annotations', {
    documentId: doc.id, questionId: 'tidiga-tecken', target: { start, end: start + quote.length, exact: quote }, comment: 'HEMLIG KOMMENTAR',
  });
  await cw.call('PUT', '/api/studies/mini/families/fam-1/reflections/summary', { text: 'HEMLIG REFLEKTION' }, { 'if-match': '1' });

  const lead = await t.as('projektledare');
  const r = await lead.call('GET', '/api/studies/mini/audit');
  assert.is(r.status, 200);
  const actions = r.json.entries.map((e: any) => `${e.action}:${e.outcome}`);
  for (const a of ['session.login:failed', 'session.login:ok', 'document.read:ok', 'annotation.create:ok', 'reflection.update:ok']) {
    assert.ok(actions.includes(a), a);
  }
  const read = r.json.entries.find((e: any) => e.action === 'document.read');
  assert.equal(
    { user: read.userName, role: read.role, study: read.study, family: read.family, object: read.object },
    { user: 'Socialsekreterare 1', role: 'caseworker', study: 'mini', family: 'fam-1', object: doc.id },
  );
  assert.ok(r.json.entries.some((e: any) => e.object === created.json.id));
  const files = await readdir(join(t.dataDir, 'audit'));
  for (const f of files) assert.not.match(await readFile(join(t.dataDir, 'audit', f), 'utf8'), /HEMLIG|fel-lösenord|stöd i vardagen/);
  assert.is((await t.store.audit.verify()).ok, true);
});

audit('a refused read is logged as denied', async ({ t }) => {
  const lead = await t.as('projektledare');
  const [doc] = (await lead.call('GET', '/api/studies/mini/families/fam-3/documents')).json;
  const cw = await t.as('socsek1');
  assert.is((await cw.call('GET', `/api/studies/mini/documents/${doc.id}`)).status, 404);
  const entries = (await lead.call('GET', '/api/studies/mini/audit?action=document.read')).json.entries;
  assert.ok(entries.some((e: any) => e.object === doc.id && e.outcome === 'denied' && e.userName === 'Socialsekreterare 1'));
});

audit('only the lead reads the audit log, with filters by user, action, family and period', async ({ t }) => {
  const cw = await t.as('socsek1');
  assert.is((await cw.call('GET', '/api/studies/mini/audit')).status, 403);
  assert.is((await (await t.as('forskare1')).call('GET', '/api/studies/mini/audit')).status, 403);
  const [doc] = (await cw.call('GET', '/api/studies/mini/families/fam-1/documents')).json;
  await cw.call('GET', `/api/studies/mini/documents/${doc.id}`);
  const lead = await t.as('projektledare');
  const byUser = (await lead.call('GET', '/api/studies/mini/audit?user=socsek1')).json.entries;
  assert.ok(byUser.length >= 2);
  assert.ok(byUser.every((e: any) => e.userName === 'Socialsekreterare 1'));
  const byFamily = (await lead.call('GET', '/api/studies/mini/audit?family=fam-1')).json.entries;
  assert.ok(byFamily.length >= 1 && byFamily.every((e: any) => e.family === 'fam-1'));
  assert.is((await lead.call('GET', '/api/studies/mini/audit?from=2999-01-01')).json.total, 0);
  assert.is((await lead.call('GET', '/api/studies/mini/audit?from=igår')).status, 422);
});

audit('the lead exports the audit log as CSV', async ({ t }) => {
  const lead = await t.as('projektledare');
  const r = await lead.call('GET', '/api/studies/mini/audit?format=csv&action=session');
  assert.is(r.status, 200);
  assert.match(r.headers.get('content-type')!, /text\/csv/);
  assert.match(r.headers.get('content-disposition')!, /granskningslogg-mini\.csv/);
  const lines = r.text.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.is(lines[0], 'tid,användare,namn,roll,händelse,studie,familj,objekt,objekt-id,utfall');
  assert.ok(lines.length > 1);
  assert.ok(lines.slice(1).every((l) => l.includes('Loggade in') && !l.includes('session.login')));
});

audit('the CSV speaks Swedish: roles, actions, outcomes, the family and the object by name', async ({ t }) => {
  const cw = await t.as('socsek1');
  const [doc] = (await cw.call('GET', '/api/studies/mini/families/fam-1/documents')).json;
  await cw.call('GET', `/api/studies/mini/documents/${doc.id}`);
  const lead = await t.as('projektledare');
  await lead.call('GET', '/api/studies/mini/families/fam-3/reflections/tidiga-tecken');
  await lead.call('PUT', '/api/studies/mini/families/fam-3/reflections/tidiga-tecken', { text: 'x' }, { 'if-match': '0' });
  const csv = (await lead.call('GET', '/api/studies/mini/audit?format=csv')).text.replace(/^\uFEFF/, '').trim().split('\r\n');
  const read = csv.find((l) => l.includes('Läste dokument'))!;
  assert.ok(read, 'the document read is there');
  assert.match(read, /,Socialsekreterare 1,socialsekreterare,Läste dokument,mini,Familj 1,"?Akt, familj 1"?,/);
  assert.match(read, /,genomförd$/);
  const reflection = csv.find((l) => l.includes('Sparade reflektion'))!;
  assert.match(reflection, /,projektledare,Sparade reflektion,mini,Familj 3,Tidiga tecken,tidiga-tecken,genomförd$/);
  assert.ok(!csv.slice(1).some((l) => /,(ok|denied|failed)$/.test(l)), 'no English outcomes');

  // Exporting is logged as an export, and reading the JSON names the objects the same way.
  const entries = (await lead.call('GET', '/api/studies/mini/audit')).json.entries;
  assert.ok(entries.some((e: any) => e.action === 'audit.export' && e.outcome === 'ok'));
  const json = entries.find((e: any) => e.action === 'document.read' && e.object === doc.id);
  assert.equal({ familyLabel: json.familyLabel, objectLabel: json.objectLabel }, { familyLabel: 'Familj 1', objectLabel: 'Akt, familj 1' });
});

audit('searches are logged and can be filtered by action, without the query', async ({ t }) => {
  const cw = await t.as('socsek1');
  assert.is((await cw.call('GET', '/api/studies/mini/search?q=vardagen')).status, 200);
  const lead = await t.as('projektledare');
  const r = await lead.call('GET', '/api/studies/mini/audit?action=search');
  assert.is(r.status, 200);
  assert.ok(r.json.total >= 1);
  assert.ok(r.json.entries.every((e: any) => e.action === 'search'));
  assert.ok(r.json.entries.some((e: any) => e.userName === 'Socialsekreterare 1' && e.outcome === 'ok'));
  assert.not.match(JSON.stringify(r.json), /vardagen/);
});

audit.run();
