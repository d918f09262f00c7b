// The code × question and code × family matrices, the codings behind one cell, and the research
// overview, on one known setup whose counts are worked out by hand below.
import * as assert from 'uvu/assert';
import { appSuite, type TestApp, type TestClient } from '../setup/app.ts';

const s = appSuite('Matrix and research overview API');

const base = '/api/studies/mini';

interface Setup {
  r: TestClient;
  risk: string;
  hemmet: string;
  stod: string;
  /** Coding ids by name, see below. */
  k: Record<string, string>;
}

/**
 * Codebook: Risk > Hemmet, and Stöd. Rows in codebook order: 0 Risk, 1 Hemmet, 2 Stöd.
 * Question columns: 0 tidiga-tecken, 1 outnyttjade-oppningar, 2 lyckade-insatser, 3 summary, 4 passage.
 * Family columns: 0 fam-1, 1 fam-2, 2 fam-3.
 *
 *   riskA0     Risk   on the seeded annotation a0 (fam-1, tidiga-tecken)
 *   hemmetA0   Hemmet on a0                      (fam-1, tidiga-tecken)
 *   hemmetA1   Hemmet on a1, socsek1's new one   (fam-1, outnyttjade-oppningar)
 *   stodSum    Stöd   on fam-1's summary, whole  (fam-1, summary)
 *   riskSumP   Risk   on a passage of the summary (fam-1, summary)
 *   stodLi     Stöd   on fam-1's lyckade-insatser reflection (fam-1, lyckade-insatser)
 *   hemmetP2   Hemmet on a passage of fam-2's case file (fam-2, passage)
 *   riskP3     Risk   on a passage of fam-3's case file (fam-3, passage)
 */
async function setup(t: TestApp): Promise<Setup> {
  const cw = await t.as('socsek1');
  const r = await t.as('forskare1');
  const passage = async (family: string, quote: string) => {
    const [doc] = (await r.call('GET', `${base}/families/${family}/documents`)).json;
    const { text } = (await r.call('GET', `${base}/documents/${doc.id}`)).json;
    const start = text.indexOf(quote);
    return { type: 'passage', documentId: doc.id, start, end: start + quote.length, exact: quote };
  };
  const [a0] = (await r.call('GET', `${base}/annotations?family=fam-1`)).json;
  const doc1 = a0.documentId;
  const { text: text1 } = (await r.call('GET', `${base}/documents/${doc1}`)).json;
  const quote = 'önskar stöd i vardagen';
  const at = text1.indexOf(quote);
  const a1 = (await cw.call('POST', `${base}/annotations`, {
    documentId: doc1, questionId: 'outnyttjade-oppningar', target: { start: at, end: at + quote.length, exact: quote }, comment: '',
  })).json;
  assert.is((await cw.call('PUT', `${base}/families/fam-1/reflections/lyckade-insatser`, { text: 'Kontaktfamiljen.' }, { 'if-match': '0' })).status, 200);

  const code = async (name: string, parentId: string | null = null) => (await r.call('POST', `${base}/codes`, { name, parentId })).json.id as string;
  const risk = await code('Risk');
  const hemmet = await code('Hemmet', risk);
  const stod = await code('Stöd');
  const k: Record<string, string> = {};
  const apply = async (name: string, codeId: string, target: unknown) => {
    const res = await r.call('POST', `${base}/codings`, { codeId, target });
    assert.is(res.status, 201, name);
    k[name] = res.json.id;
  };
  await apply('riskA0', risk, { type: 'annotation', id: a0.id });
  await apply('hemmetA0', hemmet, { type: 'annotation', id: a0.id });
  await apply('hemmetA1', hemmet, { type: 'annotation', id: a1.id });
  await apply('stodSum', stod, { type: 'reflection', familyId: 'fam-1', key: 'summary' });
  // "Familj 1 har varit aktuell sedan 2010." — "aktuell" is at 19–26.
  await apply('riskSumP', risk, { type: 'reflection', familyId: 'fam-1', key: 'summary', start: 19, end: 26, exact: 'aktuell' });
  await apply('stodLi', stod, { type: 'reflection', familyId: 'fam-1', key: 'lyckade-insatser' });
  await apply('hemmetP2', hemmet, await passage('fam-2', 'larm om bråk'));
  await apply('riskP3', risk, await passage('fam-3', 'stöd i föräldraskapet'));
  return { r, risk, hemmet, stod, k };
}

