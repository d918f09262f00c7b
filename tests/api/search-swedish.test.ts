// Swedish search as people type it: inflections found through their stem, hyphenated words,
// decomposed (NFD) input, and the filters (author, years) with paging whose total counts every match.
import * as assert from 'uvu/assert';
import { appSuite, type TestApp } from '../setup/app.ts';

const TEXT = [
  '2014-03-02 Orosanmälan',
  'Anmälningen kom från skolan. En 12-åring har stor frånvaro och föräldrarna svarar inte.',
  '2015-05-10 Journalanteckning',
  'Två nya anmälningar om frånvaro. Socialtjänsten kallar föräldrarna.',
  '2016-01-20 Uppföljning',
  'Frånvaron har minskat. Skolan är nöjd med samarbetet.',
].join('\n');

async function setUp(t: TestApp) {
  const lead = await t.as('projektledare');
  const doc = (await lead.call('POST', '/api/studies/mini/families/fam-2/documents', { title: 'Skolakt', text: TEXT })).json.document;
  const { text } = (await lead.call('GET', `/api/studies/mini/documents/${doc.id}`)).json;
  const cw = await t.as('socsek1');
  const mark = async (who: typeof cw, quote: string, comment: string) => {
    const start = text.indexOf(quote);
    const r = await who.call('POST', '/api/studies/mini/annotations', {
      documentId: doc.id, questionId: 'tidiga-tecken', target: { start, end: start + quote.length, exact: quote }, comment,
    });
    assert.is(r.status, 201);
  };
  await mark(cw, 'stor frånvaro', 'Tidig frånvaro som ingen följde upp.');
  await mark(lead, 'Frånvaron har minskat', 'Frånvaron minskade när skolan och socialtjänsten samarbetade.');
  const ids = new Map(t.store.app.data.users.map((u) => [u.username, u.id]));
  return { cw, lead, ids };
}

const search = appSuite('Searching in Swedish');
const q = (query: string, extra = '') => `/api/studies/mini/search?q=${encodeURIComponent(query)}${extra}`;

search('inflections are found through their stem, hyphenated words and decomposed input too', async ({ t }) => {
  const { cw } = await setUp(t);
  const titles = async (query: string) => (await cw.call('GET', q(query, '&type=entry&family=fam-2'))).json.hits.map((h: any) => h.title).sort();
  assert.equal(
    await titles('anmälningar'),
    ['2012-05-10 Anmälan från polisen', '2014-03-02 Orosanmälan', '2015-05-10 Journalanteckning'],
    '"anmälningar" finds "Anmälningen", "Anmälan" and the compound "Orosanmälan" too',
  );
  assert.equal(await titles('anmälan'), await titles('anmälningar'), 'and "anmälan" finds the same');
  assert.equal(await titles('föräldrar'), ['2014-03-02 Orosanmälan', '2015-05-10 Journalanteckning']);
  assert.equal(await titles('12-åring'), ['2014-03-02 Orosanmälan']);
  assert.equal(await titles('12-åringen'), ['2014-03-02 Orosanmälan'], 'an inflected hyphenated word finds the plain one');
  assert.equal(await titles('skolan'), await titles('skola'), '"skolan" and "skola" are one word');
  assert.equal(await titles('frånvaron'), await titles('frånvaro'));
  assert.equal(await titles('anmälningar'.normalize('NFD')), await titles('anmälningar'), 'NFD input is normalised');
  const [hit] = (await cw.call('GET', q('anmälningar', '&type=entry&family=fam-2&from=2015&to=2015'))).json.hits;
  assert.match(hit.snippet.toLowerCase(), /anmälningar/);
  assert.equal(hit.highlights.map(([a, b]: [number, number]) => hit.snippet.slice(a, b)), ['anmälningar']);
});

search('the snippet marks the matched words as plain-text ranges, never as HTML', async ({ t }) => {
  const { cw } = await setUp(t);
  const r = await cw.call('GET', q('frånvaro skolan', '&type=entry&family=fam-2'));
  assert.ok(r.json.hits.length >= 2);
  for (const hit of r.json.hits) {
    assert.not.match(hit.snippet, /<mark|<\/?[a-z]/i);
    const marked = hit.highlights.map(([a, b]: [number, number]) => hit.snippet.slice(a, b).toLowerCase());
    assert.ok(marked.length > 0);
    for (const word of marked) assert.ok(/^(frånvaro|frånvaron|skolan|skola)$/.test(word), `only matched words: ${word}`);
    const starts = hit.highlights.map(([a]: [number, number]) => a);
    assert.equal(starts, [...starts].sort((a: number, b: number) => a - b), 'in order');
  }
});

search('filters by author and by the year of the entry, and pages with a total of every match', async ({ t }) => {
  const { cw, ids } = await setUp(t);
  const hits = async (extra: string) => (await cw.call('GET', q('frånvaro', extra))).json;
  const byLead = await hits(`&type=annotation&author=${ids.get('projektledare')}`);
  assert.equal(byLead.hits.map((h: any) => h.authorId), [ids.get('projektledare')]);
  const in2014 = await hits('&from=2014&to=2014');
  assert.equal(in2014.hits.map((h: any) => [h.type, h.year]).sort(), [['annotation', 2014], ['entry', 2014]], 'an annotation has the year of its entry');
  const all = await hits('');
  assert.ok(all.total >= 5);
  const first = await hits('&limit=2');
  const second = await hits('&limit=2&offset=2');
  assert.equal([first.total, second.total], [all.total, all.total], 'total counts every match, not the page');
  assert.equal(first.hits.length, 2);
  assert.equal([...first.hits, ...second.hits].map((h: any) => h.id), all.hits.slice(0, 4).map((h: any) => h.id));
  const bad = await cw.call('GET', q('frånvaro', '&from=tjugo'));
  assert.equal([bad.status, bad.json.error.code], [422, 'validation']);
});

search.run();
