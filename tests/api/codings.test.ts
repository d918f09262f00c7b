// Codings through the API: a code applied to an annotation, a caseworker's reflection (whole or a
// passage of it) or a passage of a case file; the listing filters and the segment in context; who
// may remove a coding; orphans; and a code's coded segments as CSV.
import * as assert from 'uvu/assert';
import { appSuite, ORIGIN, type TestApp, type TestClient } from '../setup/app.ts';

const s = appSuite('Codings API');

const base = '/api/studies/mini';

interface Material {
  r: TestClient;
  /** The seeded annotation of fam-1 (by socsek1, question tidiga-tecken). */
  annotationId: string;
  doc1: string;
  text1: string;
  doc2: string;
  text2: string;
}

async function material(t: TestApp): Promise<Material> {
  const r = await t.as('forskare1');
  const [annotation] = (await r.call('GET', `${base}/annotations?family=fam-1`)).json;
  const [d1] = (await r.call('GET', `${base}/families/fam-1/documents`)).json;
  const [d2] = (await r.call('GET', `${base}/families/fam-2/documents`)).json;
  return {
    r,
    annotationId: annotation.id,
    doc1: d1.id,
    text1: (await r.call('GET', `${base}/documents/${d1.id}`)).json.text,
    doc2: d2.id,
    text2: (await r.call('GET', `${base}/documents/${d2.id}`)).json.text,
  };
}

const passageIn = (documentId: string, text: string, quote: string) => {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return { type: 'passage', documentId, start, end: start + quote.length, exact: quote };
};

const newCode = async (client: TestClient, name: string, parentId: string | null = null): Promise<string> =>
  (await client.call('POST', `${base}/codes`, { name, parentId })).json.id;

const codeOf = (client: TestClient, codeId: string, target: unknown) => client.call('POST', `${base}/codings`, { codeId, target });

/** socsek1 writes a reflection of fam-1 that has never been written (If-Match 0). */
async function writeReflection(t: TestApp, key: string, text: string) {
  const cw = await t.as('socsek1');
  const r = await cw.call('PUT', `${base}/families/fam-1/reflections/${key}`, { text }, { 'if-match': '0' });
  assert.is(r.status, 200);
}

const ids = async (client: TestClient, query: string) =>
  ((await client.call('GET', `${base}/codings${query}`)).json as any[]).map((k) => k.id).sort();

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

s('coding an annotation: 201 with the segment in context (family, document, entry date, question, comment, text)', async ({ t }) => {
  const m = await material(t);
  const codeId = await newCode(m.r, 'Tidig oro');
  const r = await codeOf(m.r, codeId, { type: 'annotation', id: m.annotationId });
  assert.is(r.status, 201);
  assert.match(r.json.id, /^k-/);
  assert.is(r.json.codeId, codeId);
  assert.is(r.json.codeName, 'Tidig oro');
  assert.is(r.json.createdByName, 'FoU-forskare 1');
  assert.is(r.json.familyId, 'fam-1');
  assert.equal(r.json.target, { type: 'annotation', id: m.annotationId });
  const quote = 'ofta kommer hungrig och i för tunna kläder';
  assert.equal(r.json.segment, {
    familyId: 'fam-1',
    familyPseudonym: 'Familj 1',
    documentId: m.doc1,
    documentTitle: 'Akt, familj 1',
    start: m.text1.indexOf(quote),
    date: '2010-02-01',
    questionId: 'tidiga-tecken',
    comment: 'Tidigt tecken på **försummelse**.',
    annotationId: m.annotationId,
    reflectionKey: null,
    orphan: false,
    text: quote,
  });
  assert.equal((await m.r.call('GET', `${base}/codings`)).json, [r.json]);
  const unknownAnnotation = await codeOf(m.r, codeId, { type: 'annotation', id: 'a-finnsinte' });
  assert.is(unknownAnnotation.status, 404);
  const unknownCode = await codeOf(m.r, 'c-finnsinte', { type: 'annotation', id: m.annotationId });
  assert.equal([unknownCode.status, unknownCode.json.error.code], [422, 'unknown_code']);
});

