// A search made while the study's search index is still being built (after a restart, or a large
// import) is answered at once with 503 index_building and how far the building has come, never held
// until it is done; once built, the same search answers. Timing is injected: these apps wait 0 ms.
import * as assert from 'uvu/assert';
import { appSuite } from '../setup/app.ts';

const building = appSuite('Searching while the index is built', { searchWaitMs: 0 });

building('503 index_building with how far it has come, then the hits once it is built', async ({ t }) => {
  const cw = await t.as('socsek1');
  const repo = t.store.study('mini')!;
  const outsider = await (await t.as('admin')).call('GET', '/api/studies/mini/search?q=kontaktfamilj');
  assert.is(outsider.status, 404, 'a user outside the study learns nothing, not even that its index is being built');
  const first = await cw.call('GET', '/api/studies/mini/search?q=kontaktfamilj');
  assert.is(first.status, 503);
  assert.is(first.json.error.code, 'index_building');
  // Nothing indexed yet: every document, then every family, then the last pass over the index.
  assert.equal([first.json.error.done, first.json.error.total], [0, repo.study.documents.length + repo.study.families.length + 1]);
  assert.match(first.json.error.message, /^Sökindexet byggs \(0 %\)/);
  assert.is(first.headers.get('retry-after'), '2');

  await t.search.for(repo).sync();
  const after = await cw.call('GET', '/api/studies/mini/search?q=kontaktfamilj');
  assert.is(after.status, 200);
  assert.ok(after.json.total > 0, 'the hits, once built');
  assert.is(after.headers.get('retry-after'), null, 'no Retry-After on an answer');
});

building('an edit after the index is built: the next search waits for nothing more than that family', async ({ t }) => {
  const cw = await t.as('socsek1');
  const repo = t.store.study('mini')!;
  await t.search.for(repo).sync();
  const [doc] = (await cw.call('GET', '/api/studies/mini/families/fam-1/documents')).json;
  const { text } = (await cw.call('GET', `/api/studies/mini/documents/${doc.id}`)).json;
  const saved = await cw.call('POST', '/api/studies/mini/annotations', {
    documentId: doc.id, questionId: 'tidiga-tecken', target: { start: 0, end: 5, exact: text.slice(0, 5) }, comment: 'Trumpetsnäcka',
  });
  assert.is(saved.status, 201);
  const during = await cw.call('GET', '/api/studies/mini/search?q=trumpetsnäcka');
  assert.equal([during.status, during.json.error.code, during.json.error.done, during.json.error.total], [503, 'index_building', 0, 2], 'one family to index again, and the last pass');
  await t.search.for(repo).sync();
  const found = await cw.call('GET', '/api/studies/mini/search?q=trumpetsnäcka');
  assert.equal([found.status, found.json.total], [200, 1]);
});

building.run();
