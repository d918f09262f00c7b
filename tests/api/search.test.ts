import * as assert from 'uvu/assert';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { appSuite } from '../setup/app.ts';

const search = appSuite('Searching a study');
const path = (q: string, extra = '') => `/api/studies/mini/search?q=${encodeURIComponent(q)}${extra}`;

search('finds entries by word, with a snippet around the match and where it is', async ({ t }) => {
  const cw = await t.as('socsek1');
  const r = await cw.call('GET', path('kontaktfamilj'));
  assert.is(r.status, 200);
  const entry = r.json.hits.find((h: any) => h.type === 'entry');
  assert.ok(entry, 'an entry hit');
  assert.is(entry.familyId, 'fam-1');
  assert.match(entry.snippet.toLowerCase(), /kontaktfamilj/);
  assert.ok(typeof entry.documentId === 'string' && typeof entry.start === 'number');
  assert.is(r.json.total, r.json.hits.length);
});

search('a word far into a long entry (past what the index keeps of it in memory) gets its snippet from the stored text', async ({ t }) => {
  const lead = await t.as('projektledare');
  // Two long entries with multi-byte letters; the word sought lies about 3 KB into the second.
  const filler = 'Vårdnadshavaren – återigen – hörd om läget. '.repeat(70);
  const text = `Akt för test\n\n2016-01-10 Samtal\n${filler}Slut.\n\n2016-02-11 Hembesök\n${filler}Hon nämner xylofonlektionerna i skolan. Mer text efter.\n`;
  const created = await lead.call('POST', '/api/studies/mini/families/fam-1/documents', { title: 'Lång akt', text });
  assert.is(created.status, 201, created.text);
  const hits = (await (await t.as('socsek1')).call('GET', path('xylofonlektionerna'))).json.hits;
  assert.is(hits.length, 1);
  assert.is(hits[0].documentId, created.json.document.id);
  assert.is(hits[0].start, text.indexOf('2016-02-11'));
  assert.match(hits[0].snippet, /^….*hörd om läget\. Hon nämner xylofonlektionerna i skolan\. Mer text efter\.$/);
  const [from, to] = hits[0].highlights[0];
  assert.is(hits[0].snippet.slice(from, to), 'xylofonlektionerna');
});

search('the text before the first dated entry is found too', async ({ t }) => {
  const hits = (await (await t.as('socsek1')).call('GET', path('testakt'))).json.hits;
  assert.ok(hits.some((h: any) => h.type === 'entry' && h.start === 0 && h.title === 'Akt, familj 1'));
});

search('prefix and fuzzy matching help with long words; two words must both match', async ({ t }) => {
  const cw = await t.as('socsek1');
  assert.ok((await cw.call('GET', path('hungr'))).json.total >= 1, 'prefix');
  assert.ok((await cw.call('GET', path('kontaktfamlij'))).json.total >= 1, 'one typo');
  assert.ok((await cw.call('GET', path('Alva trivs'))).json.total >= 1);
  assert.is((await cw.call('GET', path('Alva polisen'))).json.total, 0);
});

search('a caseworker finds nothing in families not assigned to them; the lead does', async ({ t }) => {
  const cw = await t.as('socsek1');
  const lead = await t.as('projektledare');
  assert.is((await cw.call('GET', path('BUP'))).json.total, 0);
  const hits = (await lead.call('GET', path('BUP'))).json.hits;
  assert.ok(hits.length >= 1 && hits.every((h: any) => h.familyId === 'fam-3'));
});

search('annotations and reflections are searchable and follow their edits', async ({ t }) => {
  const cw = await t.as('socsek1');
  const [a] = (await cw.call('GET', '/api/studies/mini/annotations?family=fam-1')).json;
  assert.ok((await cw.call('GET', path('försummelse', '&type=annotation'))).json.total >= 1, 'the example comment');
  await cw.call('PATCH', `/api/studies/mini/annotations/${a.id}`, { comment: 'Tecken på vanvård.' }, { 'if-match': String(a.version) });
  assert.is((await cw.call('GET', path('försummelse', '&type=annotation'))).json.total, 0);
  assert.is((await cw.call('GET', path('vanvård', '&type=annotation'))).json.hits[0].id, `a:${a.id}`);
  await cw.call('PUT', '/api/studies/mini/families/fam-1/reflections/lyckade-insatser', { text: 'Kontaktfamiljen var en vändpunkt.' }, { 'if-match': '0' });
  const refl = (await cw.call('GET', path('vändpunkt', '&type=reflection&family=fam-1'))).json.hits;
  assert.equal(refl.map((h: any) => [h.type, h.title, h.questionId]), [['reflection', 'Lyckade insatser', 'lyckade-insatser']]);
});

search('a family indexed again after every edit keeps its hits right, however often (discarded records are vacuumed away)', async ({ t }) => {
  const lead = await t.as('projektledare');
  const text = Array.from({ length: 30 }, (_, i) => `2019-01-${String(i + 1).padStart(2, '0')} Journal\nSamtal nummer ${i + 1} om skolgången.`).join('\n');
  const doc = (await lead.call('POST', '/api/studies/mini/families/fam-1/documents', { title: 'Journal', text })).json.document;
  const cw = await t.as('socsek1');
  const marks: { id: string; version: number }[] = [];
  for (let i = 0; i < 30; i++) {
    const quote = `Samtal nummer ${i + 1} `;
    const start = text.indexOf(quote);
    const r = await cw.call('POST', '/api/studies/mini/annotations', {
      documentId: doc.id, questionId: 'tidiga-tecken', target: { start, end: start + quote.length, exact: quote }, comment: `Iakttagelse ${i + 1}.`,
    });
    marks.push(r.json);
  }
  // Scores move a little with every edit (the annotations count in BM25's averages); the rest must not.
  const entries = async () => (await cw.call('GET', path('skolgången', '&type=entry&family=fam-1&limit=100'))).json.hits.map(({ score, ...hit }: any) => hit);
  const before = await entries();
  assert.is(before.length, 30);
  // Each edit indexes the family's annotations again: more discarded records than a tenth of the index, twice over.
  for (const [round, word] of ['vanvård', 'omsorgsbrist', 'understimulans'].entries()) {
    const a = marks[round]!;
    const r = await cw.call('PATCH', `/api/studies/mini/annotations/${a.id}`, { comment: `Tecken på ${word}.` }, { 'if-match': String(a.version) });
    assert.is(r.status, 200);
    const hits = (await cw.call('GET', path(word, '&type=annotation'))).json.hits;
    assert.equal(hits.map((h: any) => [h.id, h.snippet]), [[`a:${a.id}`, `Tecken på ${word}. Samtal nummer ${round + 1}`]]);
  }
  assert.equal(await entries(), before, 'the entries are found as before, with the same snippets');
  assert.is((await cw.call('GET', path('Iakttagelse', '&type=annotation&limit=100'))).json.total, 27, 'the edited comments are gone, the others found');
});

search('a search is audited, but the query itself is never written down', async ({ t }) => {
  const cw = await t.as('socsek1');
  await cw.call('GET', path('hemligtsökord'));
  const entries = (await (await t.as('projektledare')).call('GET', '/api/studies/mini/audit?action=search')).json.entries;
  assert.is(entries.length, 1);
  for (const f of await readdir(join(t.dataDir, 'audit'))) assert.not.match(await readFile(join(t.dataDir, 'audit', f), 'utf8'), /hemligtsökord/);
});

search('an empty query is refused with a clear message', async ({ t }) => {
  const r = await (await t.as('socsek1')).call('GET', path('  '));
  assert.is(r.status, 422);
});

search.run();
