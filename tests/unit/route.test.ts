// The client's hash routes: every route shape survives hrefFor → parseRoute, the search page's filters live
// in the query string (malformed ones are dropped), and a family link can name the place to open at.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { hrefFor, parseRoute, type Route } from '../../client/route.ts';

const routes = suite('client routes');

const shapes: Route[] = [
  { name: 'home' },
  { name: 'accounts' },
  { name: 'new-study' },
  { name: 'study', studyId: 'demo' },
  { name: 'settings', studyId: 'demo' },
  { name: 'audit', studyId: 'demo' },
  { name: 'progress', studyId: 'demo' },
  { name: 'archive-import', studyId: 'demo' },
  { name: 'family', studyId: 'demo', familyId: 'familj-a', tab: 'akt' },
  { name: 'family', studyId: 'demo', familyId: 'familj-a', tab: 'reflektioner' },
  { name: 'family', studyId: 'demo', familyId: 'familj-a', tab: 'akt', target: { kind: 'entry', documentId: 'd_1', offset: 1234 } },
  { name: 'family', studyId: 'demo', familyId: 'familj-a', tab: 'akt', target: { kind: 'entry', documentId: 'd_1', offset: 0 } },
  { name: 'family', studyId: 'demo', familyId: 'familj-a', tab: 'akt', target: { kind: 'annotation', annotationId: 'a_9' } },
  { name: 'family', studyId: 'demo', familyId: 'familj-a', tab: 'reflektioner', target: { kind: 'reflection', key: 'summary' } },
  { name: 'family', studyId: 'demo', familyId: 'familj-a', tab: 'utredningar' },
  { name: 'family', studyId: 'demo', familyId: 'familj-a', tab: 'utredningar', target: { kind: 'investigation', investigationId: 'd_1:4' } },
  { name: 'investigations', studyId: 'demo' },
  { name: 'search', studyId: 'demo', query: 'oro', filters: {} },
  { name: 'search', studyId: 'demo', query: '', filters: {} },
  { name: 'search', studyId: 'demo', query: 'mamma & BVC/skola?', filters: { type: 'annotation', family: 'familj-a' } },
  {
    name: 'search', studyId: 'demo', query: 'orosanmälan från förskolan',
    filters: { type: 'memo', family: 'familj-b', question: 'tidiga-tecken', code: 'c_1', author: 'u_2', from: 2009, to: 2014 },
  },
  { name: 'search', studyId: 'demo', query: 'depression', filters: { type: 'entry', from: 2010 } },
  { name: 'search', studyId: 'demo', query: 'depression', filters: { type: 'reflection', to: 2020 } },
  { name: 'memo', studyId: 'demo', memoId: 'm_1' },
  { name: 'codebook', studyId: 'demo' },
  { name: 'code', studyId: 'demo', codeId: 'c_1' },
  { name: 'matrix', studyId: 'demo', cols: 'question' },
  { name: 'matrix', studyId: 'demo', cols: 'family' },
  { name: 'agreement', studyId: 'demo' },
  { name: 'agreement-round', studyId: 'demo', roundId: 'o-1' },
  { name: 'literature', studyId: 'demo' },
  { name: 'inventory-summary', studyId: 'demo' },
  { name: 'child', studyId: 'demo', childId: 'barn-0001' },
  { name: 'search', studyId: 'demo', query: 'våld', filters: { type: 'rating', author: 'u_3' } },
  { name: 'literature', studyId: 'en studie/2' },
  { name: 'presentation', studyId: 'demo', options: 'questions=q1%2Cq2&quotes=3&suppress=5', slide: 4 },
  { name: 'presentation-notes', studyId: 'demo', options: '', slide: 1 },
  { name: 'report', studyId: 'demo', options: 'questions=q1%2Cq2&quotes=3&suppress=5' },
  { name: 'report', studyId: 'demo', options: '' },
];

routes('every route round-trips through its hash', () => {
  for (const route of shapes) {
    const hash = hrefFor(route);
    assert.equal(parseRoute(hash), route, hash);
    assert.is(hrefFor(parseRoute(hash)), hash, 'the hash is canonical');
  }
});

routes('ids with odd characters are encoded and decoded', () => {
  const route: Route = { name: 'family', studyId: 'a b', familyId: 'f/1', tab: 'akt', target: { kind: 'entry', documentId: 'd?x', offset: 5 } };
  const hash = hrefFor(route);
  assert.is(hash, '#/studier/a%20b/familjer/f%2F1/dokument/d%3Fx/5');
  assert.equal(parseRoute(hash), route);
});

