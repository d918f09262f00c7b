// What a query term stands for among the indexed terms: itself, its prefix and fuzzy matches with
// minisearch's weights, and the Swedish extras (compounds by their head, "-ning" forms of "-an" nouns).
import type { FieldPostings } from './posting-list.ts';
import { COMPOUND_HEAD, COMPOUND_MODIFIER, ningRoot } from './swedish-terms.ts';

/** The index's terms: minisearch's SearchableMap (a radix tree), read through the calls used here. */
export interface TermTree {
  get(term: string): FieldPostings | undefined;
  atPrefix(prefix: string): Iterable<[string, FieldPostings]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [FieldPostings, number]>;
}

// minisearch's defaults, spelled out because the scores must be computed exactly as it does.
export const PREFIX_WEIGHT = 0.375;
export const FUZZY_WEIGHT = 0.45;

/**
 * Prefix and fuzzy matching only for longer terms: on short ones they match half the language. At
 * most two edits: a third (round(0.2 × 13 letters)) made the fuzzy walk of the term tree the slowest
 * part of a search, and finds other words more often than typos.
 */
export const prefixFor = (term: string): boolean => term.length >= 4;
export const fuzzyFor = (term: string): number | false => (term.length >= 6 ? 0.2 : false);
export const MAX_FUZZY = 2;

/** One indexed term a query term stands for, with the weight minisearch gives that kind of match. */
export interface Expansion {
  term: string;
  postings: FieldPostings;
  weight: number;
}

/** The indexed terms a query term stands for, in the order MiniSearch#search scores them, then the Swedish extras. */
export function expandTerm(tree: TermTree, byEnding: ReadonlyMap<string, readonly string[]>, term: string, swedish: boolean): Expansion[] {
  const out: Expansion[] = [];
  const exact = tree.get(term);
  if (exact) out.push({ term, postings: exact, weight: 1 });
  const fraction = fuzzyFor(term);
  const distance = fraction === false ? 0 : Math.min(MAX_FUZZY, Math.round(term.length * fraction));
  const fuzzy = distance ? tree.fuzzyGet(term, distance) : undefined;
  if (prefixFor(term)) {
    for (const [t, postings] of tree.atPrefix(term)) {
      const d = t.length - term.length;
      if (!d) continue;
      fuzzy?.delete(t);
      out.push({ term: t, postings, weight: PREFIX_WEIGHT * t.length / (t.length + 0.3 * d) });
    }
  }
  if (fuzzy) {
    for (const [t, [postings, d]] of fuzzy) {
      if (d) out.push({ term: t, postings, weight: FUZZY_WEIGHT * t.length / (t.length + d) });
    }
  }
  if (swedish) {
    const seen = new Set(out.map((e) => e.term));
    const add = (t: string, extra: number) => {
      const postings = seen.has(t) ? undefined : tree.get(t);
      if (!postings) return;
      seen.add(t);
      out.push({ term: t, postings, weight: PREFIX_WEIGHT * t.length / (t.length + 0.3 * extra) });
    };
    const root = ningRoot(term);
    if (root) add(root, 4);
    for (const head of root ? [term, root] : [term]) {
      if (head.length < COMPOUND_HEAD) continue;
      for (const t of byEnding.get(head.slice(-COMPOUND_HEAD)) ?? []) {
        if (t.length - head.length >= COMPOUND_MODIFIER && t.endsWith(head)) add(t, t.length - head.length);
      }
    }
  }
  return out;
}
