// The study's literature through the API: importing reference files (BibTeX, BibLaTeX, RIS, CSL-JSON)
// and single CSL-JSON items, duplicate keys reported and never overwritten, editing and deleting with
// If-Match, links from codes and memos, the bibliography of what the study cites, rendering citations
// in any Markdown, who may do what, and bad input refused with 422 (never 500).
import { readFileSync } from 'node:fs';
import * as assert from 'uvu/assert';
import { appSuite, type TestClient } from '../setup/app.ts';

const refs = appSuite('References and the bibliography');

const base = '/api/studies/mini';
const BIBLIO = new URL('../fixtures/biblio/', import.meta.url).pathname;

function upload(client: TestClient, text: string | Uint8Array<ArrayBuffer>, name: string) {
  const form = new FormData();
  form.append('file', new File([text], name));
  return client.call('POST', `${base}/references`, form);
}
const fixture = (name: string) => readFileSync(BIBLIO + name, 'utf8');

const SUNDELL = String.raw`@article{sundell2007,
  author = {Sundell, Knut and {\"O}stberg, Fredrik},
  title = {Familjer i socialtj{\"a}nsten},
  journal = {Socialvetenskaplig tidskrift},
  year = {2007}
}
`;
const LINDQVIST = {
  id: 'lindqvist2019', type: 'article-journal', title: 'Barn i utsatta familjer',
  author: [{ family: 'Lindqvist', given: 'Åsa' }, { family: 'Öberg', given: 'Per' }],
  'container-title': 'Socionomens forskningssupplement', issued: { 'date-parts': [[2019]] },
};

const library = async (client: TestClient) => (await client.call('GET', `${base}/references`)).json as any[];
const byKey = async (client: TestClient, key: string) => (await library(client)).find((r) => r.id === key);
const memo = (client: TestClient, body: string, extra: Record<string, unknown> = {}) =>
  client.call('POST', `${base}/memos`, { title: 'Litteratur', body, about: { type: 'study', id: 'mini' }, ...extra });

refs('the fixture files import with their keys and their diacritics decoded', async ({ t }) => {
  const res = await t.as('forskare1');
  const files: [string, number, string[]][] = [
    ['bbt-859-thin-space-swedish-name.biblatex', 1, ['giustina2015significantloopholefree']],
    ['bbt-384-name-particles.bibtex', 40, ['al-hakim', 's-gravesande', 'vangogh']],
    ['bbt-92-and-others.bib', 1, ['Madelung_1998_LB_10681727_56']],
    ['citationjs-bibtex-all-types.bib', 16, ['Article', 'MastersThesis2', 'loir:B6']],
    ['qualcoder-zotero-export.ris', 3, ['western2011', 'vogel1988', 'bronfenbrenner2003']],
    ['bbt-1178-multi-type-corporate.csl.json', 26, ['brittain2004', 'timeusa2019a']],
  ];
  for (const [name, count, keys] of files) {
    const r = await upload(res, fixture(name), name);
    assert.is(r.status, 201, name);
    assert.is(r.json.created.length, count, name);
    assert.equal(r.json.duplicates, [], name);
    for (const key of keys) assert.ok(r.json.created.includes(key), `${name}: ${key}`);
  }
  const list = await library(res);
  assert.is(list.length, 87);
  const giustina = list.find((r) => r.id === 'giustina2015significantloopholefree');
  const names = giustina.author.map((a: any) => `${a.given} ${a.family}`);
  assert.ok(names.includes('Jan-Åke Larsson') && names.includes('Sören Wengerowsky') && names.includes('Jörn Beyer'), names.join(', '));
  assert.is(giustina.version, 1);
  assert.match(giustina.createdAt, /^\d{4}-/);
  // Sorted by first author, then year.
  const order = list.map((r) => r.author?.[0]?.family ?? r.author?.[0]?.literal).filter(Boolean);
  assert.ok(order.indexOf('Brittain') < order.indexOf('Giustina') && order.indexOf('Giustina') < order.indexOf('Western'), 'by author');
  const jackson = list.filter((r) => r.id.startsWith('jackson2013')).map((r) => r.id);
  assert.equal(jackson.length, 2);

  // Keys that cannot be cited as [@key] or used in a URL get one made from author and year, with a warning.
  const odd = await upload(res, '@book{Müller2019/x, author = {M{\\"u}ller, Anna}, title = {Om barn}, year = 2019}', 'odd.bib');
  assert.is(odd.status, 201);
  assert.equal(odd.json.created, ['muller2019']);
  assert.ok(odd.json.warnings.some((w: string) => w.includes('”muller2019”')), odd.json.warnings.join(' '));
});