s('coding a whole reflection and a passage of it; a wrong quote is target_mismatch, an empty reflection empty_reflection', async ({ t }) => {
  const m = await material(t);
  const codeId = await newCode(m.r, 'Samverkan');
  const text = 'BVC och förskolan såg tidigt att mamma var trött.';
  await writeReflection(t, 'tidiga-tecken', text);

  const whole = await codeOf(m.r, codeId, { type: 'reflection', familyId: 'fam-1', key: 'tidiga-tecken' });
  assert.is(whole.status, 201);
  assert.equal(whole.json.target, { type: 'reflection', familyId: 'fam-1', key: 'tidiga-tecken', passage: null });
  assert.equal(whole.json.segment, {
    familyId: 'fam-1', familyPseudonym: 'Familj 1', documentId: null, documentTitle: null, start: null, date: null,
    questionId: 'tidiga-tecken', comment: null, annotationId: null, reflectionKey: 'tidiga-tecken', orphan: false, text,
  });

  // "förskolan" starts at 8 in the text above.
  const part = await codeOf(m.r, codeId, { type: 'reflection', familyId: 'fam-1', key: 'tidiga-tecken', start: 8, end: 17, exact: 'förskolan' });
  assert.is(part.status, 201);
  assert.is(part.json.target.passage.exact, 'förskolan');
  assert.is(part.json.segment.start, 8);
  assert.is(part.json.segment.text, 'förskolan');
  assert.is(part.json.segment.reflectionKey, 'tidiga-tecken');

  const summary = await codeOf(m.r, codeId, { type: 'reflection', familyId: 'fam-1', key: 'summary' });
  assert.is(summary.status, 201);
  assert.is(summary.json.segment.questionId, null);
  assert.is(summary.json.segment.text, 'Familj 1 har varit aktuell sedan 2010.');

  const refusals: [unknown, number, string | undefined][] = [
    [{ type: 'reflection', familyId: 'fam-1', key: 'tidiga-tecken', start: 8, end: 17, exact: 'skolan' }, 422, 'target_mismatch'],
    [{ type: 'reflection', familyId: 'fam-1', key: 'tidiga-tecken', start: 0, end: 9, exact: 'förskolan' }, 422, 'target_mismatch'],
    [{ type: 'reflection', familyId: 'fam-1', key: 'tidiga-tecken', start: 8 }, 422, 'target_mismatch'],
    [{ type: 'reflection', familyId: 'fam-1', key: 'tidiga-tecken', start: 17, end: 8, exact: 'förskolan' }, 422, 'target_mismatch'],
    [{ type: 'reflection', familyId: 'fam-1', key: 'lyckade-insatser' }, 422, 'empty_reflection'],
    [{ type: 'reflection', familyId: 'fam-1', key: 'ingen-fraga' }, 404, undefined],
    [{ type: 'reflection', familyId: 'fam-9', key: 'summary' }, 404, undefined],
  ];
  for (const [target, status, code] of refusals) {
    const res = await codeOf(m.r, codeId, target);
    assert.is(res.status, status, JSON.stringify(target));
    if (code) assert.is(res.json.error.code, code);
  }
  await writeReflection(t, 'outnyttjade-oppningar', '  \n ');
  const blank = await codeOf(m.r, codeId, { type: 'reflection', familyId: 'fam-1', key: 'outnyttjade-oppningar' });
  assert.equal([blank.status, blank.json.error.code], [422, 'empty_reflection'], 'only blanks is empty too');
  assert.is((await m.r.call('GET', `${base}/codings`)).json.length, 3);
});

