// The study report (report.json, report.md, report.html) over the mini study with a known setup whose
// counts are worked out by hand below: counts per code and question, small-cell suppression in every
// format, quotes spread over families and linked to the exact passage, reflections with
// meta-reflections and citations, options validated (422), caseworkers refused, every export audited.
import * as assert from 'uvu/assert';
import { marked } from 'marked';
import { appSuite, type TestApp, type TestClient } from '../setup/app.ts';

const s = appSuite('Study report API');
const base = '/api/studies/mini';

/**
 * Codebook: Risk > Hemmet, and Stöd. Under "tidiga-tecken" (annotations: a0, aStok, aBrak = 3):
 *   Risk   on a0    (fam-1, entry 2010-02-01, "ofta kommer hungrig och i för tunna kläder")
 *   Hemmet on aStok (fam-1, entry 2011-06-15, "Lägenheten är stökig")
 *   Hemmet on aBrak (fam-2, entry 2012-05-10, "larm om bråk")
 * → Risk (with Hemmet): 3 segments in 2 families; Hemmet: 2 segments in 2 families.
 * Under "lyckade-insatser": Stöd on fam-1's reflection (whole) → 1 segment, 1 family.
 */
interface Setup {
  r: TestClient;
  risk: string;
  hemmet: string;
  stod: string;
  doc1: string;
  doc2: string;
  text1: string;
  text2: string;
}

async function setup(t: TestApp): Promise<Setup> {
  const cw = await t.as('socsek1');
  const r = await t.as('forskare1');
  const [a0] = (await r.call('GET', `${base}/annotations?family=fam-1`)).json;
  const doc1 = a0.documentId as string;
  const [d2] = (await r.call('GET', `${base}/families/fam-2/documents`)).json;
  const doc2 = d2.id as string;
  const text1 = (await r.call('GET', `${base}/documents/${doc1}`)).json.text as string;
  const text2 = (await r.call('GET', `${base}/documents/${doc2}`)).json.text as string;
  const annotate = async (documentId: string, text: string, quote: string) => {
    const start = text.indexOf(quote);
    const res = await cw.call('POST', `${base}/annotations`, {
      documentId, questionId: 'tidiga-tecken', target: { start, end: start + quote.length, exact: quote }, comment: '',
    });
    assert.is(res.status, 201, quote);
    return res.json.id as string;
  };
  const aStok = await annotate(doc1, text1, 'Lägenheten är stökig');
  const aBrak = await annotate(doc2, text2, 'larm om bråk');
  assert.is((await cw.call('PUT', `${base}/families/fam-1/reflections/lyckade-insatser`,
    { text: 'Kontaktfamiljen fungerade [@sundell2007]. <script>alert(1)</script>' }, { 'if-match': '0' })).status, 200);
  assert.is((await r.call('POST', `${base}/references`, {
    id: 'sundell2007', type: 'article-journal', title: 'Familjer i socialtjänsten',
    author: [{ family: 'Sundell', given: 'Knut' }, { family: 'Östberg', given: 'Fredrik' }],
    'container-title': 'Socialvetenskaplig tidskrift', issued: { 'date-parts': [[2007]] },
  })).status, 201);
  assert.is((await r.call('POST', `${base}/memos`, {
    title: 'Meta', body: 'Stämmer med tidigare forskning.', about: { type: 'reflection', id: 'fam-1:lyckade-insatser' },
  })).status, 201);

  const code = async (name: string, parentId: string | null = null) => (await r.call('POST', `${base}/codes`, { name, parentId })).json.id as string;
  const risk = await code('Risk');
  const hemmet = await code('Hemmet', risk);
  const stod = await code('Stöd');
  const apply = async (codeId: string, target: unknown) => assert.is((await r.call('POST', `${base}/codings`, { codeId, target })).status, 201);
  await apply(risk, { type: 'annotation', id: a0.id });
  await apply(hemmet, { type: 'annotation', id: aStok });
  await apply(hemmet, { type: 'annotation', id: aBrak });
  await apply(stod, { type: 'reflection', familyId: 'fam-1', key: 'lyckade-insatser' });
  return { r, risk, hemmet, stod, doc1, doc2, text1, text2 };
}

const finding = (model: any, question: string) => model.findings.find((f: any) => f.question.id === question);
const codeRow = (model: any, question: string, codeId: string) => finding(model, question).codes.find((c: any) => c.code.id === codeId);