refs('one CSL-JSON item: 201 with its key; the same key again is 422 duplicate_key; a key is made when none is given', async ({ t }) => {
  const res = await t.as('forskare1');
  const created = await res.call('POST', `${base}/references`, LINDQVIST);
  assert.is(created.status, 201);
  assert.is(created.json.id, 'lindqvist2019');
  assert.is(created.json.title, 'Barn i utsatta familjer');
  assert.is(created.json.version, 1);
  const again = await res.call('POST', `${base}/references`, { ...LINDQVIST, title: 'Något annat' });
  assert.is(again.status, 422);
  assert.is(again.json.error.code, 'duplicate_key');
  assert.equal(again.json.error.keys, ['lindqvist2019']);
  assert.is((await byKey(res, 'lindqvist2019')).title, 'Barn i utsatta familjer');

  const keyless = await res.call('POST', `${base}/references`, { ...LINDQVIST, id: undefined, volume: 14, page: 101 });
  assert.is(keyless.status, 201);
  assert.is(keyless.json.id, 'lindqvist2019a');
  assert.is(keyless.json.volume, '14', 'numbers are stored as strings');
  assert.is(keyless.json.page, '101');

  const software = await res.call('POST', `${base}/references`, { id: 'r2024', type: 'software', title: 'R', 'csl-version': '4.4.0' });
  assert.is(software.json['csl-version'], '4.4.0');
  assert.is(software.json.version, 1, 'the record version and CSL\'s version variable are kept apart');
});

refs('a file with a key that is already in the library: reported in duplicates, the stored reference unchanged', async ({ t }) => {
  const res = await t.as('forskare1');
  await upload(res, SUNDELL, 'ref.bib');
  const stored = await byKey(res, 'sundell2007');
  const edited = await res.call('PATCH', `${base}/references/sundell2007`, { title: 'Familjer i socialtjänsten (rättad)' }, { 'if-match': String(stored.version) });
  assert.is(edited.status, 200);
  const again = await upload(res, SUNDELL + '@book{sundell2012, author = {Sundell, Knut}, title = {Effektutvärderingar}, year = 2012}\n', 'ref.bib');
  assert.is(again.status, 201);
  assert.equal(again.json.created, ['sundell2012']);
  assert.equal(again.json.duplicates, ['sundell2007']);
  assert.equal((await library(res)).map((r) => r.id), ['sundell2007', 'sundell2012'], 'by author, then year');
  const after = await byKey(res, 'sundell2007');
  assert.is(after.title, 'Familjer i socialtjänsten (rättad)');
  assert.is(after.version, 2);
  const only = await upload(res, SUNDELL, 'ref.bib');
  assert.equal([only.status, only.json.created, only.json.duplicates], [200, [], ['sundell2007']]);
});

