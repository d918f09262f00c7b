// Search over the researchers' material: memos are found by researchers and the lead only, follow
// their edits, and the code filter keeps what is coded with a code or one of its descendants.
// Memos, codes and codings are written straight into the study's records here.
import * as assert from 'uvu/assert';
import type { Code, Coding, Memo } from '../../server/domain/types.ts';
import { StudySearch } from '../../server/search/study-search.ts';
import { codes, codings, memos } from '../../server/store/study-collections.ts';
import { appSuite, type TestApp } from '../setup/app.ts';

const NOW = '2024-01-01T00:00:00.000Z';
const q = (query: string, extra = '') => `/api/studies/mini/search?q=${encodeURIComponent(query)}${extra}`;

function memo(id: string, title: string, body: string, about: Memo['about'], familyId: string | null, authorId: string): Memo {
  return { id, title, body, about, familyId, authorId, createdAt: NOW, updatedAt: NOW, version: 1 };
}

function code(id: string, name: string, parentId: string | null, by: string): Code {
  return { id, name, description: '', color: '#336699', parentId, createdBy: by, createdAt: NOW, updatedBy: by, updatedAt: NOW, version: 1 };
}

async function setUp(t: TestApp) {
  const repo = t.store.study('mini')!;
  const ids = new Map(t.store.app.data.users.map((u) => [u.username, u.id]));
  const researcher = ids.get('forskare1')!;
  await repo.records.transact((tx) => {
    tx.put(memos, memo('m-study', 'Tankar om studien', 'Mönstret med sena insatser återkommer i flera akter.', { type: 'study', id: 'mini' }, null, researcher));
    tx.put(memos, memo('m-fam3', 'Familj 3', 'BUP kopplades in sent; insatser kom efter krisen.', { type: 'family', id: 'fam-3' }, 'fam-3', researcher));
    tx.put(memos, memo('m-meta', 'Om reflektionen', 'Handläggarens insatser beskrivs utförligt.', { type: 'reflection', id: 'fam-1:lyckade-insatser' }, 'fam-1', researcher));
  });
  return { repo, ids, researcher };
}

const search = appSuite('Searching memos and by code');

search('memos are found by researchers and the lead, never by caseworkers', async ({ t }) => {
  const { researcher } = await setUp(t);
  const hitsOf = async (who: string, extra = '') => (await (await t.as(who)).call('GET', q('insatser', extra))).json.hits.filter((h: any) => h.type === 'memo');
  const forResearcher = await hitsOf('forskare1');
  assert.equal(forResearcher.map((h: any) => h.id).sort(), ['m:m-fam3', 'm:m-meta', 'm:m-study']);
  const study = forResearcher.find((h: any) => h.id === 'm:m-study');
  assert.equal(
    { ...study, score: 0, snippet: '', highlights: [] },
    { type: 'memo', id: 'm:m-study', title: 'Tankar om studien', snippet: '', highlights: [], score: 0, familyId: null, documentId: null, start: null, questionId: null, authorId: researcher, year: null, childId: null },
  );
  assert.equal(study.highlights.map(([a, b]: [number, number]) => study.snippet.slice(a, b)), ['insatser']);
  assert.is(forResearcher.find((h: any) => h.id === 'm:m-meta').questionId, 'lyckade-insatser', 'a meta-reflection has its question');
  assert.equal((await hitsOf('projektledare')).length, 3);
  assert.equal(await hitsOf('socsek1'), []);
  const cw = await t.as('socsek1');
  assert.is((await cw.call('GET', q('insatser', '&type=memo'))).json.total, 0);
  assert.is((await cw.call('GET', q('krisen'))).json.total, 0, 'not even through a family of theirs');
  assert.equal((await hitsOf('forskare1', '&family=fam-3')).map((h: any) => h.id), ['m:m-fam3'], 'the family filter keeps that family’s memos');
  assert.equal((await hitsOf('forskare1', `&type=memo&author=${researcher}`)).length, 3);
  assert.equal((await hitsOf('forskare1', '&type=memo&question=lyckade-insatser')).map((h: any) => h.id), ['m:m-meta']);
  assert.equal(await hitsOf('forskare1', '&from=2010'), [], 'memos have no year');
});

search('a memo about a family is found only where that family is visible; one about the study always', async ({ t }) => {
  const { repo } = await setUp(t);
  const index = new StudySearch(repo);
  const ids = async (families: string[]) =>
    (await index.search('insatser', { families: new Set(families), memos: true, type: 'memo' })).hits.map((h) => h.id).sort();
  assert.equal(await ids(['fam-1']), ['m:m-meta', 'm:m-study']);
  assert.equal(await ids([]), ['m:m-study']);
  assert.equal((await index.search('insatser', { families: new Set(['fam-1', 'fam-3']), type: 'memo' })).total, 0, 'memos only when allowed');
});

