// Reading progress: the reader reports the highest entry reached in a document; it only increases,
// is the user's own, survives a restart, and is refused outside the family's caseworkers and the lead.
import * as assert from 'uvu/assert';
import { appSuite } from '../setup/app.ts';

const reading = appSuite('Reading progress');

async function docOf(client: Awaited<ReturnType<import('../setup/app.ts').TestApp['as']>>, family: string) {
  const [doc] = (await client.call('GET', `/api/studies/mini/families/${family}/documents`)).json;
  return doc as { id: string; entryCount: number };
}

reading('a caseworker reports how far they read; a smaller value is ignored and the stored one returned', async ({ t }) => {
  const cw = await t.as('socsek1');
  const doc = await docOf(cw, 'fam-1');
  const put = (reached: unknown) => cw.call('PUT', `/api/studies/mini/documents/${doc.id}/reading`, { reached });
  const first = await put(2);
  assert.is(first.status, 200);
  assert.equal([first.json.documentId, first.json.reached], [doc.id, 2]);
  assert.is((await put(1)).json.reached, 2);
  assert.is((await put(2)).json.reached, 2);
  assert.is((await put(3)).json.reached, 3);
  const family = (await cw.call('GET', '/api/studies/mini/families/fam-1')).json;
  assert.equal(family.reading, { [doc.id]: 3 });
  // Someone else's reading is their own.
  const lead = await t.as('projektledare');
  assert.equal((await lead.call('GET', '/api/studies/mini/families/fam-1')).json.reading, {});
  assert.is((await lead.call('PUT', `/api/studies/mini/documents/${doc.id}/reading`, { reached: 0 })).json.reached, 0);
  assert.equal((await cw.call('GET', '/api/studies/mini/families/fam-1')).json.reading, { [doc.id]: 3 });
});

reading('reading survives a restart and still only increases afterwards', async ({ t }) => {
  const cw = await t.as('socsek1');
  const doc = await docOf(cw, 'fam-1');
  await cw.call('PUT', `/api/studies/mini/documents/${doc.id}/reading`, { reached: 4 });
  const again = await t.restart();
  const cw2 = await again.as('socsek1');
  assert.equal((await cw2.call('GET', '/api/studies/mini/families/fam-1')).json.reading, { [doc.id]: 4 });
  assert.is((await cw2.call('PUT', `/api/studies/mini/documents/${doc.id}/reading`, { reached: 1 })).json.reached, 4);
  const records = again.store.study('mini')!.familyData('fam-1').reading;
  assert.equal(records.map((r) => ({ ...r, updatedAt: typeof r.updatedAt })),
    [{ id: `${records[0]!.userId}:${doc.id}`, userId: records[0]!.userId, documentId: doc.id, reached: 4, version: 1, updatedAt: 'string' }]);
});

reading('invalid reports are 4xx: not an index, past the last entry, wrong shape, not JSON', async ({ t }) => {
  const cw = await t.as('socsek1');
  const doc = await docOf(cw, 'fam-1');
  const url = `/api/studies/mini/documents/${doc.id}/reading`;
  for (const body of [{ reached: -1 }, { reached: 1.5 }, { reached: '3' }, { reached: doc.entryCount }, {}, { reached: 1, extra: 1 }, []]) {
    assert.is((await cw.call('PUT', url, body)).status, 422, JSON.stringify(body));
  }
  assert.is((await cw.call('PUT', url, '{')).status, 400);
  assert.is((await cw.call('PUT', url, 'x', { 'content-type': 'text/plain' })).status, 415);
  assert.is((await cw.call('PUT', url, { reached: doc.entryCount - 1 })).status, 200, 'the last entry is fine');
});

reading('only the family\'s caseworkers and the lead report; others get 403 or 404; a closed study refuses', async ({ t }) => {
  const lead = await t.as('projektledare');
  const doc = await docOf(lead, 'fam-1');
  const url = `/api/studies/mini/documents/${doc.id}/reading`;
  assert.is((await (await t.as('socsek2')).call('PUT', url, { reached: 1 })).status, 404);
  assert.is((await (await t.as('forskare1')).call('PUT', url, { reached: 1 })).status, 403);
  assert.is((await (await t.as('admin')).call('PUT', url, { reached: 1 })).status, 404);
  assert.is((await t.anonymous().call('PUT', url, { reached: 1 })).status, 401);
  assert.is((await lead.call('PUT', '/api/studies/mini/documents/d-nope/reading', { reached: 1 })).status, 404);
  await t.store.study('mini')!.mutateStudy((s) => void (s.status = 'closed'));
  const closed = await lead.call('PUT', url, { reached: 1 });
  assert.equal([closed.status, closed.json.error.code], [409, 'study_closed']);
  assert.equal(t.store.study('mini')!.familyData('fam-1').reading, []);
});

reading.run();
