// Ids taken from a URL reach the audit log only when they name something that exists: a personal
// number typed into an address must never be written down.
import * as assert from 'uvu/assert';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appSuite, type TestApp } from '../setup/app.ts';

const ids = appSuite('The audit log writes only ids that exist');

const PNR = '19930505-1014';

async function lastLine(t: TestApp, action: string) {
  const lines = (await t.store.audit.read()).filter((l) => l.action === action);
  return lines[lines.length - 1]!;
}

async function auditFiles(t: TestApp): Promise<string> {
  const dir = join(t.dataDir, 'audit');
  const texts = await Promise.all((await readdir(dir)).map((f) => readFile(join(dir, f), 'utf8')));
  return texts.join('\n');
}

ids('a read of a document that does not exist keeps the action and outcome but not the id', async ({ t }) => {
  const lead = await t.as('projektledare');
  assert.is((await lead.call('GET', `/api/studies/mini/documents/${PNR}`)).status, 404);
  const line = await lastLine(t, 'document.read');
  assert.equal({ study: line.study, family: line.family, object: line.object, outcome: line.outcome },
    { study: 'mini', family: null, object: null, outcome: 'denied' });
});

ids('a refused read of a document that exists still names it', async ({ t }) => {
  const lead = await t.as('projektledare');
  const [doc] = (await lead.call('GET', '/api/studies/mini/families/fam-3/documents')).json;
  const cw = await t.as('socsek1');
  assert.is((await cw.call('GET', `/api/studies/mini/documents/${doc.id}`)).status, 404);
  const line = await lastLine(t, 'document.read');
  assert.is(line.object, doc.id);
  assert.is(line.outcome, 'denied');
});

ids('unknown families, reflection keys, annotations and accounts are not written either', async ({ t }) => {
  const cw = await t.as('socsek1');
  const admin = await t.as('admin');
  const lead = await t.as('projektledare');
  await cw.call('PUT', `/api/studies/mini/families/${PNR}/reflections/summary`, { text: 'x' }, { 'if-match': '0' });
  await cw.call('PUT', `/api/studies/mini/families/fam-1/reflections/${PNR}`, { text: 'x' }, { 'if-match': '0' });
  await cw.call('PATCH', `/api/studies/mini/annotations/${PNR}`, { comment: 'x' }, { 'if-match': '1' });
  await cw.call('DELETE', `/api/studies/mini/annotations/${PNR}`, undefined, { 'if-match': '1' });
  await admin.call('PATCH', `/api/users/${PNR}`, { disabled: true });
  await admin.call('POST', `/api/users/${PNR}/reset`);
  await lead.call('PUT', `/api/studies/mini/families/${PNR}/assignment`, { assignedTo: [] }, { 'if-match': '1' });
  await lead.call('POST', `/api/studies/mini/families/${PNR}/names`, { names: [{ name: 'Elsa', label: 'Barn 1' }] });
  await lead.call('POST', `/api/studies/mini/families/${PNR}/imports/${PNR}/commit`);
  const lines = await t.store.audit.read();
  for (const action of ['reflection.update', 'annotation.update', 'annotation.delete', 'user.update', 'user.reset', 'family.assign', 'family.names', 'document.import']) {
    assert.ok(lines.some((l) => l.action === action && l.outcome !== 'ok'), `${action} is logged`);
  }
  // The number, or its last four digits on their own (not inside a hex hash or id, where "1014" turns up by chance).
  assert.not.match(await auditFiles(t), /19930505|930505|(?<![0-9a-f])1014(?![0-9a-f])/);
  const reflection = lines.filter((l) => l.action === 'reflection.update');
  // 'summary' is a reflection every family has; the unknown key is not written.
  assert.equal(reflection.map((l) => [l.family, l.object]), [[null, 'summary'], ['fam-1', null]]);
});

ids('a refused change to an account that exists names the account', async ({ t }) => {
  const admin = await t.as('admin');
  const me = (await admin.call('GET', '/api/session')).json.user.id;
  assert.is((await admin.call('PATCH', `/api/users/${me}`, { disabled: true })).status, 422);
  const line = await lastLine(t, 'user.update');
  assert.equal([line.object, line.outcome], [me, 'failed']);
});

ids.run();
