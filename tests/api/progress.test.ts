// GET /api/studies/:study/progress: the lead's overview reflects reading, annotations and reflections
// of each caseworker; only the lead sees it.
import * as assert from 'uvu/assert';
import { appSuite } from '../setup/app.ts';

const progress = appSuite('The lead\'s progress overview');

progress('per family and caseworker: entries read, annotations per question, reflections written', async ({ t }) => {
  const lead = await t.as('projektledare');
  const cw = await t.as('socsek1');
  const before = (await lead.call('GET', '/api/studies/mini/progress')).json;
  assert.equal(before.questions.map((q: any) => q.id), ['tidiga-tecken', 'outnyttjade-oppningar', 'lyckade-insatser']);
  assert.equal(before.families.map((f: any) => f.id), ['fam-1', 'fam-2', 'fam-3']);
  const fam2Before = before.families.find((f: any) => f.id === 'fam-2');
  assert.is(fam2Before.caseworkers.length, 1);
  assert.is(fam2Before.caseworkers[0].entriesRead, 0);
  assert.is(fam2Before.documentCount, 1);
  assert.ok(fam2Before.entryCount > 1);

  const [doc] = (await cw.call('GET', '/api/studies/mini/families/fam-2/documents')).json;
  await cw.call('PUT', `/api/studies/mini/documents/${doc.id}/reading`, { reached: 1 });
  const { text } = (await cw.call('GET', `/api/studies/mini/documents/${doc.id}`)).json;
  const exact = text.slice(0, 10);
  const made = await cw.call('POST', '/api/studies/mini/annotations', { documentId: doc.id, questionId: 'lyckade-insatser', target: { start: 0, end: 10, exact } });
  assert.is(made.status, 201);
  await cw.call('PUT', '/api/studies/mini/families/fam-2/reflections/summary', { text: 'Sammanfattat.' }, { 'if-match': '0' });
  await cw.call('PUT', '/api/studies/mini/families/fam-2/reflections/tidiga-tecken', { text: 'Reflekterat.' }, { 'if-match': '0' });

  const after = (await lead.call('GET', '/api/studies/mini/progress')).json;
  const fam2 = after.families.find((f: any) => f.id === 'fam-2');
  const me = fam2.caseworkers[0];
  assert.is(me.displayName.length > 0, true);
  assert.equal(
    { entriesRead: me.entriesRead, annotations: me.annotationsByQuestion, reflections: me.reflectionsWritten, summary: me.summaryWritten },
    { entriesRead: 2, annotations: { 'tidiga-tecken': 0, 'outnyttjade-oppningar': 0, 'lyckade-insatser': 1 }, reflections: 1, summary: true },
  );
  // Other families are untouched.
  const fam3 = after.families.find((f: any) => f.id === 'fam-3');
  assert.is(fam3.caseworkers[0].entriesRead, 0);
});

progress('only the lead sees the overview', async ({ t }) => {
  for (const [name, status] of [['socsek1', 403], ['forskare1', 403], ['admin', 404]] as const) {
    assert.is((await (await t.as(name)).call('GET', '/api/studies/mini/progress')).status, status, name);
  }
  assert.is((await t.anonymous().call('GET', '/api/studies/mini/progress')).status, 401);
  assert.is((await (await t.as('projektledare')).call('GET', '/api/studies/nope/progress')).status, 404);
});

progress.run();
