// The search's own index (server/search/ranked-index.ts: minisearch's term tree over compact posting
// lists) must rank exactly as a MiniSearch holding the same documents ranks with MiniSearch#search():
// same hits, same order (ties included), same scores, on a varied corpus, before and after documents
// are discarded and indexed again. An upgrade of minisearch that changes its ranking fails here.
import MiniSearch from 'minisearch';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { MINISEARCH_INDEXING, MINISEARCH_OPTIONS, RankedIndex, type RankedDocument } from '../../server/search/ranked-index.ts';
import { mulberry32 } from '../../server/domain/seeded-random.ts';

interface Doc extends RankedDocument {
  n: number;
}

/** A seeded generator, so a run can be replayed. */
const random = mulberry32;

// Inflections, shared prefixes, near-typos, compounds, hyphens, digits and very common words.
const WORDS = (
  'och i på att som en det är med för hade inte var till ' +
  'mamma mamman mammas pappa pappan skola skolan skolor skolans förskolan anmälan anmälningar anmälningen ' +
  'orosanmälan orosanmälningar kontakt kontaktfamilj kontaktfamiljen kontaktperson hembesök hembesöket ' +
  'utredning utredningen utreda utredde frånvaro frånvaron samtal samtalet telefonsamtal placering placerades ' +
  'familjehem familjehemmet oro orolig barnet barnen föräldrar föräldrarna 12-åring 12-åringen 2014'
).split(' ');

function corpus(seed: number, count: number, prefix: string): Doc[] {
  const rnd = random(seed);
  // Skewed: the first words are common, the last ones rare.
  const pick = () => WORDS[Math.floor(rnd() ** 3 * WORDS.length)]!;
  const text = (words: number) => Array.from({ length: words }, pick).join(' ');
  const docs: Doc[] = [];
  for (let n = 0; n < count; n++) {
    // Every seventh document repeats an earlier one exactly: equal scores, so the order of ties shows.
    const twin = n % 7 === 6 ? docs[n - 3] : undefined;
    docs.push({
      id: `${prefix}${n}`,
      n,
      // Some titles are empty, some share words with the text, some are the only place a word is.
      title: twin?.title ?? (n % 5 === 0 ? '' : text(1 + Math.floor(rnd() * 4))),
      text: twin?.text ?? text(3 + Math.floor(rnd() * 30)),
    });
  }
  return docs;
}

const QUERIES = [
  'mamma', 'skolan', 'kontaktfamilj', 'kontaktfamlij', 'kontakt', 'konta', 'anmälningar', 'orosanmälan',
  'hembesöket', 'utredn', 'frånvaro', 'samtal', 'oro', 'i', 'och', '12-åring', '2014',
  'mamma skolan', 'skolan mamma', 'kontakt familjehem', 'oro frånvaro samtal', 'mamma mamma', 'utredning utreda',
  'placering föräldrar barnen', 'finnsinte', 'mamma finnsinte', 'Föräldrarna SKOLAN',
];

/** The index under test, and a MiniSearch given the same documents in the same order. */
class Twin extends RankedIndex<Doc> {
  // Vacuumed when the index under test is, not on its own (auto-vacuum runs by a timer of its own).
  miniSearch = new MiniSearch<Doc>({ ...MINISEARCH_INDEXING, autoVacuum: false });

  override add(docs: readonly Doc[]): void {
    super.add(docs);
    this.miniSearch.addAll(docs);
  }

  override discard(ids: readonly string[]): void {
    super.discard(ids);
    this.miniSearch.discardAll(ids);
  }

  override async vacuum(): Promise<void> {
    await super.vacuum();
    await this.miniSearch.vacuum();
  }
}

function compare(index: Twin, label: string) {
  for (const q of QUERIES) {
    const ours = index.search(q, { swedish: false, limit: 100_000 });
    const theirs = index.miniSearch.search(q, MINISEARCH_OPTIONS);
    assert.is(ours.total, theirs.length, `${label}: "${q}" counts the same matches`);
    assert.equal(ours.hits.map((h) => h.doc.id), theirs.map((r) => r.id), `${label}: "${q}" ranks the same hits in the same order`);
    assert.equal(ours.hits.map((h) => h.score), theirs.map((r) => r.score), `${label}: "${q}" scores exactly the same`);
  }
}