routes('the search URL has Swedish parameter names and a readable kind', () => {
  const hash = hrefFor({ name: 'search', studyId: 'demo', query: 'sömn barn', filters: { type: 'entry', family: 'familj-a', from: 2011, to: 2012 } });
  assert.is(hash, '#/studier/demo/sok?q=s%C3%B6mn+barn&typ=anteckningar&familj=familj-a&fran=2011&till=2012');
  assert.equal(parseRoute('#/studier/demo/sok?q=oro&typ=markeringar&fraga=lyckade-insatser&kod=c1&forfattare=u1'), {
    name: 'search', studyId: 'demo', query: 'oro', filters: { type: 'annotation', question: 'lyckade-insatser', code: 'c1', author: 'u1' },
  });
  assert.equal(parseRoute('#/studier/demo/sok?typ=memon&q=plan').name, 'search');
});

routes('malformed search filters are left out; the words are trimmed', () => {
  assert.equal(parseRoute('#/studier/demo/sok?q=%20oro%20&typ=allt&fran=20x1&till=99&familj='), {
    name: 'search', studyId: 'demo', query: 'oro', filters: {},
  });
  assert.equal(parseRoute('#/studier/demo/sok'), { name: 'search', studyId: 'demo', query: '', filters: {} });
});

routes('family paths that name no known place are not found', () => {
  for (const hash of [
    '#/studier/demo/familjer',
    '#/studier/demo/familjer/f/dokument/d',
    '#/studier/demo/familjer/f/dokument/d/-3',
    '#/studier/demo/familjer/f/dokument/d/12x',
    '#/studier/demo/familjer/f/dokument/d/1/2',
    '#/studier/demo/familjer/f/markeringar',
    '#/studier/demo/familjer/f/reflektioner/k/mer',
    '#/studier/demo/familjer/f/annat',
    '#/studier/demo/memon/m1/mer',
    '#/studier/demo/sok/mer',
  ]) {
    assert.is(parseRoute(hash).name, 'not-found', hash);
  }
});

routes('the researcher pages have Swedish hashes; unknown matrix tabs are not found', () => {
  assert.is(hrefFor({ name: 'codebook', studyId: 's' }), '#/studier/s/kodbok');
  assert.is(hrefFor({ name: 'code', studyId: 's', codeId: 'c 1' }), '#/studier/s/koder/c%201');
  assert.is(hrefFor({ name: 'matrix', studyId: 's', cols: 'question' }), '#/studier/s/matris');
  assert.is(hrefFor({ name: 'matrix', studyId: 's', cols: 'family' }), '#/studier/s/matris/familjer');
  for (const hash of ['#/studier/s/matris/fragor', '#/studier/s/matris/familjer/x', '#/studier/s/koder', '#/studier/s/kodbok/x']) {
    assert.is(parseRoute(hash).name, 'not-found', hash);
  }
});

routes('the agreement pages: the list and one round; deeper paths are not found', () => {
  assert.is(hrefFor({ name: 'agreement', studyId: 's' }), '#/studier/s/samstammighet');
  assert.is(hrefFor({ name: 'agreement-round', studyId: 's', roundId: 'o 1' }), '#/studier/s/samstammighet/o%201');
  assert.equal(parseRoute('#/studier/s/samstammighet/o-1'), { name: 'agreement-round', studyId: 's', roundId: 'o-1' });
  assert.is(parseRoute('#/studier/s/samstammighet/o-1/x').name, 'not-found');
});

routes('the exports page is #/studier/<id>/export; deeper paths are not found', () => {
  assert.is(hrefFor({ name: 'exports', studyId: 's 1' }), '#/studier/s%201/export');
  assert.equal(parseRoute('#/studier/s/export'), { name: 'exports', studyId: 's' });
  assert.is(parseRoute('#/studier/s/export/x').name, 'not-found');
});

routes('the inventory summary is #/studier/<id>/inventering; deeper paths are not found', () => {
  assert.is(hrefFor({ name: 'inventory-summary', studyId: 's 1' }), '#/studier/s%201/inventering');
  assert.equal(parseRoute('#/studier/s/inventering'), { name: 'inventory-summary', studyId: 's' });
  assert.is(parseRoute('#/studier/s/inventering/x').name, 'not-found');
});

