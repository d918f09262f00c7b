// FuzzyTerms must answer exactly as minisearch's SearchableMap#fuzzyGet on the same tree: the same
// terms, distances and order (the order decides how a search adds up scores and breaks ties). The
// trees are built with a history — insertions that split edges, deletions, terms added again — since
// the tree's order depends on it.
import SearchableMap from 'minisearch/SearchableMap';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mulberry32 } from '../../server/domain/seeded-random.ts';
import { editDistance, FuzzyTerms } from '../../server/search/fuzzy-terms.ts';

const test = suite('fuzzy terms');

// Few letters, so that words share prefixes and pairs (many splits in the tree, many candidates).
const LETTERS = 'aeioråäöklmnst';
const STEMS = ['skol', 'förskol', 'mamm', 'hembesök', 'utredning', 'kontaktfamilj', 'frånvaro', 'samtal', 'placering', 'oro'];

function word(rnd: () => number): string {
  if (rnd() < 0.3) return STEMS[Math.floor(rnd() * STEMS.length)]! + (rnd() < 0.5 ? '' : LETTERS[Math.floor(rnd() * LETTERS.length)]);
  const length = 2 + Math.floor(rnd() * 12);
  return Array.from({ length }, () => LETTERS[Math.floor(rnd() * LETTERS.length)]).join('');
}

/** `w` with up to `edits` random insertions, deletions and substitutions. */
function typo(rnd: () => number, w: string, edits: number): string {
  let out = w;
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rnd() * (out.length + 1));
    const letter = LETTERS[Math.floor(rnd() * LETTERS.length)]!;
    const kind = Math.floor(rnd() * 3);
    out = kind === 0 ? out.slice(0, at) + letter + out.slice(at) : kind === 1 ? out.slice(0, at) + out.slice(at + 1) : out.slice(0, at) + letter + out.slice(at + 1);
  }
  return out;
}

function build(seed: number) {
  const rnd = mulberry32(seed);
  const tree = new SearchableMap<number>();
  const fuzzy = new FuzzyTerms();
  const known = new Set<string>();
  const words: string[] = [];
  const put = (w: string) => {
    tree.set(w, words.length);
    if (!known.has(w)) fuzzy.add(w);
    known.add(w);
    words.push(w);
  };
  for (let i = 0; i < 3000; i++) put(word(rnd));
  // Some leave the tree (as a vacuum removes terms left without documents), some of them come back.
  for (let i = 0; i < 600; i++) tree.delete(words[Math.floor(rnd() * words.length)]!);
  for (let i = 0; i < 200; i++) put(words[Math.floor(rnd() * words.length)]!);
  return { rnd, tree, fuzzy, words };
}

test('the same terms, distances and order as SearchableMap#fuzzyGet', () => {
  let compared = 0;
  let found = 0;
  for (const seed of [1, 2, 3]) {
    const { rnd, tree, fuzzy, words } = build(seed);
    for (let i = 0; i < 400; i++) {
      const query = rnd() < 0.8 ? typo(rnd, words[Math.floor(rnd() * words.length)]!, Math.floor(rnd() * 4)) : word(rnd);
      for (const distance of [1, 2, 3]) {
        const expected = [...tree.fuzzyGet(query, distance)];
        assert.equal([...fuzzy.get(tree, query, distance)], expected, `${query} within ${distance}`);
        compared++;
        found += expected.length;
      }
    }
  }
  // The comparison must have met real answers, several terms at a time.
  assert.ok(compared === 3600 && found > 3600, `${found} terms found in ${compared} look-ups`);
});

test('short queries, where letter pairs rule nothing out, get the tree walk\'s answer too', () => {
  const { tree, fuzzy } = build(4);
  for (const query of ['a', 'sk', 'oro', 'mamm', 'skola']) {
    for (const distance of [1, 2]) assert.equal([...fuzzy.get(tree, query, distance)], [...tree.fuzzyGet(query, distance)]);
  }
});

test('editDistance counts insertions, deletions and substitutions, up to a bound', () => {
  assert.is(editDistance('kitten', 'sitting', 3), 3);
  assert.is(editDistance('kitten', 'sitting', 2), 3); // over the bound: bound + 1
  assert.is(editDistance('hembesök', 'hembesök', 2), 0);
  assert.is(editDistance('hembesök', 'hembsök', 2), 1);
  assert.is(editDistance('skolan', 'skloan', 2), 2); // a swap is two edits
  assert.is(editDistance('', 'abc', 5), 3);
  assert.is(editDistance('abc', '', 1), 2);
});

test.run();