const segmentIds = (matrix: any) => (matrix.segments as any[]).map((v) => v.id).sort();

s('code × question: rows in codebook order, one column per question plus summary and passages, own and folded counts', async ({ t }) => {
  const { r, risk, hemmet, stod } = await setup(t);
  const res = await r.call('GET', `${base}/matrix?rows=code&cols=question`);
  assert.is(res.status, 200);
  const m = res.json;
  assert.equal(m.rows, [
    // New codes take the palette's colours in turn: blue, red, green.
    { id: risk, label: 'Risk', color: '#1f77b4', parentId: null, depth: 0 },
    { id: hemmet, label: 'Hemmet', color: '#d62728', parentId: risk, depth: 1 },
    { id: stod, label: 'Stöd', color: '#2ca02c', parentId: null, depth: 0 },
  ]);
  assert.equal(m.cols, [
    { id: 'tidiga-tecken', label: 'Tidiga tecken' },
    { id: 'outnyttjade-oppningar', label: 'Outnyttjade öppningar' },
    { id: 'lyckade-insatser', label: 'Lyckade insatser' },
    { id: 'summary', label: 'Sammanfattning' },
    { id: 'passage', label: 'Stycken i akten' },
  ]);
  assert.equal(m.cells, [
    [1, 0, 0, 1, 1], // Risk: riskA0 | riskSumP | riskP3
    [1, 1, 0, 0, 1], // Hemmet: hemmetA0 | hemmetA1 | hemmetP2
    [0, 0, 1, 1, 0], // Stöd: stodLi | stodSum
  ]);
  assert.equal(m.rollup, [
    [2, 1, 0, 1, 2], // Risk + Hemmet
    [1, 1, 0, 0, 1],
    [0, 0, 1, 1, 0],
  ]);
  assert.is(m.segments, undefined, 'no cell asked for');
  const byDefault = (await r.call('GET', `${base}/matrix`)).json;
  assert.equal(byDefault.cells, m.cells, 'rows=code&cols=question is the default');
});

s('code × family: counts per family, folded', async ({ t }) => {
  const { r } = await setup(t);
  const m = (await r.call('GET', `${base}/matrix?rows=code&cols=family`)).json;
  assert.equal(m.cols, [{ id: 'fam-1', label: 'Familj 1' }, { id: 'fam-2', label: 'Familj 2' }, { id: 'fam-3', label: 'Familj 3' }]);
  assert.equal(m.cells, [
    [2, 0, 1], // Risk: riskA0, riskSumP | riskP3
    [2, 1, 0], // Hemmet: hemmetA0, hemmetA1 | hemmetP2
    [2, 0, 0], // Stöd: stodSum, stodLi
  ]);
  assert.equal(m.rollup, [
    [4, 1, 1],
    [2, 1, 0],
    [2, 0, 0],
  ]);
});

s('&cell=r,c returns exactly the codings behind the cell; with rollup=1 those of sub-codes too', async ({ t }) => {
  const { r, k } = await setup(t);
  const cell = async (query: string) => {
    const res = await r.call('GET', `${base}/matrix?rows=code&cols=question&${query}`);
    assert.is(res.status, 200, query);
    return segmentIds(res.json);
  };
  const sorted = (...names: string[]) => names.map((n) => k[n]!).sort();
  assert.equal(await cell('cell=0,4'), sorted('riskP3'));
  assert.equal(await cell('cell=0,4&rollup=1'), sorted('riskP3', 'hemmetP2'));
  assert.equal(await cell('cell=0,0'), sorted('riskA0'));
  assert.equal(await cell('cell=0,0&rollup=1'), sorted('riskA0', 'hemmetA0'));
  assert.equal(await cell('cell=0,3'), sorted('riskSumP'));
  assert.equal(await cell('cell=1,1'), sorted('hemmetA1'));
  assert.equal(await cell('cell=1,1&rollup=1'), sorted('hemmetA1'), 'a leaf folds nothing in');
  assert.equal(await cell('cell=2,3'), sorted('stodSum'));
  assert.equal(await cell('cell=2,4'), []);

  const byFamily = (await r.call('GET', `${base}/matrix?rows=code&cols=family&cell=0,0&rollup=1`)).json;
  assert.equal(segmentIds(byFamily), sorted('riskA0', 'riskSumP', 'hemmetA0', 'hemmetA1'));
  // The codings come with their segments, as GET /codings shows them.
  const one = (await r.call('GET', `${base}/matrix?cols=question&cell=0,4`)).json.segments[0];
  assert.equal([one.codeName, one.segment.familyPseudonym, one.segment.text, one.segment.date], ['Risk', 'Familj 3', 'stöd i föräldraskapet', '2011-09-01']);
});