routes('the investigations: a family tab, one appraisal, the study summary; deeper paths are not found', () => {
  assert.is(hrefFor({ name: 'family', studyId: 's', familyId: 'f', tab: 'utredningar' }), '#/studier/s/familjer/f/utredningar');
  assert.is(hrefFor({ name: 'family', studyId: 's', familyId: 'f', tab: 'utredningar', target: { kind: 'investigation', investigationId: 'd_1:4' } }),
    '#/studier/s/familjer/f/utredningar/d_1%3A4');
  assert.equal(parseRoute('#/studier/s/familjer/f/utredningar/d_1%3A4'),
    { name: 'family', studyId: 's', familyId: 'f', tab: 'utredningar', target: { kind: 'investigation', investigationId: 'd_1:4' } });
  assert.is(hrefFor({ name: 'investigations', studyId: 's 1' }), '#/studier/s%201/utredningar');
  assert.equal(parseRoute('#/studier/s/utredningar'), { name: 'investigations', studyId: 's' });
  for (const hash of ['#/studier/s/utredningar/x', '#/studier/s/familjer/f/utredningar/d/x']) assert.is(parseRoute(hash).name, 'not-found', hash);
});

routes("an inventory child has its own hash under 'barn'; the rating filter's slug is 'barn' too", () => {
  assert.is(hrefFor({ name: 'child', studyId: 's 1', childId: 'barn-0007' }), '#/studier/s%201/barn/barn-0007');
  assert.equal(parseRoute('#/studier/s/barn/barn%2F7'), { name: 'child', studyId: 's', childId: 'barn/7' });
  assert.is(hrefFor({ name: 'child', studyId: 's', childId: 'barn/7' }), '#/studier/s/barn/barn%2F7');
  for (const hash of ['#/studier/s/barn', '#/studier/s/barn/', '#/studier/s/barn/b/x']) assert.is(parseRoute(hash).name, 'not-found', hash);
  assert.is(hrefFor({ name: 'search', studyId: 's', query: 'BUP', filters: { type: 'rating' } }), '#/studier/s/sok?q=BUP&typ=barn');
  assert.equal(parseRoute('#/studier/s/sok?q=BUP&typ=barn'), { name: 'search', studyId: 's', query: 'BUP', filters: { type: 'rating' } });
});

routes('the literature page has a Swedish hash; deeper paths are not found', () => {
  assert.is(hrefFor({ name: 'literature', studyId: 's' }), '#/studier/s/litteratur');
  assert.equal(parseRoute('#/studier/s/litteratur'), { name: 'literature', studyId: 's' });
  assert.is(parseRoute('#/studier/s/litteratur/x').name, 'not-found');
});

routes('the report page keeps its options in the hash', () => {
  assert.is(hrefFor({ name: 'report', studyId: 's', options: '' }), '#/studier/s/rapport');
  assert.equal(parseRoute('#/studier/s/rapport?quotes=2&suppress=0'), { name: 'report', studyId: 's', options: 'quotes=2&suppress=0' });
  assert.is(parseRoute('#/studier/s/rapport/x').name, 'not-found');
});

routes('the presentation keeps the report options and the slide number in its hash', () => {
  assert.is(hrefFor({ name: 'presentation', studyId: 'demo', options: 'quotes=3', slide: 3 }), '#/studier/demo/presentation?quotes=3&bild=3');
  assert.is(hrefFor({ name: 'presentation-notes', studyId: 'demo', options: '', slide: 2 }), '#/studier/demo/presentation/anteckningar?bild=2');
  assert.equal(parseRoute('#/studier/demo/presentation?bild=7&quotes=2'), { name: 'presentation', studyId: 'demo', options: 'quotes=2', slide: 7 });
  assert.equal(parseRoute('#/studier/demo/presentation'), { name: 'presentation', studyId: 'demo', options: '', slide: 1 });
  for (const bad of ['0', '-2', 'tre', '']) assert.is((parseRoute(`#/studier/demo/presentation?bild=${bad}`) as { slide: number }).slide, 1, bad);
  assert.is(parseRoute('#/studier/demo/presentation/annat').name, 'not-found');
});

routes('the pages that existed before keep their hashes', () => {
  assert.is(hrefFor({ name: 'family', studyId: 's', familyId: 'f', tab: 'akt' }), '#/studier/s/familjer/f');
  assert.is(hrefFor({ name: 'family', studyId: 's', familyId: 'f', tab: 'reflektioner' }), '#/studier/s/familjer/f/reflektioner');
  assert.equal(parseRoute('#/studier/s/familjer/f/reflektioner'), { name: 'family', studyId: 's', familyId: 'f', tab: 'reflektioner' });
  assert.equal(parseRoute('#studier/s'), { name: 'study', studyId: 's' });
});

routes.run();
