// The search page's pure helpers: marking the query's words in a snippet (the server's ranges when sent,
// else Swedish word prefixes), where each kind of hit leads, and grouping hits by kind.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { matchPrefix, queryWords, snippetParts } from '../../client/common/search-highlight.ts';
import { groupHits, hitHref, hitRoute, type SearchHit } from '../../client/data/search.ts';
import { hrefFor, parseRoute } from '../../client/route.ts';

const marks = suite('search snippets: marked words');

const marked = (snippet: string, query: string, highlights?: [number, number][]) =>
  snippetParts(snippet, query, highlights).filter((p) => p.mark).map((p) => p.text);

marks('an inflected query word marks the other forms of the word', () => {
  assert.equal(marked('…visar tecken på depression. Depressionen hade', 'depressionen'), ['depression', 'Depressionen']);
  assert.equal(marked('Mamman och mammans syster', 'mamma'), ['Mamman', 'mammans']);
  assert.equal(marked('Orosanmälan från BVC', 'orosanmälningar'), ['Orosanmälan']);
});

marks('short words match whole words only; case and Unicode forms do not matter', () => {
  assert.equal(marked('BVC ringde. BVC:s sköterska. BVCX', 'bvc'), ['BVC', 'BVC'], 'not BVCX');
  assert.equal(marked('Åsa åkte', 'ÅSA'), ['Åsa']);
  assert.equal(marked('Sköterskan', 'Sko\u0308terska'), ['Sköterskan'], 'decomposed ö in the query');
});

marks('the parts put the snippet back together, marked or not', () => {
  const snippet = '…hon sover två till tre timmar per natt…';
  const parts = snippetParts(snippet, 'sova timmar');
  assert.is(parts.map((p) => p.text).join(''), snippet);
  assert.equal(parts.filter((p) => p.mark).map((p) => p.text), ['timmar']);
  assert.equal(snippetParts('inget här', 'oro'), [{ text: 'inget här', mark: false }]);
  assert.equal(snippetParts('', 'oro'), []);
});

marks("the server's ranges win, cleaned up (sorted, merged, clipped, malformed dropped)", () => {
  assert.equal(marked('abc def ghi', 'zzz', [[8, 11], [0, 3]]), ['abc', 'ghi']);
  assert.equal(marked('abcdefgh', 'zzz', [[0, 3], [2, 5]]), ['abcde']);
  assert.equal(marked('abc', 'zzz', [[1, 99], [-5, 0], [2, 2]]), ['bc']);
  assert.equal(marked('abc oro', 'oro', []), ['oro'], 'an empty list falls back to the words');
});

marks('query words and prefixes', () => {
  assert.equal(queryWords('  12-åringen, BUP!  '), ['12', 'åringen', 'bup']);
  assert.is(matchPrefix('bvc'), 'bvc');
  assert.is(matchPrefix('barnen'), 'barn');
  assert.is(matchPrefix('mamma'), 'mamm');
  assert.is(matchPrefix('depressionen'), 'depressi');
  assert.is(matchPrefix('orosanmälningar'), 'orosanmäl');
});

marks.run();

const hits = suite('search hits: where they lead and how they group');

const hit = (over: Partial<SearchHit>): SearchHit => ({
  type: 'entry', id: 'e:d1:10', title: 't', snippet: 's', score: 1, familyId: 'f1', documentId: 'd1', start: 10,
  questionId: null, authorId: null, year: 2010, highlights: [], childId: null, ...over,
});

hits('each kind opens its exact place', () => {
  assert.is(hitHref('demo', hit({})), '#/studier/demo/familjer/f1/dokument/d1/10');
  assert.is(hitHref('demo', hit({ type: 'annotation', id: 'a:a_7', start: 40 })), '#/studier/demo/familjer/f1/markeringar/a_7');
  assert.is(hitHref('demo', hit({ type: 'reflection', id: 'r:f1:tidiga-tecken', documentId: null, start: null })), '#/studier/demo/familjer/f1/reflektioner/tidiga-tecken');
  assert.is(hitHref('demo', hit({ type: 'reflection', id: 'r:f1:summary', documentId: null, start: null })), '#/studier/demo/familjer/f1/reflektioner/summary');
  assert.is(hitHref('demo', hit({ type: 'memo', id: 'm:m_3', familyId: null, documentId: null, start: null })), '#/studier/demo/memon/m_3');
  assert.is(hitHref('demo', hit({ type: 'appraisal', id: 'b:d1:3', start: 40 })), '#/studier/demo/familjer/f1/utredningar/d1%3A3');
  assert.equal(hitRoute('demo', hit({ type: 'appraisal', id: 'b:d1:3', start: null })), {
    name: 'family', studyId: 'demo', familyId: 'f1', tab: 'utredningar', target: { kind: 'investigation', investigationId: 'd1:3' },
  });
});

hits("a child's rating opens the inventory page with that child selected", () => {
  const rating = { type: 'rating', id: 'g:barn-0002:u_5', familyId: null, documentId: null, start: null, year: null, authorId: 'u_5' } as const;
  assert.equal(hitRoute('demo', hit({ ...rating, childId: 'barn-0002' })), { name: 'child', studyId: 'demo', childId: 'barn-0002' });
  assert.is(hitHref('demo', hit({ ...rating, childId: 'barn-0002' })), '#/studier/demo/barn/barn-0002');
  assert.is(hitRoute('demo', hit({ ...rating, childId: null })), null, 'no child id: nowhere to go');
  assert.equal(groupHits([hit({ id: 'e:1' }), hit({ ...rating, childId: 'barn-0002' })]).map((g) => g.kind), ['entry', 'rating'], 'ratings come last');
});

hits('a hit that says too little leads nowhere', () => {
  assert.is(hitRoute('demo', hit({ documentId: null })), null);
  assert.is(hitRoute('demo', hit({ start: null })), null);
  assert.is(hitRoute('demo', hit({ type: 'annotation', id: 'x' })), null);
  assert.is(hitRoute('demo', hit({ type: 'reflection', id: 'r:other:k' })), null);
  assert.is(hitRoute('demo', hit({ type: 'memo', id: 'm:' })), null);
  assert.is(hitRoute('demo', hit({ type: 'appraisal', id: 'b:' })), null);
  assert.is(hitRoute('demo', hit({ type: 'appraisal', id: 'b:d1:3', familyId: null })), null);
  assert.is(hitRoute('demo', hit({ type: 'other' as SearchHit['type'] })), null);
});

hits('hits group by kind in a fixed order, keeping their ranking', () => {
  const list = [
    hit({ id: 'm:1', type: 'memo' }), hit({ id: 'b:d1:0', type: 'appraisal' }),
    hit({ id: 'r:f1:k', type: 'reflection' }), hit({ id: 'e:1' }), hit({ id: 'a:1', type: 'annotation' }), hit({ id: 'e:2' }),
  ];
  assert.equal(groupHits(list).map((g) => [g.kind, g.hits.map((h) => h.id)]), [
    ['entry', ['e:1', 'e:2']], ['annotation', ['a:1']], ['reflection', ['r:f1:k']], ['appraisal', ['b:d1:0']], ['memo', ['m:1']],
  ]);
  assert.equal(groupHits([]), []);
});

hits('the appraisal type filter lives in the URL as "bedomningar"', () => {
  const route = { name: 'search', studyId: 'demo', query: 'oro', filters: { type: 'appraisal' } } as const;
  assert.is(hrefFor(route), '#/studier/demo/sok?q=oro&typ=bedomningar');
  assert.equal(parseRoute('#/studier/demo/sok?q=oro&typ=bedomningar'), route);
});

hits.run();