search('memos follow their edits and deletions', async ({ t }) => {
  const { repo, researcher } = await setUp(t);
  const lead = await t.as('projektledare');
  assert.is((await lead.call('GET', q('mönstret'))).json.total, 1);
  await repo.records.transact((tx) => tx.put(memos, { ...memo('m-study', 'Tankar om studien', 'Ett nytt spår: skolans roll.', { type: 'study', id: 'mini' }, null, researcher), version: 2 }));
  assert.is((await lead.call('GET', q('mönstret'))).json.total, 0);
  assert.equal((await lead.call('GET', q('spår'))).json.hits.map((h: any) => h.id), ['m:m-study']);
  await repo.records.transact((tx) => tx.delete(memos, 'm-study'));
  assert.is((await lead.call('GET', q('spår'))).json.total, 0);
});

search('the code filter keeps what is coded with the code or a descendant, in every kind of hit', async ({ t }) => {
  const { repo, researcher } = await setUp(t);
  const lead = await t.as('projektledare');
  const cw = await t.as('socsek1');
  const [annotation] = (await cw.call('GET', '/api/studies/mini/annotations?family=fam-1')).json;
  await cw.call('PUT', '/api/studies/mini/families/fam-1/reflections/lyckade-insatser', { text: 'Kontaktfamiljen var en vändpunkt för Alva.' }, { 'if-match': '0' });
  const doc = (await lead.call('GET', '/api/studies/mini/families/fam-1/documents')).json[0];
  const { text } = (await lead.call('GET', `/api/studies/mini/documents/${doc.id}`)).json;
  const quote = 'Kontaktfamilj beviljas varannan helg.';
  const start = text.indexOf(quote);
  assert.ok(start > 0);
  const coding = (id: string, codeId: string, target: Coding['target']): Coding =>
    ({ id, codeId, target, familyId: 'fam-1', createdBy: researcher, createdAt: NOW, version: 1 });
  await repo.records.transact((tx) => {
    tx.put(codes, code('c-stod', 'Stöd', null, researcher));
    tx.put(codes, code('c-kontakt', 'Kontaktfamilj', 'c-stod', researcher));
    tx.put(codes, code('c-annat', 'Annat', null, researcher));
    tx.put(codings, coding('k-1', 'c-kontakt', { type: 'passage', documentId: doc.id, start, end: start + quote.length, exact: quote, prefix: '', suffix: '' }));
    tx.put(codings, coding('k-2', 'c-stod', { type: 'reflection', familyId: 'fam-1', key: 'lyckade-insatser', passage: null }));
    tx.put(codings, coding('k-3', 'c-kontakt', { type: 'annotation', id: annotation.id }));
    tx.put(codings, coding('k-4', 'c-annat', { type: 'reflection', familyId: 'fam-1', key: 'summary', passage: null }));
    tx.put(memos, memo('m-code', 'Om koden kontaktfamilj', 'Kontaktfamilj som stöd, inte som kontroll.', { type: 'code', id: 'c-kontakt' }, null, researcher));
  });
  const hits = async (query: string, extra: string, who = lead) => (await who.call('GET', q(query, extra))).json;
  // "kontaktfamilj" is in three entries, the reflection and the memo; only the coded ones pass.
  const all = await hits('kontaktfamilj', '');
  assert.ok(all.hits.filter((h: any) => h.type === 'entry').length >= 2);
  const coded = await hits('kontaktfamilj', '&code=c-stod');
  const entry = all.hits.find((h: any) => h.type === 'entry' && /Beslut om kontaktfamilj/.test(h.title));
  assert.equal(coded.hits.map((h: any) => h.id).sort(), [entry.id, 'm:m-code', 'r:fam-1:lyckade-insatser'].sort());
  assert.is(coded.total, 3);
  assert.equal((await hits('kontaktfamilj', '&code=c-kontakt')).hits.map((h: any) => h.type).sort(), ['entry', 'memo'], 'not the parent’s codings');
  assert.equal((await hits('hungrig', '&code=c-kontakt')).hits.map((h: any) => h.id), [`a:${annotation.id}`], 'the coded annotation, not the entry it marks');
  assert.equal((await hits('familj', '&code=c-annat&type=reflection')).hits.map((h: any) => h.id), ['r:fam-1:summary']);
  const unknown = await lead.call('GET', q('kontaktfamilj', '&code=finns-inte'));
  assert.equal([unknown.status, unknown.json.total, unknown.json.hits], [200, 0, []], 'an unknown code finds nothing');
  assert.is((await hits('kontaktfamilj', '&code=c-stod', cw)).total, 0, 'to a caseworker every code is unknown');
});

search.run();