refs('PATCH edits fields with If-Match (stale: 409 with the stored one); junk and key changes are refused; DELETE', async ({ t }) => {
  const res = await t.as('forskare1');
  await res.call('POST', `${base}/references`, LINDQVIST);
  const patched = await res.call('PATCH', `${base}/references/lindqvist2019`,
    { title: 'Barn i familjehem', volume: 3, issued: '2020-05', author: [{ family: 'Lindqvist', given: 'Åsa' }], 'container-title': null },
    { 'if-match': '1' });
  assert.is(patched.status, 200);
  assert.equal([patched.json.title, patched.json.volume, patched.json.issued, patched.json.version], ['Barn i familjehem', '3', { 'date-parts': [[2020, 5]] }, 2]);
  assert.is(patched.json.author.length, 1);
  assert.not.ok('container-title' in patched.json, 'null removes a field');

  const stale = await res.call('PATCH', `${base}/references/lindqvist2019`, { title: 'Gammal' }, { 'if-match': '1' });
  assert.is(stale.status, 409);
  assert.is(stale.json.error.current.title, 'Barn i familjehem');
  assert.is(stale.json.error.current.version, 2);

  // The record's own fields may be sent back as they were received; they change nothing.
  const roundTrip = await res.call('PATCH', `${base}/references/lindqvist2019`, { ...patched.json, note: 'Läst.' }, { 'if-match': '2' });
  assert.is(roundTrip.status, 200);
  assert.equal([roundTrip.json.note, roundTrip.json.version, roundTrip.json['csl-version']], ['Läst.', 3, undefined]);

  for (const [body, code] of [
    [{ rating: 5 }, 'validation'],
    [{ author: 'Lindqvist' }, 'validation'],
    [{ author: [{ family: { nested: true } }] }, 'validation'],
    [{ type: 'journalArticle' }, 'validation'],
    [{ title: null }, 'validation'],
    [{ id: 'annan2020' }, 'key_change'],
  ] as const) {
    const r = await res.call('PATCH', `${base}/references/lindqvist2019`, body, { 'if-match': '3' });
    assert.equal([r.status, r.json.error.code], [422, code], JSON.stringify(body));
  }
  assert.is((await res.call('PATCH', `${base}/references/lindqvist2019`, { title: 'X' })).status, 400, 'If-Match is required');
  assert.is((await res.call('PATCH', `${base}/references/finnsinte2000`, { title: 'X' }, { 'if-match': '1' })).status, 404);

  assert.is((await res.call('DELETE', `${base}/references/lindqvist2019`, undefined, { 'if-match': '1' })).status, 409);
  assert.is((await res.call('DELETE', `${base}/references/lindqvist2019`, undefined, { 'if-match': '3' })).status, 204);
  assert.equal(await library(res), []);
  assert.is((await res.call('DELETE', `${base}/references/lindqvist2019`, undefined, { 'if-match': '3' })).status, 404);
});

