// Fuzzy look-up of the index's terms with the answer of SearchableMap#fuzzyGet — the same terms, the
// same distances, in the same order — without its walk of the whole term tree. That walk fills a row
// of the edit-distance matrix for every tree node within reach; with two edits allowed nearly every
// node of the first letters is within reach, and the walk took about a millisecond of each new query
// word on the bench study (repeated words are remembered; new ones are what a user types).
//
// Here candidates come from the words' letter pairs instead: a word within k edits of an n-letter
// query shares at least n − 1 − 2k of the query's n − 1 pairs (an edit breaks at most two), so only
// words with that many of them, and a length within k, have their distance computed. The few that
// pass are then put in the tree's own order by following their paths through it.
import type SearchableMap from 'minisearch/SearchableMap';

/** A radix tree node as minisearch keeps it: edges by label, the term's value under the empty label. */
type Node<T> = Map<string, T | Node<T>>;
const LEAF = '';
/** Longer words than this are left to the tree walk (the pair counts are kept in 16 bits). */
const MAX_QUERY = 1000;

export class FuzzyTerms {
  /** Every term ever added, by id (a term that leaves the tree stays here; the tree says what is indexed now). */
  #terms: string[] = [];
  /** Per letter pair (two UTF-16 code units in one number): the ids of the terms that contain it. */
  #byPair = new Map<number, number[]>();
  #counts = new Uint16Array(0);

  /** Adds a term (once: the caller adds each term only the first time it is met). */
  add(term: string): void {
    const id = this.#terms.length;
    this.#terms.push(term);
    const seen = new Set<number>();
    for (let i = 0; i + 1 < term.length; i++) {
      const pair = pairAt(term, i);
      if (seen.has(pair)) continue;
      seen.add(pair);
      const ids = this.#byPair.get(pair);
      if (ids) ids.push(id);
      else this.#byPair.set(pair, [id]);
    }
  }

  /** What `tree.fuzzyGet(query, distance)` answers: terms within `distance` edits, their values and distances, in tree order. */
  get<T>(tree: SearchableMap<T>, query: string, distance: number): Map<string, [T, number]> {
    const need = query.length - 1 - 2 * distance;
    // Too short for the pairs to rule anything out, or too long for the counts: the tree's own walk.
    if (need < 1 || query.length > MAX_QUERY) return tree.fuzzyGet(query, distance);
    const within = new Map<string, number>();
    for (const id of this.#candidates(query, need)) {
      const term = this.#terms[id]!;
      if (Math.abs(term.length - query.length) > distance) continue;
      const d = editDistance(query, term, distance);
      if (d <= distance) within.set(term, d);
    }
    const out = new Map<string, [T, number]>();
    if (within.size) inTreeOrder(tree._tree as Node<T>, '', within, prefixesOf(within.keys()), out);
    return out;
  }

  /** Ids of the terms that contain at least `need` of the query's letter pairs (counted by position). */
  #candidates(query: string, need: number): number[] {
    if (this.#counts.length < this.#terms.length) this.#counts = new Uint16Array(Math.max(this.#terms.length, this.#counts.length * 2));
    const counts = this.#counts;
    const touched: number[] = [];
    for (let i = 0; i + 1 < query.length; i++) {
      for (const id of this.#byPair.get(pairAt(query, i)) ?? []) {
        const count = counts[id]!;
        counts[id] = count + 1;
        if (count === 0) touched.push(id);
      }
    }
    const out: number[] = [];
    for (const id of touched) {
      if (counts[id]! >= need) out.push(id);
      counts[id] = 0;
    }
    return out;
  }
}

const pairAt = (s: string, i: number): number => s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1);

/** Every prefix of every term (the empty one too): the paths through the tree that lead to them. */
function prefixesOf(terms: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const t of terms) for (let i = 0; i <= t.length; i++) out.add(t.slice(0, i));
  return out;
}

/** Puts the wanted terms that the tree holds into `out`, in the order the tree's own walks meet them. */
function inTreeOrder<T>(node: Node<T>, prefix: string, wanted: ReadonlyMap<string, number>, paths: ReadonlySet<string>, out: Map<string, [T, number]>): void {
  for (const [label, child] of node) {
    if (label === LEAF) {
      const d = wanted.get(prefix);
      if (d !== undefined) out.set(prefix, [child as T, d]);
    } else if (paths.has(prefix + label)) {
      inTreeOrder(child as Node<T>, prefix + label, wanted, paths, out);
    }
  }
}

/** The Levenshtein distance of `a` and `b` (insertions, deletions, substitutions) if at most `max`; else max + 1. */
export function editDistance(a: string, b: string, max: number): number {
  const n = b.length;
  let prev = new Int32Array(n + 1);
  let row = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    const c = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const d = Math.min(prev[j - 1]! + (c === b.charCodeAt(j - 1) ? 0 : 1), prev[j]! + 1, row[j - 1]! + 1);
      row[j] = d;
      if (d < best) best = d;
    }
    if (best > max) return max + 1;
    [prev, row] = [row, prev];
  }
  return Math.min(prev[n]!, max + 1);
}