s('coding a passage of a case file: the quote must be the text at those offsets', async ({ t }) => {
  const m = await material(t);
  const codeId = await newCode(m.r, 'Hemmet');
  const target = passageIn(m.doc1, m.text1, 'Lägenheten är stökig');
  const r = await codeOf(m.r, codeId, target);
  assert.is(r.status, 201);
  assert.is(r.json.familyId, 'fam-1');
  assert.is(r.json.target.type, 'passage');
  assert.is(r.json.target.exact, 'Lägenheten är stökig');
  assert.is(r.json.target.prefix, m.text1.slice(target.start - 32, target.start), 'the server adds the quote selectors');
  assert.equal(
    { date: r.json.segment.date, questionId: r.json.segment.questionId, text: r.json.segment.text, comment: r.json.segment.comment, start: r.json.segment.start, documentTitle: r.json.segment.documentTitle },
    { date: '2011-06-15', questionId: null, text: 'Lägenheten är stökig', comment: null, start: target.start, documentTitle: 'Akt, familj 1' },
  );
  const wrong = await codeOf(m.r, codeId, { ...target, exact: 'Lägenheten är städad' });
  assert.equal([wrong.status, wrong.json.error.code], [422, 'target_mismatch']);
  const shifted = await codeOf(m.r, codeId, { ...target, start: target.start + 1, end: target.end + 1 });
  assert.equal([shifted.status, shifted.json.error.code], [422, 'target_mismatch']);
  const beyond = await codeOf(m.r, codeId, { ...target, start: m.text1.length, end: m.text1.length + 20 });
  assert.equal([beyond.status, beyond.json.error.code], [422, 'target_mismatch']);
  const backwards = await codeOf(m.r, codeId, { ...target, start: target.end, end: target.start });
  assert.is(backwards.status, 422);
  assert.is((await codeOf(m.r, codeId, { ...target, documentId: 'd-finnsinte' })).status, 404);
  const other = await codeOf(m.r, codeId, passageIn(m.doc2, m.text2, 'larm om bråk'));
  assert.is(other.status, 201);
  assert.is(other.json.familyId, 'fam-2');
  assert.is(other.json.segment.date, '2012-05-10');
  assert.is((await m.r.call('GET', `${base}/codings`)).json.length, 2);
});

s('the same code twice on one segment is 409; overlapping passages and several codes on one segment are fine', async ({ t }) => {
  const m = await material(t);
  const a = await newCode(m.r, 'Hemmet');
  const b = await newCode(m.r, 'Försummelse');
  const first = (await codeOf(m.r, a, { type: 'annotation', id: m.annotationId })).json;
  const twice = await codeOf(m.r, a, { type: 'annotation', id: m.annotationId });
  assert.is(twice.status, 409);
  assert.is(twice.json.error.code, 'conflict');
  assert.is(twice.json.error.current.id, first.id);
  assert.is((await codeOf(m.r, b, { type: 'annotation', id: m.annotationId })).status, 201, 'another code on the same annotation');

  const wide = passageIn(m.doc1, m.text1, 'Lägenheten är stökig men mamma är vänlig');
  const narrow = passageIn(m.doc1, m.text1, 'stökig men mamma');
  assert.is((await codeOf(m.r, a, wide)).status, 201);
  assert.is((await codeOf(m.r, a, narrow)).status, 201, 'an overlapping passage');
  assert.is((await codeOf(m.r, b, wide)).status, 201, 'another code on the same passage');
  const again = await codeOf(m.r, a, wide);
  assert.is(again.status, 409);
  // The lead coding the same segment with the same code is a duplicate too: a segment carries each code once.
  const lead = await t.as('projektledare');
  assert.is((await codeOf(lead, a, narrow)).status, 409);
  assert.is((await m.r.call('GET', `${base}/codings`)).json.length, 5);
});

