// A write that fails on disk leaves no trace: not in the annotation list (and its cache), not in the
// search index, not after a restart; and the next write works once the disk does.
import * as assert from 'uvu/assert';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { appSuite } from '../setup/app.ts';

const failed = appSuite('A write that fails on disk');

failed('leaves no phantom in the list, the search index or the data after restart', async ({ t }) => {
  const cw = await t.as('socsek1');
  const [doc] = (await cw.call('GET', '/api/studies/mini/families/fam-2/documents')).json;
  const { text } = (await cw.call('GET', `/api/studies/mini/documents/${doc.id}`)).json;
  const list = () => cw.call('GET', `/api/studies/mini/annotations?document=${doc.id}`).then((r) => r.json.map((a: any) => a.comment));
  const search = (q: string) => cw.call('GET', `/api/studies/mini/search?q=${q}&type=annotation`).then((r) => r.json.total);
  const create = (comment: string) => cw.call('POST', '/api/studies/mini/annotations', {
    documentId: doc.id, questionId: 'tidiga-tecken', target: { start: 0, end: 8, exact: text.slice(0, 8) }, comment,
  });
  assert.equal(await list(), [], 'cached: an empty list');
  assert.is(await search('fantomkommentar'), 0);

  const journal = join(t.dataDir, 'studies', 'mini', 'families', 'fam-2.log');
  await mkdir(journal); // the journal cannot be appended to: the disk write fails
  // Readers that come while the write is under way must not see it either (nor cache it).
  const [r, during] = await Promise.all([create('fantomkommentar'), Promise.resolve().then(list), Promise.resolve().then(() => search('fantomkommentar'))]);
  assert.equal(during, []);
  assert.ok(r.status >= 500, `the failed write is not acknowledged (${r.status})`);
  assert.equal(r.json.error.code, 'internal');
  assert.equal(await list(), [], 'no phantom in the list');
  assert.is(await search('fantomkommentar'), 0, 'no phantom in the search index');

  await rm(journal, { recursive: true });
  assert.is((await create('riktig kommentar')).status, 201);
  assert.equal(await list(), ['riktig kommentar']);
  assert.is(await search('riktig'), 1);
  const again = await (await t.restart()).as('socsek1');
  const stored = (await again.call('GET', `/api/studies/mini/annotations?document=${doc.id}`)).json.map((a: any) => a.comment);
  assert.equal(stored, ['riktig kommentar']);
});

failed.run();