s('counts per code and question, by hand; quotes spread over families, earliest first, linked to the passage', async ({ t }) => {
  const { r, risk, hemmet, stod, doc1, doc2, text1, text2 } = await setup(t);
  const res = await r.call('GET', `${base}/export/report.json?suppress=0&quotes=3`);
  assert.is(res.status, 200, res.text);
  const m = res.json;
  assert.equal(m.findings.map((f: any) => f.question.id), ['tidiga-tecken', 'outnyttjade-oppningar', 'lyckade-insatser']);
  assert.is(finding(m, 'tidiga-tecken').annotations, 3);
  assert.equal(finding(m, 'tidiga-tecken').codes.map((c: any) => [c.code.path, c.count, c.families]), [
    ['Risk', 3, 2], ['Risk › Hemmet', 2, 2],
  ]);
  assert.equal(finding(m, 'outnyttjade-oppningar').codes, []);
  assert.equal(finding(m, 'lyckade-insatser').codes.map((c: any) => [c.code.id, c.count, c.families]), [[stod, 1, 1]]);

  const quotes = codeRow(m, 'tidiga-tecken', risk).quotes;
  // fam-1's earliest, then fam-2's, then fam-1's second.
  assert.equal(quotes.map((q: any) => [q.text, q.familyName, q.date]), [
    ['ofta kommer hungrig och i för tunna kläder', 'Familj 1', '2010-02-01'],
    ['larm om bråk', 'Familj 2', '2012-05-10'],
    ['Lägenheten är stökig', 'Familj 1', '2011-06-15'],
  ]);
  assert.equal(quotes.map((q: any) => q.href), [
    `#/studier/mini/familjer/fam-1/dokument/${doc1}/${text1.indexOf('ofta kommer hungrig')}`,
    `#/studier/mini/familjer/fam-2/dokument/${doc2}/${text2.indexOf('larm om bråk')}`,
    `#/studier/mini/familjer/fam-1/dokument/${doc1}/${text1.indexOf('Lägenheten är stökig')}`,
  ]);
  assert.is(codeRow(m, 'tidiga-tecken', hemmet).quotes.length, 2);
  assert.is((await r.call('GET', `${base}/export/report.json?suppress=0&quotes=1`)).json.findings[0].codes[0].quotes.length, 1);

  // The same numbers as the matrix (all families in scope): Risk's folded count under tidiga-tecken.
  const matrix = (await r.call('GET', `${base}/matrix?rows=code&cols=question`)).json;
  assert.is(matrix.rollup[0][0], 3);

  assert.equal(m.families.map((f: any) => [f.name, f.firstYear, f.lastYear]), [['Familj 1', 2010, 2014], ['Familj 2', 2012, 2024], ['Familj 3', 2011, 2015]]);
  // Reflections: fam-1's summary (seeded) and its lyckade-insatser reflection with the meta-reflection.
  const fam1 = m.reflections.find((x: any) => x.familyId === 'fam-1');
  const li = fam1.items.find((i: any) => i.questionId === 'lyckade-insatser');
  assert.equal(li.metaReflections.map((x: any) => x.body), ['Stämmer med tidigare forskning.']);
  assert.ok(li.metaReflections[0].author && li.metaReflections[0].author !== 'forskare1', 'a display name, never the username');
  assert.match(li.html, /Sundell/);
  assert.not.match(li.html, /<script/);
  assert.equal(m.bibliography.map((b: any) => b.id), ['sundell2007']);
  assert.not.match(res.text, /socsek1|forskare1|projektledare/, 'no usernames');
});

s('scope: questions, codes and families narrow the report', async ({ t }) => {
  const { r, risk, hemmet } = await setup(t);
  const m = (await r.call('GET', `${base}/export/report.json?suppress=0&questions=tidiga-tecken&codes=${hemmet}&families=fam-2`)).json;
  assert.equal(m.findings.map((f: any) => f.question.id), ['tidiga-tecken']);
  assert.equal(m.findings[0].codes.map((c: any) => [c.code.id, c.count, c.families]), [[hemmet, 1, 1]]);
  assert.equal(m.families.map((f: any) => f.id), ['fam-2']);
  assert.is(m.findings[0].annotations, 1);
  assert.ok(!m.findings[0].codes.some((c: any) => c.code.id === risk));
});

s('a count of 2 shows as "< 5" in json, md and html, and its quotes are not shown', async ({ t }) => {
  const { r, hemmet } = await setup(t);
  const json = (await r.call('GET', `${base}/export/report.json`)).json;
  const row = codeRow(json, 'tidiga-tecken', hemmet);
  assert.is(row.count, '< 5');
  assert.is(row.families, '< 5');
  assert.equal(row.quotes, []);
  assert.is(finding(json, 'tidiga-tecken').annotations, '< 5');
  // The heat maps get the same threshold: Risk × Tidiga tecken (3) is "< 5".
  const heatmap = json.charts.find((c: any) => c.id.startsWith('heatmap'));
  const riskRow = heatmap.table.rows.find((row: any[]) => row[0] === 'Risk');
  assert.is(riskRow[heatmap.table.columns.indexOf('Tidiga tecken')], '< 5');

  const md = await r.call('GET', `${base}/export/report.md`);
  assert.is(md.status, 200);
  assert.match(md.headers.get('content-type')!, /text\/markdown/);
  assert.ok(md.text.includes('| Risk › Hemmet | < 5 | < 5 |'), md.text);
  assert.not.match(md.text, /\| Risk › Hemmet \| 2 /);
  assert.not.match(md.text, /Lägenheten är stökig/);

  const html = await r.call('GET', `${base}/export/report.html`);
  assert.ok(html.text.includes('<th scope="row">Risk › Hemmet</th><td class="num">&lt; 5</td><td class="num">&lt; 5</td>'), 'suppressed in html');
  assert.not.match(html.text, /Lägenheten är stökig/);

  // A lower threshold shows the 2.
  const shown = (await r.call('GET', `${base}/export/report.json?suppress=2`)).json;
  assert.is(codeRow(shown, 'tidiga-tecken', hemmet).count, 2);
});