s('GET filters by code (rollup=1: with sub-codes), family, document, type and annotation', async ({ t }) => {
  const m = await material(t);
  const parent = await newCode(m.r, 'Familjen');
  const child = await newCode(m.r, 'Konflikt', parent);
  const other = await newCode(m.r, 'Stöd');
  const k1 = (await codeOf(m.r, child, { type: 'annotation', id: m.annotationId })).json.id;
  const k2 = (await codeOf(m.r, parent, passageIn(m.doc1, m.text1, 'Lägenheten är stökig'))).json.id;
  const k3 = (await codeOf(m.r, other, passageIn(m.doc2, m.text2, 'larm om bråk'))).json.id;
  const k4 = (await codeOf(m.r, child, { type: 'reflection', familyId: 'fam-1', key: 'summary' })).json.id;
  const k5 = (await codeOf(m.r, other, { type: 'annotation', id: m.annotationId })).json.id;
  const sorted = (...list: string[]) => list.sort();

  assert.equal(await ids(m.r, ''), sorted(k1, k2, k3, k4, k5));
  assert.equal(await ids(m.r, `?code=${parent}`), [k2]);
  assert.equal(await ids(m.r, `?code=${parent}&rollup=1`), sorted(k1, k2, k4));
  assert.equal(await ids(m.r, `?code=${child}&rollup=1`), sorted(k1, k4));
  assert.equal(await ids(m.r, `?code=${child}`), sorted(k1, k4));
  assert.equal(await ids(m.r, '?family=fam-2'), [k3]);
  assert.equal(await ids(m.r, '?family=fam-1'), sorted(k1, k2, k4, k5));
  assert.equal(await ids(m.r, `?document=${m.doc1}`), sorted(k1, k2, k5));
  assert.equal(await ids(m.r, `?document=${m.doc2}`), [k3]);
  assert.equal(await ids(m.r, '?type=reflection'), [k4]);
  assert.equal(await ids(m.r, '?type=passage'), sorted(k2, k3));
  assert.equal(await ids(m.r, '?type=annotation'), sorted(k1, k5));
  assert.equal(await ids(m.r, `?annotation=${m.annotationId}`), sorted(k1, k5));
  assert.equal(await ids(m.r, `?code=${other}&family=fam-1`), [k5]);
  assert.equal(await ids(m.r, '?code=c-finnsinte'), []);

  const annotated = async (code: string) => ((await m.r.call('GET', `${base}/annotations?code=${code}`)).json as any[]).map((a) => a.id);
  assert.equal(await annotated(child), [m.annotationId]);
  assert.equal(await annotated(other), [m.annotationId]);
  assert.equal(await annotated(parent), [], 'the parent itself codes only a passage');
  const cw = await t.as('socsek1');
  assert.is((await cw.call('GET', `${base}/annotations?code=${child}`)).status, 403, 'codings are not the caseworker\'s to filter by');
});

s('removing codings: one\'s own 204, someone else\'s 403 for a researcher; the lead may remove anyone\'s', async ({ t }) => {
  const m = await material(t);
  const lead = await t.as('projektledare');
  const codeId = await newCode(m.r, 'Hemmet');
  const mine = (await codeOf(m.r, codeId, { type: 'annotation', id: m.annotationId })).json.id;
  const leads = (await codeOf(lead, codeId, passageIn(m.doc1, m.text1, 'Lägenheten är stökig'))).json.id;
  const mine2 = (await codeOf(m.r, codeId, passageIn(m.doc2, m.text2, 'larm om bråk'))).json.id;

  const refused = await m.r.call('DELETE', `${base}/codings/${leads}`);
  assert.is(refused.status, 403);
  assert.is((await m.r.call('DELETE', `${base}/codings/${mine}`)).status, 204);
  assert.is((await lead.call('DELETE', `${base}/codings/${mine2}`)).status, 204);
  assert.is((await m.r.call('DELETE', `${base}/codings/${mine}`)).status, 404);
  assert.equal(await ids(m.r, ''), [leads]);

  const entries = (await lead.call('GET', `${base}/audit?action=coding.`)).json.entries as any[];
  const line = (object: string, outcome: string) => entries.find((e) => e.action === 'coding.delete' && e.object === object && e.outcome === outcome);
  assert.is(line(leads, 'denied')?.family, 'fam-1');
  assert.ok(line(mine, 'ok'));
  assert.is(line(mine2, 'ok')?.family, 'fam-2');
  assert.is(entries.filter((e) => e.action === 'coding.create' && e.outcome === 'ok').length, 3);
});

s('after a caseworker deletes a coded annotation its coding is listed as an orphan', async ({ t }) => {
  const m = await material(t);
  const cw = await t.as('socsek1');
  const quote = 'önskar stöd i vardagen';
  const start = m.text1.indexOf(quote);
  const annotation = (await cw.call('POST', `${base}/annotations`, {
    documentId: m.doc1, questionId: 'outnyttjade-oppningar', target: { start, end: start + quote.length, exact: quote }, comment: 'Bad om stöd.',
  })).json;
  const codeId = await newCode(m.r, 'Öppning');
  const coding = (await codeOf(m.r, codeId, { type: 'annotation', id: annotation.id })).json;
  assert.is(coding.segment.orphan, false);
  assert.is(coding.segment.questionId, 'outnyttjade-oppningar');
  assert.is(coding.segment.date, '2010-03-14');
  assert.is((await cw.call('DELETE', `${base}/annotations/${annotation.id}`, undefined, { 'if-match': '1' })).status, 204);

  const [listed] = (await m.r.call('GET', `${base}/codings?code=${codeId}`)).json;
  assert.is(listed.id, coding.id);
  assert.is(listed.segment.orphan, true);
  assert.is(listed.segment.annotationId, annotation.id);
  assert.is(listed.segment.text, '');
  assert.is(listed.segment.comment, null);
  assert.is(listed.segment.familyPseudonym, 'Familj 1');
});

