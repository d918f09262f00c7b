// The search index ranked as MiniSearch#search ranks (the index itself: term-index.ts). MiniSearch's
// search() builds a result object with match details for every document of every term — on a 44 MB
// study ~50 ms for two common words. Here the same BM25+ scores are computed with the rarest term
// first and later terms only looked up for documents still in the running (AND), scores kept in typed
// arrays, each field's length factor precomputed, and only the best `offset + limit` hits kept in a
// heap while every match is counted: ~1 ms for the same two words.
//
// tests/unit/search-ranking.test.ts indexes the same documents in a MiniSearch and checks the same
// hits, in the same order, with the same scores.
import type { SearchOptions } from 'minisearch';
import { BM25, Scratch } from './ranking-scratch.ts';
import { stemTerm, tokenise } from './swedish-terms.ts';
import { FIELDS, TermIndex, type RankedDocument } from './term-index.ts';
import { fuzzyFor, MAX_FUZZY, prefixFor } from './term-expansion.ts';

export { FIELDS, type RankedDocument };

/** The fields' boosts; the title counts double. */
const TITLE_BOOST = 2;
const BOOSTS = [TITLE_BOOST, 1];
/** Filters whose verdicts are remembered (a user's filter settings; one byte per document each). */
const MAX_FILTERS = 16;

/** The MiniSearch that indexes as this index does: what the ranking is compared against in the tests. */
export const MINISEARCH_INDEXING = { fields: [...FIELDS], storeFields: [], tokenize: tokenise, processTerm: (word: string) => stemTerm(word) };

/** The same search as MiniSearch#search options. */
export const MINISEARCH_OPTIONS: SearchOptions = {
  combineWith: 'AND',
  prefix: prefixFor,
  fuzzy: fuzzyFor,
  maxFuzzy: MAX_FUZZY,
  boost: { title: TITLE_BOOST },
};

export interface RankOptions<T> {
  /** Documents to leave out (applied before counting and paging; does not change scores). */
  filter?: (doc: T) => boolean;
  /**
   * Names the filter, for remembering its verdicts across searches: the same key must mean the same
   * filter (documents are never changed under their id, so a verdict stays true).
   */
  filterKey?: string;
  offset?: number;
  limit?: number;
  /**
   * Also find compounds by their head and "-an" nouns by their "-ning" forms (see swedish-terms.ts).
   * Not something MiniSearch#search does; off only where the ranking is compared with it.
   */
  swedish?: boolean;
}

export interface Ranked<T> {
  hits: { doc: T; score: number }[];
  /** Every match. */
  total: number;
  /** The indexed terms the query matched (its stems, their prefix, fuzzy and compound expansions). */
  terms: Set<string>;
}

export class RankedIndex<T extends RankedDocument> extends TermIndex<T> {
  /** Per field and short id: k·(1 − b + b·length/average), BM25's length normalisation. */
  #factors: Float64Array[] = FIELDS.map(() => new Float64Array(0));
  /** The BM25+ term part for a word found once, d + (k + 1)/(1 + factor): most words are, and it saves a division. */
  #once: Float64Array[] = FIELDS.map(() => new Float64Array(0));
  #factorsFor = -1;
  /** Per filter (by the caller's key): 1 = the document passes, 2 = it does not, 0 = not asked yet. */
  #verdicts = new Map<string, Uint8Array>();
  #scratch = new Scratch();

  protected override resized(): void {
    this.#factors = this.#factors.map(() => new Float64Array(this.capacity));
    this.#once = this.#once.map(() => new Float64Array(this.capacity));
    this.#factorsFor = -1;
    this.#scratch.grow(this.capacity);
  }