s('report.md parses back with a heading per question; links are absolute paths to the passage', async ({ t }) => {
  const { r, doc1, text1 } = await setup(t);
  const md = (await r.call('GET', `${base}/export/report.md?suppress=0`)).text;
  const headings = (marked.lexer(md) as any[]).filter((tok) => tok.type === 'heading').map((tok) => [tok.depth, tok.text]);
  assert.equal(headings[0], [1, 'Ministudie för tester']);
  for (const label of ['Tidiga tecken', 'Outnyttjade öppningar', 'Lyckade insatser']) {
    assert.ok(headings.some(([depth, text]) => depth === 3 && text === label), label);
  }
  assert.ok(headings.some(([, text]) => text === 'Referenser'));
  assert.ok(md.includes(`(/#/studier/mini/familjer/fam-1/dokument/${doc1}/${text1.indexOf('ofta kommer hungrig')})`));
  assert.ok(md.includes('> ofta kommer hungrig och i för tunna kläder'));
  assert.ok(md.includes('[@sundell2007]'), 'citations as written');
});

s('report.html: standalone, hashed style allowed by its CSP, figures numbered in order with a table each, no script', async ({ t }) => {
  const { r } = await setup(t);
  const res = await r.call('GET', `${base}/export/report.html?suppress=0`);
  assert.is(res.status, 200);
  const html = res.text;
  assert.match(res.headers.get('content-type')!, /text\/html/);
  assert.match(res.headers.get('content-disposition')!, /^attachment/);
  assert.is((await r.call('GET', `${base}/export/report.html?inline=1`)).headers.get('content-disposition')!.split(';')[0], 'inline');
  assert.not.match(html, /<script/i);
  assert.not.match(html, /\sstyle="/i);
  assert.match(html, /<svg/);
  const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
  const { createHash } = await import('node:crypto');
  const csp = res.headers.get('content-security-policy')!;
  assert.ok(csp.includes(`style-src 'sha256-${createHash('sha256').update(css).digest('base64')}'`), csp);
  assert.ok(csp.includes("script-src 'self'") && csp.includes("frame-ancestors 'self'"), csp);
  const numbers = [...html.matchAll(/<figcaption><strong>Figur (\d+)\./g)].map((x) => Number(x[1]));
  assert.ok(numbers.length >= 4, `figures: ${numbers.join(',')}`);
  assert.equal(numbers, numbers.map((_, i) => i + 1));
  const figures = html.split('<figure ').slice(1).map((f) => f.slice(0, f.indexOf('</figure>')));
  for (const f of figures) assert.ok(f.includes('<table>') && f.includes('<svg'), 'svg and table in every figure');
  assert.match(html, /<span class="cite">\(Sundell (&amp;|&#38;|och) Östberg, 2007\)<\/span>/);
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'user html escaped');
  // The app's pages keep the strict policy.
  const other = await r.call('GET', `${base}/export/report.json`);
  assert.ok(other.headers.get('content-security-policy')!.includes("style-src 'self'"));
  assert.is(other.headers.get('x-frame-options'), 'DENY');
});

s('options are validated (422), caseworkers get 403, every report export is audited', async ({ t }) => {
  const { r } = await setup(t);
  for (const query of ['questions=finns-inte', 'codes=nej', 'families=fam-9', 'quotes=21', 'suppress=abc', 'quotes=-1']) {
    const res = await r.call('GET', `${base}/export/report.json?${query}`);
    assert.is(res.status, 422, query);
    assert.ok(res.json.error.message.length > 0, query);
  }
  const cw = await t.as('socsek1');
  for (const file of ['report.md', 'report.html', 'report.json']) assert.is((await cw.call('GET', `${base}/export/${file}`)).status, 403, file);
  const lead = await t.as('projektledare');
  for (const file of ['report.md', 'report.html', 'report.json']) assert.is((await lead.call('GET', `${base}/export/${file}`)).status, 200, file);
  const entries = ((await lead.call('GET', `${base}/audit?action=export.report`)).json.entries as any[]).reverse();
  const leadId = (await lead.call('GET', '/api/session')).json.user.id;
  const cwId = (await cw.call('GET', '/api/session')).json.user.id;
  assert.equal(entries.filter((e) => e.user === leadId).map((e) => [e.action, e.outcome, e.object]),
    [['export.report', 'ok', 'report-md'], ['export.report', 'ok', 'report-html'], ['export.report', 'ok', 'report-json']]);
  assert.equal(entries.filter((e) => e.user === cwId).map((e) => [e.action, e.outcome]),
    [['export.report', 'denied'], ['export.report', 'denied'], ['export.report', 'denied']]);
});

s.run();