refs('the bibliography lists the library, or with scope=cited what the study cites, in APA with Swedish terms', async ({ t }) => {
  const res = await t.as('forskare1');
  await upload(res, SUNDELL, 'ref.bib');
  await res.call('POST', `${base}/references`, LINDQVIST);

  // Nothing cited yet: the list is the whole library, and says so.
  const before = await res.call('GET', `${base}/bibliography?style=apa&lang=sv&scope=cited`);
  assert.is(before.status, 200);
  assert.equal([before.json.scope, before.json.nothingCited, before.json.entries.length], ['all', true, 2]);

  const m = await memo(res, 'Som [@sundell2007, s. 12] visar, och [@okand1999].');
  assert.is(m.status, 201);
  const bib = await res.call('GET', `${base}/bibliography?style=apa&lang=sv&scope=cited`);
  assert.is(bib.status, 200);
  assert.equal([bib.json.style, bib.json.lang, bib.json.scope, bib.json.nothingCited], ['apa', 'sv-SE', 'cited', false]);
  assert.equal(bib.json.entries.map((e: any) => e.id), ['sundell2007']);
  assert.is(bib.json.entries[0].text, 'Sundell, K., & Östberg, F. (2007). Familjer i socialtjänsten. Socialvetenskaplig tidskrift.');
  assert.match(bib.json.entries[0].html, /<i>Socialvetenskaplig tidskrift<\/i>/);
  assert.equal(bib.json.unknownKeys, ['okand1999']);
  assert.ok(bib.text.includes('Sundell') && bib.text.includes('Östberg') && bib.text.includes('&'));
  assert.not.ok(bib.text.includes('Lindqvist'), 'an uncited reference is not listed');
  // A narrative citation (@key in running text) counts as cited too.
  await memo(res, 'Som @lindqvist2019 påpekar.');
  const narrative = await res.call('GET', `${base}/bibliography?scope=cited`);
  assert.equal(narrative.json.entries.map((e: any) => e.id), ['lindqvist2019', 'sundell2007']);

  const all = await res.call('GET', `${base}/bibliography`);
  assert.equal(all.json.entries.map((e: any) => e.id), ['lindqvist2019', 'sundell2007']);
  assert.is(all.json.scope, 'all', 'the whole library is the default');
  assert.equal((await res.call('GET', `${base}/bibliography?all=1`)).json.scope, 'all');

  const text = await res.call('GET', `${base}/bibliography?format=text&scope=cited`);
  assert.match(text.headers.get('content-type') ?? '', /^text\/plain/);
  assert.match(text.text, /\nSundell, K\., & Östberg, F\. \(2007\)\. Familjer i socialtjänsten\. Socialvetenskaplig tidskrift\.\n$/);
  const html = await res.call('GET', `${base}/bibliography?scope=cited`, undefined, { accept: 'text/html,application/xhtml+xml' });
  assert.match(html.headers.get('content-type') ?? '', /^text\/html/);
  assert.match(html.text, /<div class="csl-entry">Sundell, K\., &#38; Östberg, F\. \(2007\)/);
  const en = await res.call('GET', `${base}/bibliography?lang=en&all=1`);
  assert.is(en.json.lang, 'en-US');
  // The library itself, each reference as the list prints it: reading the library, not an export.
  const exportsBefore = (await (await t.as('projektledare')).call('GET', `${base}/audit?action=bibliography.export`)).json.entries.length;
  const shown = await res.call('GET', `${base}/references?style=apa&lang=sv`);
  assert.equal(shown.json.map((r: any) => [r.id, r.formatted?.text.slice(0, 28)]), [
    ['lindqvist2019', 'Lindqvist, Å., & Öberg, P. ('], ['sundell2007', 'Sundell, K., & Östberg, F. ('],
  ]);
  assert.not.ok('formatted' in (await res.call('GET', `${base}/references`)).json[0]);
  assert.is((await res.call('GET', `${base}/references?lang=de`)).status, 422);
  assert.is((await (await t.as('projektledare')).call('GET', `${base}/audit?action=bibliography.export`)).json.entries.length, exportsBefore);

  for (const query of ['style=chicago', 'lang=de', 'lang=__proto__', 'format=pdf', 'scope=some']) {
    const r = await res.call('GET', `${base}/bibliography?${query}`);
    assert.is(r.status, 422, query);
  }
  const actions = (await (await t.as('projektledare')).call('GET', `${base}/audit?action=bibliography.export`)).json.entries;
  assert.ok(actions.length >= 1);
});

refs('citations in reflections, annotation comments and code descriptions count, and so do links from codes and memos', async ({ t }) => {
  const res = await t.as('forskare1');
  const cw = await t.as('socsek1');
  await upload(res, SUNDELL + '@book{sundell2012, author = {Sundell, Knut}, title = {Effektutvärderingar}, year = 2012}\n', 'ref.bib');
  await res.call('POST', `${base}/references`, LINDQVIST);
  await res.call('POST', `${base}/references`, { ...LINDQVIST, id: 'berg2010', author: [{ family: 'Berg', given: 'Eva' }], title: 'Om stöd' });
  await res.call('POST', `${base}/references`, { ...LINDQVIST, id: 'holm2015', author: [{ family: 'Holm', given: 'Per' }], title: 'Om skolan' });
  const ids = async () => (await res.call('GET', `${base}/bibliography?scope=cited`)).json.entries.map((e: any) => e.id);

  const { version } = (await cw.call('GET', `${base}/families/fam-1/reflections/summary`)).json;
  const reflection = await cw.call('PUT', `${base}/families/fam-1/reflections/summary`, { text: 'Jämför [@lindqvist2019].' }, { 'if-match': String(version) });
  assert.is(reflection.status, 200);
  assert.equal(await ids(), ['lindqvist2019']);
  const [annotation] = (await cw.call('GET', `${base}/annotations?family=fam-1`)).json;
  const commented = await cw.call('PATCH', `${base}/annotations/${annotation.id}`, { comment: 'Se [@sundell2012].' }, { 'if-match': String(annotation.version) });
  assert.is(commented.status, 200);
  assert.equal(await ids(), ['lindqvist2019', 'sundell2012']);

  // Links: a code and a memo linked to references; unknown keys are refused.
  const unknown = await res.call('POST', `${base}/codes`, { name: 'Stöd', references: ['finnsinte2000'] });
  assert.equal([unknown.status, unknown.json.error.code, unknown.json.error.keys], [422, 'unknown_reference', ['finnsinte2000']]);
  const code = await res.call('POST', `${base}/codes`, { name: 'Stöd', references: ['berg2010', 'berg2010'] });
  assert.is(code.status, 201);
  assert.equal(code.json.references, ['berg2010']);
  const badPatch = await res.call('PATCH', `${base}/codes/${code.json.id}`, { references: ['berg2010', 'finnsinte2000'] }, { 'if-match': '1' });
  assert.equal([badPatch.status, badPatch.json.error.code], [422, 'unknown_reference']);
  assert.equal(await ids(), ['berg2010', 'lindqvist2019', 'sundell2012']);
  const m = await memo(res, 'Utan hänvisning.', { references: ['holm2015'] });
  assert.equal(m.json.references, ['holm2015']);
  assert.equal((await memo(res, 'x', { references: ['nej1900'] })).json.error.code, 'unknown_reference');
  assert.equal(await ids(), ['berg2010', 'holm2015', 'lindqvist2019', 'sundell2012']);

  // Deleting a linked reference is allowed: the link stays and shows as unknown; re-adding it restores it.
  assert.is((await res.call('DELETE', `${base}/references/berg2010`, undefined, { 'if-match': '1' })).status, 204);
  const after = (await res.call('GET', `${base}/bibliography?scope=cited`)).json;
  assert.equal(after.unknownKeys, ['berg2010']);
  const keep = await res.call('PATCH', `${base}/codes/${code.json.id}`, { name: 'Stöd (ändrad)', references: ['berg2010', 'holm2015'] }, { 'if-match': '1' });
  assert.is(keep.status, 200, 'a link to a deleted reference may stay');
  assert.equal(keep.json.references, ['berg2010', 'holm2015']);
  const cleared = await res.call('PATCH', `${base}/codes/${code.json.id}`, { references: [] }, { 'if-match': '2' });
  assert.not.ok('references' in cleared.json);
  const memoPatch = await res.call('PATCH', `${base}/memos/${m.json.id}`, { body: 'Se [-@sundell2007].', references: [] }, { 'if-match': '1' });
  assert.is(memoPatch.status, 200);
  // APA puts a one-author work before works with more authors of the same first author.
  assert.equal(await ids(), ['lindqvist2019', 'sundell2012', 'sundell2007']);
});

refs('merging codes keeps the merged code\'s references on the code it is merged into', async ({ t }) => {
  const res = await t.as('forskare1');
  await upload(res, SUNDELL, 'ref.bib');
  await res.call('POST', `${base}/references`, LINDQVIST);
  const from = (await res.call('POST', `${base}/codes`, { name: 'A', references: ['sundell2007', 'lindqvist2019'] })).json;
  const into = (await res.call('POST', `${base}/codes`, { name: 'B', references: ['lindqvist2019'] })).json;
  const merged = await res.call('POST', `${base}/codes/${from.id}/merge`, { into: into.id });
  assert.is(merged.status, 200);
  assert.equal(merged.json.references, ['lindqvist2019', 'sundell2007']);
});

refs('POST /citations renders the citations of any Markdown, with the full reference for each key used', async ({ t }) => {
  const res = await t.as('forskare1');
  await upload(res, SUNDELL, 'ref.bib');
  await res.call('POST', `${base}/references`, LINDQVIST);
  const markdown = 'Som [@sundell2007, s. 12] visar. Se också [se @lindqvist2019; @okand1999] och `[@kod]`.';
  const r = await res.call('POST', `${base}/citations`, { markdown });
  assert.is(r.status, 200);
  assert.is(r.json.clusters.length, 2);
  const [first, second] = r.json.clusters;
  assert.is(first.text, '(Sundell & Östberg, 2007, s. 12)');
  assert.is(markdown.slice(first.start, first.end), '[@sundell2007, s. 12]');
  assert.equal(first.keys, ['sundell2007']);
  assert.equal(first.unknownKeys, []);
  assert.is(second.text, '(se Lindqvist & Öberg, 2019; okand1999?)');
  assert.equal(second.unknownKeys, ['okand1999']);
  assert.match(second.html, /<span class="csl-unknown-key">okand1999\?<\/span>/);
  assert.equal(Object.keys(r.json.references).sort(), ['lindqvist2019', 'sundell2007']);
  assert.is(r.json.references.sundell2007.text, 'Sundell, K., & Östberg, F. (2007). Familjer i socialtjänsten. Socialvetenskaplig tidskrift.');
  const en = await res.call('POST', `${base}/citations?lang=en`, { markdown: '[@sundell2007, p. 3]' });
  assert.is(en.json.clusters[0].text, '(Sundell & Östberg, 2007, p. 3)');
  assert.equal((await res.call('POST', `${base}/citations`, { markdown: 'Ingen hänvisning.' })).json, { clusters: [], references: {} });

  // In running text, @key is a citation when the key is in the library; a mention is left alone.
  const narrative = 'Som @sundell2007 [s. 12] visar, skriver @forskare2.';
  const told = await res.call('POST', `${base}/citations`, { markdown: narrative });
  assert.equal(told.json.clusters.map((c: any) => [narrative.slice(c.start, c.end), c.text]), [['@sundell2007 [s. 12]', 'Sundell och Östberg (2007, s. 12)']]);

  const many = Array.from({ length: 301 }, () => '[@sundell2007]').join(' ');
  assert.equal((await res.call('POST', `${base}/citations`, { markdown: many })).json.error.code, 'too_many_citations');
  assert.is((await res.call('POST', `${base}/citations`, { markdown: 5 })).status, 422);
  assert.is((await res.call('POST', `${base}/citations`, { text: 'x' })).status, 422);
});

refs('caseworkers read the library and render citations, but do not change it or get the bibliography', async ({ t }) => {
  const res = await t.as('forskare1');
  await upload(res, SUNDELL, 'ref.bib');
  const cw = await t.as('socsek1');
  const list = await cw.call('GET', `${base}/references`);
  assert.is(list.status, 200);
  assert.equal(list.json.map((r: any) => r.id), ['sundell2007']);
  const rendered = await cw.call('POST', `${base}/citations`, { markdown: 'Enligt [@sundell2007, s. 12].' });
  assert.is(rendered.status, 200);
  assert.is(rendered.json.clusters[0].text, '(Sundell & Östberg, 2007, s. 12)');
  assert.is((await cw.call('POST', `${base}/references`, LINDQVIST)).status, 403);
  assert.is((await upload(cw, SUNDELL, 'ref.bib')).status, 403);
  assert.is((await cw.call('PATCH', `${base}/references/sundell2007`, { title: 'X' }, { 'if-match': '1' })).status, 403);
  assert.is((await cw.call('DELETE', `${base}/references/sundell2007`, undefined, { 'if-match': '1' })).status, 403);
  assert.is((await cw.call('GET', `${base}/bibliography`)).status, 403);
  const outsider = await t.as('admin');
  assert.is((await outsider.call('GET', `${base}/references`)).status, 404);
  assert.is((await outsider.call('POST', `${base}/citations`, { markdown: '[@sundell2007]' })).status, 404);
});

refs('bad files and items are refused with 422 and a Swedish message, never 500, and nothing is stored', async ({ t }) => {
  const res = await t.as('forskare1');
  const tooMany = JSON.stringify(Array.from({ length: 5001 }, (_, i) => ({ id: `k${i}`, type: 'book', title: 'T' })));
  const cases: [string | Uint8Array<ArrayBuffer>, string, string][] = [
    ['Det här är ingen referensfil.', 'anteckningar.txt', 'invalid_references'],
    ['Det här är ingen referensfil.', 'ref.bib', 'invalid_references'],
    ['', 'tom.bib', 'invalid_references'],
    ['   \n', 'tom.ris', 'invalid_references'],
    ['@article{trasig, author = {Sundell, title = {X}\n', 'trasig.bib', 'invalid_references'],
    ['[{"id": "a", "title": "x"}, 5]', 'ref.json', 'invalid_references'],
    ['{"id": ', 'ref.json', 'invalid_references'],
    [tooMany, 'stor.json', 'invalid_references'],
    [new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]), 'ref.bib', 'invalid_text'],
  ];
  for (const [content, name, code] of cases) {
    const r = await upload(res, content, name);
    assert.equal([r.status, r.json?.error?.code], [422, code], `${name}: ${String(content).slice(0, 30)}`);
    assert.match(r.json.error.message, /[åäö]|Filen|Formatet/);
  }
  const itemCases: [unknown, string][] = [
    [{ title: 'Utan nyckel men med skräp', extra: 1 }, 'validation'],
    [{ id: 'ok2020' }, 'validation'],
    [{ id: 'har mellanslag', title: 'X' }, 'invalid_reference_key'],
    [{ id: 'slutar.', title: 'X' }, 'invalid_reference_key'],
    [{ id: 'x'.repeat(101), title: 'X' }, 'invalid_reference_key'],
    [[LINDQVIST], 'validation'],
    ['"bara en sträng"', 'validation'],
  ];
  for (const [body, code] of itemCases) {
    const r = await res.call('POST', `${base}/references`, body);
    assert.equal([r.status, r.json?.error?.code], [422, code], JSON.stringify(body).slice(0, 60));
  }
  assert.is((await res.call('POST', `${base}/references`, 'inte json')).status, 400);
  assert.is((await res.call('POST', `${base}/references`, 'x', { 'content-type': 'text/plain' })).status, 415);
  const noFile = new FormData();
  noFile.append('file', 'bara text');
  assert.is((await res.call('POST', `${base}/references`, noFile)).status, 400);
  assert.equal(await library(res), []);
});