  protected override forgotten(short: number): void {
    for (const verdicts of this.#verdicts.values()) verdicts[short] = 2;
  }

  protected override renumbered(): void {
    this.#verdicts.clear();
  }

  /** The verdicts of the filter with this key; documents never change under one short id, so they stay valid. */
  #verdictsFor(key: string): Uint8Array {
    let verdicts = this.#verdicts.get(key);
    const capacity = this.capacity;
    if (!verdicts || verdicts.length < capacity) {
      if (this.#verdicts.size >= MAX_FILTERS) this.#verdicts.clear();
      const grown = new Uint8Array(capacity);
      if (verdicts) grown.set(verdicts);
      this.#verdicts.set(key, (verdicts = grown));
    }
    return verdicts;
  }

  /** BM25's length normalisation per document and field, computed as minisearch does, once per index version. */
  #refreshFactors(): void {
    if (this.#factorsFor === this.version) return;
    const { k, b, d } = BM25;
    for (let f = 0; f < FIELDS.length; f++) {
      const avg = this.average[f]!;
      const lengths = this.lengths[f]!;
      const factors = this.#factors[f]!;
      const once = this.#once[f]!;
      for (let doc = 0; doc < this.docs.length; doc++) {
        factors[doc] = k * (1 - b + b * lengths[doc]! / avg);
        // Written as the scoring loops write it for any term frequency, with 1 for it: the same bits.
        const tf = 1;
        once[doc] = d + tf * (k + 1) / (tf + factors[doc]!);
      }
    }
    this.#factorsFor = this.version;
  }

  /** Documents that match every word of `query`, best first, as MiniSearch#search would rank them. */
  search(query: string, options: RankOptions<T> = {}): Ranked<T> {
    const words = tokenise(query).map((w) => stemTerm(w)).filter(Boolean);
    const matched = new Set<string>();
    const none: Ranked<T> = { hits: [], total: 0, terms: matched };
    if (!words.length) return none;
    // A repeated word counts once more in the score (as in minisearch) but is looked up once.
    const terms = [...new Set(words)];
    const expansions = terms.map((t) => this.expand(t, options.swedish ?? true));
    const cost = expansions.map((list) => {
      let sum = 0;
      for (const e of list) {
        this.clean(e.postings);
        for (const postings of e.postings) sum += postings?.size ?? 0;
      }
      return sum;
    });
    if (cost.some((c) => c === 0)) return none;
    for (const list of expansions) for (const e of list) matched.add(e.term);
    this.#refreshFactors();

    const scratch = this.#scratch;
    const steps = [...terms.keys()].sort((a, b) => cost[a]! - cost[b]!);
    const last = terms.indexOf(words[words.length - 1]!);
    scratch.begin(terms.length, Math.min(cost[steps[0]!]!, this.docs.length));
    scratch.records = this.docs;
    scratch.filter = options.filter as ((doc: never) => boolean) | undefined;
    scratch.verdicts = options.filter && options.filterKey !== undefined ? this.#verdictsFor(options.filterKey) : undefined;
    const total = this.count;
    try {
      for (const [step, q] of steps.entries()) {
        const left = scratch.left;
        scratch.left = 0;
        for (const [e, { postings, weight }] of expansions[q]!.entries()) {
          // Fields in minisearch's order (title, text), whatever order the term met them in.
          for (let field = 0; field < FIELDS.length; field++) {
            const list = postings[field];
            if (!list?.size) continue;
            const df = list.size;
            const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
            const w = weight * BOOSTS[field]!;
            const factors = this.#factors[field]!;
            const once = this.#once[field]!;
            // For ties, minisearch's order: its AND keeps the order in which the last query word's
            // matches were first met (expansion by expansion, field by field, documents as added).
            const seenAs = e * FIELDS.length + field;
            if (step === 0) scratch.collect(list, factors, once, w, idf, q, seenAs);
            else if (df > 16 * left) scratch.probe(list, factors, once, w, idf, q, seenAs, step, q === last);
            else scratch.accumulate(list, factors, once, w, idf, q, seenAs, step, q === last);
          }
        }
        if (!scratch.left) return none;
      }
      // Every match counted; only the best `offset + limit` ranked.
      const offset = options.offset ?? 0;
      const ranked = scratch.top(words.map((w) => terms.indexOf(w)), offset + (options.limit ?? 50), steps.length - 1);
      const hits = ranked.slice(offset).map(([slot, score]) => ({ doc: this.docs[scratch.candidates[slot]!]!, score }));
      return { hits, total: scratch.left, terms: matched };
    } finally {
      scratch.finish();
    }
  }
}
