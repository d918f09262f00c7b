// Closing a study makes it read-only (reads and the audit log still work); only a closed study can be
// erased; erasing removes its texts and records from the disk and
// leaves a line in the audit log saying who erased which study.
import * as assert from 'uvu/assert';
import { access, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { appSuite } from '../setup/app.ts';

const closing = appSuite('Closing and erasing a study');

closing('a closed study refuses every write with 409 study_closed, and reads go on', async ({ t }) => {
  const lead = await t.as('projektledare');
  const cw = await t.as('socsek1');
  const study = (await lead.call('GET', '/api/studies/mini')).json;
  assert.is((await cw.call('POST', '/api/studies/mini/close', undefined, { 'if-match': String(study.version) })).status, 403, 'only the lead closes');
  assert.is((await lead.call('POST', '/api/studies/mini/close', undefined, { 'if-match': '999' })).status, 409, 'over a stale version');
  const closed = await lead.call('POST', '/api/studies/mini/close', undefined, { 'if-match': String(study.version) });
  assert.is(closed.status, 200);
  assert.is(closed.json.status, 'closed');

  const [doc] = (await cw.call('GET', '/api/studies/mini/families/fam-1/documents')).json;
  const { text } = (await cw.call('GET', `/api/studies/mini/documents/${doc.id}`)).json;
  const writes = [
    await cw.call('POST', '/api/studies/mini/annotations', { documentId: doc.id, questionId: 'tidiga-tecken', target: { start: 0, end: 5, exact: text.slice(0, 5) } }),
    await cw.call('PUT', '/api/studies/mini/families/fam-1/reflections/summary', { text: 'x' }, { 'if-match': '0' }),
    await lead.call('PATCH', '/api/studies/mini', { endDate: '2028-01-01' }, { 'if-match': String(closed.json.version) }),
    await lead.call('POST', '/api/studies/mini/families/fam-1/documents', { title: 'Ny', text: '2020-01-01 Text.' }),
  ];
  for (const w of writes) assert.equal([w.status, w.json.error.code], [409, 'study_closed']);
  assert.is((await cw.call('GET', '/api/studies/mini/annotations?family=fam-1')).status, 200);
  assert.is((await lead.call('GET', '/api/studies/mini/audit')).status, 200);
  const outsider = await t.as('admin');
  assert.is((await outsider.call('POST', '/api/studies/mini/annotations', {})).status, 404, 'an outsider does not learn that it is closed');
  const again = await (await t.restart()).as('projektledare');
  assert.is((await again.call('GET', '/api/studies/mini')).json.status, 'closed', 'closed survives a restart');
});

closing('permissions.code: a researcher and the lead may code in an open study, a caseworker never, nobody once closed', async ({ t }) => {
  const code = async (u: string, fam: string) => (await (await t.as(u)).call('GET', `/api/studies/mini/families/${fam}`)).json.permissions.code;
  const listed = async (u: string) => (await (await t.as(u)).call('GET', '/api/studies/mini/families')).json.map((f: any) => f.permissions.code);
  assert.is(await code('forskare1', 'fam-1'), true, 'a researcher in an open study');
  assert.is(await code('projektledare', 'fam-1'), true, 'the lead in an open study');
  assert.is(await code('socsek1', 'fam-1'), false, 'a caseworker, even in their own family');
  assert.equal(await listed('forskare1'), [true, true, true], 'the families list says the same');

  const lead = await t.as('projektledare');
  assert.is((await lead.call('POST', '/api/studies/mini/close')).status, 200);
  for (const [user, fam] of [['forskare1', 'fam-1'], ['projektledare', 'fam-3'], ['socsek1', 'fam-1']] as const) {
    const permissions = (await (await t.as(user)).call('GET', `/api/studies/mini/families/${fam}`)).json.permissions;
    assert.equal(permissions, { annotate: false, reflect: false, import: false, code: false }, `${user} writes nothing once closed`);
  }
  assert.equal(await listed('forskare1'), [false, false, false]);
  // The flag says what the server does: coding in the closed study is refused.
  const refused = await (await t.as('forskare1')).call('POST', '/api/studies/mini/codes', { name: 'För sent' });
  assert.equal([refused.status, refused.json.error.code], [409, 'study_closed']);
});

closing('erasing needs a closed study; then texts and records are gone, the audit line stays', async ({ t }) => {
  const lead = await t.as('projektledare');
  const dir = join(t.dataDir, 'studies', 'mini');
  const open = await lead.call('DELETE', '/api/studies/mini');
  assert.equal([open.status, open.json.error.code], [409, 'conflict']);
  assert.is((await lead.call('POST', '/api/studies/mini/close')).status, 200, 'If-Match is optional when closing');
  assert.is((await (await t.as('socsek1')).call('DELETE', '/api/studies/mini')).status, 403, 'only the lead erases');
  assert.ok((await readdir(join(dir, 'documents'))).length > 0);

  assert.is((await lead.call('DELETE', '/api/studies/mini')).status, 204);
  await access(dir).then(() => assert.unreachable('the study directory is gone'), () => undefined);
  assert.is((await lead.call('GET', '/api/studies/mini')).status, 404);
  assert.equal((await lead.call('GET', '/api/studies')).json, []);
  const leadId = t.store.app.data.users.find((u) => u.username === 'projektledare')!.id;
  const erased = (await t.store.audit.read()).filter((l) => l.action === 'study.erase' && l.outcome === 'ok');
  assert.equal(erased.map((l) => [l.user, l.study, l.object]), [[leadId, 'mini', 'mini']], 'who erased which study');
  const after = await t.restart();
  assert.is(after.store.study('mini'), undefined, 'still gone after a restart');
  assert.ok((await after.store.audit.verify()).ok);
});

closing('a project export made while its study is erased answers 404, never 500 or the erased study', async ({ t }) => {
  const lead = await t.as('projektledare');
  assert.is((await lead.call('POST', '/api/studies/mini/close')).status, 200);
  // The package is built in a worker thread, which starts after the erasure below has begun: it either
  // finds the texts gone or finishes from records taken before. Either way the study is not sent.
  const exporting = lead.call('GET', '/api/studies/mini/export/project.qdpx');
  const erasing = lead.call('DELETE', '/api/studies/mini');
  assert.is((await erasing).status, 204);
  const exported = await exporting;
  assert.equal([exported.status, exported.json.error.code], [404, 'not_found']);
});

closing('an export sent as it is made (annotations.jsonld) is cut off when its study is erased during the download', async ({ t }) => {
  const lead = await t.as('projektledare');
  assert.is((await lead.call('POST', '/api/studies/mini/close')).status, 200);
  const res = await t.app.request('/api/studies/mini/export/annotations.jsonld', { headers: { cookie: lead.cookie, origin: 'http://localhost' } });
  assert.is(res.status, 200);
  assert.is(res.headers.get('content-length'), null, 'made as it is sent: no length in advance');
  const reader = res.body!.getReader();
  const first = await reader.read();
  assert.match(new TextDecoder().decode(first.value), /"type": "AnnotationCollection"/);
  assert.is((await lead.call('DELETE', '/api/studies/mini')).status, 204);
  let text = '';
  const cut = await (async () => {
    for (;;) {
      const next = await reader.read();
      if (next.done) return false;
      text += new TextDecoder().decode(next.value);
    }
  })().catch(() => true);
  assert.ok(cut, 'the download ends in an error, not as a whole file');
  assert.not.match(text, /"TextQuoteSelector"/, 'no annotation after the erasure');
});

closing.run();