refs('changes are audited by action (the key as object, never content); a closed study still renders citations', async ({ t }) => {
  const res = await t.as('forskare1');
  const lead = await t.as('projektledare');
  await upload(res, SUNDELL, 'ref.bib');
  await res.call('POST', `${base}/references`, LINDQVIST);
  await res.call('PATCH', `${base}/references/lindqvist2019`, { title: 'Ny titel' }, { 'if-match': '1' });
  await res.call('DELETE', `${base}/references/lindqvist2019`, undefined, { 'if-match': '2' });
  const entries = (await lead.call('GET', `${base}/audit`)).json.entries as any[];
  const mine = entries.filter((e) => e.action.startsWith('reference.')).map((e) => [e.action, e.object, e.outcome]);
  for (const expected of [['reference.import', null, 'ok'], ['reference.create', 'lindqvist2019', 'ok'], ['reference.update', 'lindqvist2019', 'ok'], ['reference.delete', 'lindqvist2019', 'ok']]) {
    assert.ok(mine.some((m) => JSON.stringify(m) === JSON.stringify(expected)), JSON.stringify(expected));
  }
  const log = JSON.stringify(entries);
  assert.not.ok(log.includes('Sundell') || log.includes('Ny titel'), 'no content in the audit log');

  const study = (await lead.call('GET', base)).json;
  assert.is((await lead.call('POST', `${base}/close`, undefined, { 'if-match': String(study.version) })).status, 200);
  const rendered = await res.call('POST', `${base}/citations`, { markdown: '[@sundell2007]' });
  assert.equal([rendered.status, rendered.json.clusters[0].text], [200, '(Sundell & Östberg, 2007)']);
  assert.is((await res.call('GET', `${base}/bibliography`)).status, 200);
  const late = await res.call('POST', `${base}/references`, LINDQVIST);
  assert.equal([late.status, late.json.error.code], [409, 'study_closed']);
});

refs('the library and its links survive a restart', async ({ t }) => {
  const res = await t.as('forskare1');
  await upload(res, SUNDELL, 'ref.bib');
  await res.call('POST', `${base}/codes`, { name: 'Familjer', references: ['sundell2007'] });
  const again = await t.restart();
  const client = await again.as('forskare1');
  assert.equal((await library(client)).map((r) => r.id), ['sundell2007']);
  assert.equal((await client.call('GET', `${base}/bibliography?scope=cited`)).json.entries.map((e: any) => e.id), ['sundell2007']);
});

refs.run();