s('a cell outside the matrix or malformed is 422; so are unknown rows or columns', async ({ t }) => {
  const { r } = await setup(t);
  for (const cell of ['3,0', '0,5', 'x', '1', '-1,0', '0,0,0', '', '1;2', '999999,0']) {
    const res = await r.call('GET', `${base}/matrix?rows=code&cols=question&cell=${encodeURIComponent(cell)}`);
    assert.is(res.status, 422, cell);
    assert.is(res.json.error.code, 'unknown_cell', cell);
  }
  assert.is((await r.call('GET', `${base}/matrix?rows=code&cols=family&cell=0,3`)).status, 422, 'three families: column 3 is outside');
  for (const query of ['cols=user', 'cols=', 'rows=family&cols=question', 'rows=question']) {
    const res = await r.call('GET', `${base}/matrix?${query}`);
    assert.is(res.status, 422, query);
    assert.is(res.json.error.code, 'validation');
  }
});

s('an empty codebook gives an empty matrix with all columns', async ({ t }) => {
  const r = await t.as('projektledare');
  const m = (await r.call('GET', `${base}/matrix?cols=family`)).json;
  assert.equal(m, { rows: [], cols: [{ id: 'fam-1', label: 'Familj 1' }, { id: 'fam-2', label: 'Familj 2' }, { id: 'fam-3', label: 'Familj 3' }], cells: [], rollup: [] });
});

s('GET /overview: the study\'s totals per family and question, counted by hand', async ({ t }) => {
  const { r, risk } = await setup(t);
  await r.call('POST', `${base}/memos`, { title: 'Familjen', body: '', about: { type: 'family', id: 'fam-2' } });
  await r.call('POST', `${base}/memos`, { title: 'Studien', body: '', about: { type: 'study', id: 'mini' } });
  await r.call('POST', `${base}/memos`, { title: 'Meta', body: '', about: { type: 'reflection', id: 'fam-1:summary' } });
  await r.call('POST', `${base}/memos`, { title: 'Koden', body: '', about: { type: 'code', id: risk } });

  const res = await r.call('GET', `${base}/overview`);
  assert.is(res.status, 200);
  const o = res.json;
  assert.equal(o.questions, [
    { id: 'tidiga-tecken', label: 'Tidiga tecken' },
    { id: 'outnyttjade-oppningar', label: 'Outnyttjade öppningar' },
    { id: 'lyckade-insatser', label: 'Lyckade insatser' },
  ]);
  const none = { annotations: 0, codings: 0, reflection: false };
  assert.equal(o.families, [
    {
      id: 'fam-1',
      pseudonym: 'Familj 1',
      byQuestion: {
        'tidiga-tecken': { annotations: 1, codings: 2, reflection: false }, // a0; riskA0, hemmetA0
        'outnyttjade-oppningar': { annotations: 1, codings: 1, reflection: false }, // a1; hemmetA1
        'lyckade-insatser': { annotations: 0, codings: 1, reflection: true }, // stodLi
      },
      annotations: 2,
      reflections: 2, // the summary and lyckade-insatser
      codings: 6, // riskA0, hemmetA0, hemmetA1, stodSum, riskSumP, stodLi
      memos: 1, // the meta-reflection
    },
    {
      id: 'fam-2',
      pseudonym: 'Familj 2',
      byQuestion: { 'tidiga-tecken': none, 'outnyttjade-oppningar': none, 'lyckade-insatser': none },
      annotations: 0,
      reflections: 0,
      codings: 1, // hemmetP2
      memos: 1,
    },
    {
      id: 'fam-3',
      pseudonym: 'Familj 3',
      byQuestion: { 'tidiga-tecken': none, 'outnyttjade-oppningar': none, 'lyckade-insatser': none },
      annotations: 0,
      reflections: 0,
      codings: 1, // riskP3
      memos: 0,
    },
  ]);
  assert.equal(o.totals, { annotations: 2, reflections: 2, codings: 8, memos: 4, codes: 3 });
});

s.run();