s('segments.csv: a header row and a row per coding, formulas neutralised, the code id in the file name, audited', async ({ t }) => {
  const m = await material(t);
  const cw = await t.as('socsek1');
  const quote = 'Lägenheten är stökig';
  const start = m.text1.indexOf(quote);
  const formula = (await cw.call('POST', `${base}/annotations`, {
    documentId: m.doc1, questionId: 'lyckade-insatser', target: { start, end: start + quote.length, exact: quote }, comment: '=1+1',
  })).json;
  const parent = await newCode(m.r, 'Tidig oro');
  const child = await newCode(m.r, 'Förskolan', parent);
  const k1 = (await codeOf(m.r, parent, { type: 'annotation', id: m.annotationId })).json;
  await codeOf(m.r, parent, { type: 'annotation', id: formula.id });
  await codeOf(m.r, child, passageIn(m.doc2, m.text2, 'larm om bråk'));

  const res = await m.r.call('GET', `${base}/codes/${parent}/segments.csv`);
  assert.is(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
  assert.is(res.headers.get('content-disposition'), `attachment; filename="kodade-stycken-${parent}.csv"`);
  // Response.text() drops a BOM: read the bytes for it.
  const raw = await t.app.request(`${base}/codes/${parent}/segments.csv`, { headers: { cookie: m.r.cookie, origin: ORIGIN } });
  assert.equal([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM, for Excel');
  const [header, ...rows] = parseCsv(res.text.replace(/^\uFEFF/, ''));
  assert.equal(header, ['kod', 'familj', 'typ', 'datum', 'fråga', 'dokument', 'kodat stycke', 'kommentar', 'kodad av', 'kodad', 'hittas inte längre']);
  const day = k1.createdAt.slice(0, 10);
  assert.equal(rows.sort((x, y) => x[6]!.localeCompare(y[6]!, 'sv')), [
    ['Tidig oro', 'Familj 1', 'markering', '2011-06-15', 'Lyckade insatser', 'Akt, familj 1', 'Lägenheten är stökig', "'=1+1", 'FoU-forskare 1', day, ''],
    ['Tidig oro', 'Familj 1', 'markering', '2010-02-01', 'Tidiga tecken', 'Akt, familj 1', 'ofta kommer hungrig och i för tunna kläder', 'Tidigt tecken på **försummelse**.', 'FoU-forskare 1', day, ''],
  ]);
  assert.ok(res.text.includes(",'=1+1,"), 'the formula cell is prefixed with an apostrophe');

  const rolled = await m.r.call('GET', `${base}/codes/${parent}/segments.csv?rollup=1`);
  const rolledRows = parseCsv(rolled.text.replace(/^\uFEFF/, '')).slice(1);
  assert.is(rolledRows.length, 3);
  assert.ok(rolledRows.some((row) => row[0] === 'Förskolan' && row[1] === 'Familj 2' && row[2] === 'stycke i akten' && row[6] === 'larm om bråk' && row[4] === ''));
  const childOnly = parseCsv((await m.r.call('GET', `${base}/codes/${child}/segments.csv`)).text.replace(/^\uFEFF/, ''));
  assert.is(childOnly.length, 2);
  assert.is((await m.r.call('GET', `${base}/codes/c-finnsinte/segments.csv`)).status, 404);

  const lead = await t.as('projektledare');
  const exports = ((await lead.call('GET', `${base}/audit?action=codings.export`)).json.entries as any[]).map((e) => [e.object, e.outcome, e.user]);
  const me = (await m.r.call('GET', '/api/session')).json.user.id;
  // Three exports of the parent (plain, its bytes, rolled up), one of the child, and the unknown code denied without its id.
  assert.equal(exports.reverse(), [[parent, 'ok', me], [parent, 'ok', me], [parent, 'ok', me], [child, 'ok', me], [null, 'denied', me]]);
});

s.run();
