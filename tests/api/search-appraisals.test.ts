// Searching the comments of kortutredning appraisals: a hand-written chronology imported into fam-1, an
// appraisal saved through the API, then found (or not) through GET /search.
import * as assert from 'uvu/assert';
import { CHRONOLOGY, importChronology } from '../setup/investigation-chronology.ts';
import { appSuite, type TestApp, type TestClient } from '../setup/app.ts';

const search = appSuite('Searching appraisal comments', { clock: () => new Date('2025-06-01T12:00:00Z') });

const base = '/api/studies/mini';
const q = (query: string, extra = '') => `${base}/search?q=${encodeURIComponent(query)}${extra}`;
const appraise = (client: TestClient, id: string, fields: Record<string, unknown>, version: number) =>
  client.call('PUT', `${base}/families/fam-1/investigations/${encodeURIComponent(id)}`,
    { start: null, decided: null, findings: {}, comment: '', ...fields }, { 'if-match': String(version) });

const userId = (t: TestApp, username: string) => t.store.app.data.users.find((u) => u.username === username)!.id;

search('a comment is found as an appraisal hit, by whoever may see the family', async ({ t }) => {
  const doc = await importChronology(t);
  const cw = await t.as('socsek1');
  const id = `${doc}:3`;
  assert.is((await appraise(cw, id, { comment: 'Utredaren nämner pelargonerna men inget barnsamtal.' }, 0)).status, 200);

  const r = await cw.call('GET', q('pelargonerna'));
  assert.is(r.status, 200);
  assert.is(r.json.total, 1);
  const [hit] = r.json.hits;
  assert.equal({ ...hit, score: 0, snippet: '', highlights: [] }, {
    type: 'appraisal', id: `b:${id}`, title: 'Bedömning av utredning 2022-02-10', snippet: '', highlights: [], score: 0,
    familyId: 'fam-1', documentId: doc, start: CHRONOLOGY.indexOf('2022-02-10'), questionId: null, authorId: userId(t, 'socsek1'), year: 2022, childId: null,
  });
  assert.equal(hit.highlights.map(([a, b]: [number, number]) => hit.snippet.slice(a, b)), ['pelargonerna']);

  // The type and year filters.
  assert.is((await cw.call('GET', q('pelargonerna', '&type=appraisal'))).json.total, 1);
  assert.is((await cw.call('GET', q('pelargonerna', '&type=reflection'))).json.total, 0);
  assert.is((await cw.call('GET', q('pelargonerna', '&from=2022&to=2022'))).json.total, 1);
  assert.is((await cw.call('GET', q('pelargonerna', '&to=2021'))).json.total, 0);
  assert.is((await cw.call('GET', q('pelargonerna', '&type=bedomning'))).status, 422, 'an unknown type is refused');

  // Visible like a reflection: researchers and the lead see it, a caseworker of another family does not.
  assert.equal((await (await t.as('forskare1')).call('GET', q('pelargonerna'))).json.hits.map((h: any) => h.id), [`b:${id}`]);
  assert.equal((await (await t.as('projektledare')).call('GET', q('pelargonerna'))).json.hits.map((h: any) => h.id), [`b:${id}`]);
  const other = await (await t.as('socsek2')).call('GET', q('pelargonerna'));
  assert.equal([other.json.total, other.json.hits], [0, []]);
});

search('the index follows the comment and the corrected start; a blank comment is not a hit', async ({ t }) => {
  const doc = await importChronology(t);
  const cw = await t.as('socsek1');
  const id = `${doc}:0`;
  await appraise(cw, id, { comment: 'Pelargonerna nämns.' }, 0);
  assert.is((await cw.call('GET', q('pelargonerna'))).json.total, 1, 'indexed before the change');

  assert.is((await appraise(cw, id, { start: '2020-12-28', comment: 'Nu handlar det om kaktusarna.' }, 1)).status, 200);
  assert.is((await cw.call('GET', q('pelargonerna'))).json.total, 0, 'the old word is gone');
  const [hit] = (await cw.call('GET', q('kaktusarna'))).json.hits;
  assert.equal([hit.id, hit.title, hit.year, hit.start], [`b:${id}`, 'Bedömning av utredning 2020-12-28', 2020, 0]);

  assert.is((await appraise(cw, id, { comment: '   ' }, 2)).status, 200);
  assert.is((await cw.call('GET', q('kaktusarna'))).json.total, 0);
});

search.run();