const ranking = suite('Search ranking: the same as minisearch 7.2.0');

ranking('a varied corpus ranks as MiniSearch#search ranks it, ties included', () => {
  const index = new Twin();
  index.add(corpus(1, 600, 'd'));
  const spread = QUERIES.map((q) => index.search(q, { swedish: false }).total);
  assert.ok(spread.filter((t) => t > 150).length >= 5 && spread.filter((t) => t > 0 && t < 100).length >= 3, `common and rare queries both: ${spread}`);
  compare(index, 'fresh');
});

ranking('after documents are discarded and vacuumed, indexed again under new ids, and more are added', async () => {
  const index = new Twin();
  const first = corpus(2, 500, 'a');
  index.add(first);
  compare(index, 'before');
  // As a family is indexed again after an edit: its old records discarded, the new ones added.
  index.discard(first.filter((d) => d.n % 3 === 0).map((d) => d.id));
  assert.ok(index.dirty, 'a third discarded: a vacuum pays');
  await index.vacuum();
  assert.not.ok(index.dirty);
  index.add(corpus(3, 150, 'b'));
  compare(index, 'after a discard');
  index.discard(first.filter((d) => d.n % 3 === 1).map((d) => d.id));
  await index.vacuum();
  compare(index, 'after a second discard, with nothing added');
  index.add(corpus(4, 80, 'c'));
  compare(index, 'after adding again');
  assert.ok(index.has('a2') && !index.has('a1') && index.has('c79'));
});

ranking('between a discard and a vacuum, searches already leave the discarded documents out and count exactly', async () => {
  const index = new Twin();
  const docs = corpus(7, 400, 'a');
  index.add(docs);
  index.add(corpus(8, 100, 'b'));
  index.discard(docs.filter((d) => d.n % 4 === 1).map((d) => d.id));
  const before = QUERIES.map((q) => index.search(q, { swedish: false, limit: 100_000 }));
  assert.ok(before.every((r) => r.hits.every((h) => h.doc.n % 4 !== 1 || h.doc.id.startsWith('b'))), 'no discarded document found');
  await index.vacuum();
  compare(index, 'vacuumed');
  const after = QUERIES.map((q) => index.search(q, { swedish: false, limit: 100_000 }));
  for (const [i, q] of QUERIES.entries()) {
    assert.is(before[i]!.total, after[i]!.total, `"${q}": the same count`);
    assert.equal(before[i]!.hits.map((h) => [h.doc.id, h.score]), after[i]!.hits.map((h) => [h.doc.id, h.score]), `"${q}": the same ranking`);
  }
});

ranking('equal scores keep the order minisearch gives them: by the expansion that found them first', () => {
  const index = new Twin();
  // x0 and x3 score the same through different prefix expansions of "kontakt" (as do x1 and x2); the
  // term tree lists "kontaktbb" first, so minisearch ranks x3 before x0, which was added earlier.
  index.add([
    { id: 'x0', n: 0, title: '', text: 'kontaktcc beta gamma' },
    { id: 'x1', n: 1, title: '', text: 'alfa kontaktbb' },
    { id: 'x2', n: 2, title: '', text: 'alfa kontaktcc' },
    { id: 'x3', n: 3, title: '', text: 'kontaktbb beta gamma' },
    // A word met in the text before it is met in a title: the title is still scored first.
    { id: 'y0', n: 4, title: '', text: 'delta alfa' },
    { id: 'y1', n: 5, title: 'delta', text: 'epsilon' },
  ]);
  const theirs = index.miniSearch.search('kontakt', MINISEARCH_OPTIONS).map((r) => r.id);
  assert.equal(theirs, ['x1', 'x2', 'x3', 'x0']);
  assert.equal(index.search('kontakt', { swedish: false }).hits.map((h) => h.doc.id), theirs);
  assert.equal(index.search('kontakt alfa', { swedish: false }).hits.map((h) => h.doc.id), index.miniSearch.search('kontakt alfa', MINISEARCH_OPTIONS).map((r) => r.id));
  compare(index, 'constructed ties');
  assert.equal(index.search('delta', { swedish: false }).hits.map((h) => h.score), index.miniSearch.search('delta', MINISEARCH_OPTIONS).map((r) => r.score));
});

ranking('paging gives slices of the whole ranking, and a filter leaves out documents without changing the others', () => {
  const index = new Twin();
  index.add(corpus(5, 400, 'd'));
  for (const q of ['mamma', 'skolan mamma', 'oro']) {
    const all = index.search(q, { swedish: false, limit: 100_000 });
    for (const [offset, limit] of [[0, 1], [0, 7], [3, 5], [40, 50], [all.total - 2, 10], [all.total + 5, 10]] as const) {
      const page = index.search(q, { swedish: false, offset, limit });
      assert.is(page.total, all.total);
      assert.equal(page.hits.map((h) => h.doc.id), all.hits.slice(offset, offset + limit).map((h) => h.doc.id), `"${q}" ${offset}+${limit}`);
    }
    const even = (d: Doc) => d.n % 2 === 0;
    const filtered = index.search(q, { swedish: false, filter: even, filterKey: 'even', limit: 100_000 });
    const theirs = index.miniSearch.search(q, { ...MINISEARCH_OPTIONS, filter: (r) => Number(String(r.id).slice(1)) % 2 === 0 });
    assert.equal(filtered.hits.map((h) => h.doc.id), theirs.map((r) => r.id));
    assert.equal(filtered.hits.map((h) => h.doc.id), all.hits.filter((h) => even(h.doc)).map((h) => h.doc.id));
    assert.equal(index.search(q, { swedish: false, filter: even, filterKey: 'even', limit: 100_000 }).hits, filtered.hits, 'remembered verdicts agree');
  }
  // Documents added after a filter's verdicts were remembered are judged when they are first met.
  index.add(corpus(6, 50, 'e').map((d) => ({ ...d, n: d.n + 1000 })));
  const after = index.search('mamma', { swedish: false, filter: (d) => d.n % 2 === 0, filterKey: 'even', limit: 100_000 });
  const theirs = index.miniSearch.search('mamma', { ...MINISEARCH_OPTIONS, filter: (r) => Number(String(r.id).slice(1)) % 2 === 0 });
  assert.equal(after.hits.map((h) => h.doc.id), theirs.map((r) => r.id));
  assert.ok(after.hits.some((h) => h.doc.id.startsWith('e')));
});

ranking('the Swedish extras only add hits: compounds by their head, "-an" nouns by their "-ning" forms', () => {
  const index = new Twin();
  index.add([
    { id: '1', n: 1, title: '', text: 'Två nya orosanmälningar kom in.' },
    { id: '2', n: 2, title: '', text: 'Anmälan kom från skolan.' },
    { id: '3', n: 3, title: '', text: 'Anmälningen gällde frånvaro.' },
    { id: '4', n: 4, title: '', text: 'Ett återbesök bokades.' },
    { id: '5', n: 5, title: '', text: 'Ett telefonsamtal med mamman.' },
  ]);
  const ids = (q: string, swedish = true) => index.search(q, { swedish }).hits.map((h) => h.doc.id).sort();
  assert.equal(ids('anmälningar', false), ['3']);
  assert.equal(ids('anmälningar'), ['1', '2', '3'], 'the compound and the "-an" form too');
  assert.equal(ids('anmälan'), ['2', '3'], 'the "-ning" forms through the prefix');
  assert.equal(ids('samtal'), ['5'], 'a compound by its head');
  assert.equal(ids('besök'), ['4']);
  const exact = index.search('anmälningar').hits;
  assert.is(exact[0]!.doc.id, '3', 'the word itself ranks above its compounds and variants');
  assert.ok(index.search('anmälningar').terms.has('orosanmälning'));
});

ranking.run();
