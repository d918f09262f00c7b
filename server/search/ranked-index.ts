// The search index: minisearch's term tree (SearchableMap: a radix tree with prefix and fuzzy
// look-up) over compact posting lists, ranked as MiniSearch#search ranks. MiniSearch itself kept each
// term's postings as Maps (about 40 bytes a posting: 2.7 GB at ten times the bench study) and its
// search() builds a result object with match details for every document of every term — on a 44 MB
// study ~50 ms for two common words. Here the same BM25+ scores are computed with the rarest term
// first and later terms only looked up for documents still in the running (AND), scores kept in typed
// arrays, each field's length factor precomputed, and only the best `offset + limit` hits kept in a
// heap while every match is counted: ~1 ms for the same two words.
//
// Documents are tokenised, counted and averaged exactly as MiniSearch#add and #discard do (minisearch
// 7.2.0, pinned in package.json); tests/unit/search-ranking.test.ts indexes the same documents in a
// MiniSearch and checks the same hits, in the same order, with the same scores.
import type { SearchOptions } from 'minisearch';
import SearchableMap from 'minisearch/SearchableMap';
import { PostingList, type FieldPostings } from './posting-list.ts';
import { BM25, Scratch } from './ranking-scratch.ts';
import { COMPOUND_HEAD, COMPOUND_MODIFIER, stemTerm, tokenise } from './swedish-terms.ts';
import { Lru } from '../store/lru.ts';
import { expandTerm, fuzzyFor, MAX_FUZZY, prefixFor, type Expansion } from './term-expansion.ts';

export interface RankedDocument {
  id: string;
  title: string;
  text: string;
}

/** The fields searched and their boosts; the title counts double. */
export const FIELDS = ['title', 'text'] as const;
const TITLE_BOOST = 2;
const BOOSTS = [TITLE_BOOST, 1];
/** Filters whose verdicts are remembered (a user's filter settings; one byte per document each). */
const MAX_FILTERS = 16;
/** Terms gone through (see prepare and vacuum) between yields to the event loop. */
const TERM_SLICE = 20_000;
/** When a vacuum pays, as minisearch's auto-vacuum: at least this many documents discarded, and this share of them. */
const VACUUM_MIN = 20;
const VACUUM_SHARE = 0.1;
const COMMON_TERMS = 8;
/** Query terms whose expansions are remembered: the fuzzy walk of the term tree is a tenth of a search. */
const EXPANSIONS_KEPT = 256;

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


export class RankedIndex<T extends RankedDocument> {
  #tree = new SearchableMap<FieldPostings>();
  /** The same terms by exact look-up: indexing looks up every distinct word of every document, a hash beats walking the tree. */
  #terms = new Map<string, FieldPostings>();
  /** Records by short id (undefined once discarded); short ids are never reused. */
  #docs: (T | undefined)[] = [];
  #shortIds = new Map<string, number>();
  #count = 0;
  /** Per field: the running average of its length, computed as minisearch computes it (same rounding). */
  #average: number[] = FIELDS.map(() => 0);
  /** Per field: the document's number of distinct words, and k·(1 − b + b·length/average) from it. */
  #lengths: Float64Array[] = FIELDS.map(() => new Float64Array(0));
  #factors: Float64Array[] = FIELDS.map(() => new Float64Array(0));
  /** The BM25+ term part for a word found once, d + (k + 1)/(1 + factor): most words are, and it saves a division. */
  #once: Float64Array[] = FIELDS.map(() => new Float64Array(0));
  #factorsFor = -1;
  /** Bumped by every add and discard: length factors and cleaned postings are only valid within one. */
  #version = 0;
  /** Versions with discards since which each posting list was cleaned of discarded documents. */
  #cleaned = new WeakMap<PostingList, number>();
  #discardedAt = 0;
  /** Documents discarded since the last vacuum. */
  #dirt = 0;
  /** Stems of every added document, grouped by their last COMPOUND_HEAD letters, to find compounds by their head. */
  #vocabulary = new Set<string>();
  #byEnding = new Map<string, string[]>();
  /** Per filter (by the caller's key): 1 = the document passes, 2 = it does not, 0 = not asked yet. */
  #verdicts = new Map<string, Uint8Array>();

  #scratch = new Scratch();
  #common: string[] = [];
  /** By query term (and whether with the Swedish extras); valid while no term enters or leaves the tree. */
  #expansions = new Lru<string, Expansion[]>(EXPANSIONS_KEPT);
  #termsChanged = false;

  get size(): number {
    return this.#count;
  }

  has(id: string): boolean {
    return this.#shortIds.has(id);
  }

  add(docs: readonly T[]): void {
    for (const doc of docs) {
      if (this.#shortIds.has(doc.id)) throw new Error('RankedIndex: a document with this id is already indexed');
      const short = this.#docs.length;
      this.#grow(short + 1);
      this.#docs.push(doc);
      this.#shortIds.set(doc.id, short);
      this.#count++;
      for (let f = 0; f < FIELDS.length; f++) {
        // Each distinct word once, in the order of first occurrence: the terms reach the tree in the
        // order MiniSearch#add gives them (its order of prefix and fuzzy matches), with a tenth of the look-ups.
        const words = new Map<string, number>();
        for (const word of tokenise(doc[FIELDS[f]!])) words.set(word, (words.get(word) ?? 0) + 1);
        // As MiniSearch#add: the length is the number of distinct words before stemming, averaged in as it averages.
        const length = words.size;
        this.#lengths[f]![short] = length;
        this.#average[f] = (this.#average[f]! * (this.#count - 1) + length) / this.#count;
        for (const [word, times] of words) {
          const stem = stemTerm(word);
          if (stem) this.#addTerm(stem, f, short, times);
        }
      }
    }
    this.#version++;
  }

  #addTerm(stem: string, field: number, short: number, times: number): void {
    let postings = this.#terms.get(stem);
    if (!postings) {
      this.#tree.set(stem, (postings = []));
      this.#terms.set(stem, postings);
      this.#termsChanged = true;
      if (!this.#vocabulary.has(stem)) this.#learn(stem);
    }
    const list = postings[field];
    if (list) list.count(short, times);
    else postings[field] = new PostingList(short, times);
  }

  /** Takes documents out of the results now; their postings are dropped when a search next meets them. */
  discard(ids: readonly string[]): void {
    for (const id of ids) {
      const short = this.#shortIds.get(id);
      if (short === undefined) continue;
      this.#shortIds.delete(id);
      this.#docs[short] = undefined;
      for (const verdicts of this.#verdicts.values()) verdicts[short] = 2;
      // As MiniSearch#discard takes the document's lengths out of the averages.
      for (let f = 0; f < FIELDS.length; f++) {
        this.#average[f] = this.#count === 1 ? 0 : (this.#average[f]! * this.#count - this.#lengths[f]![short]!) / (this.#count - 1);
      }
      this.#count--;
      this.#dirt++;
    }
    this.#version++;
    this.#discardedAt = this.#version;
  }

  /** Whether enough has been discarded that a vacuum pays (see vacuum). */
  get dirty(): boolean {
    return this.#dirt >= VACUUM_MIN && this.#dirt / (1 + this.#count + this.#dirt) >= VACUUM_SHARE;
  }

  /**
   * Drops the discarded documents from every posting list, and terms left without any (as
   * MiniSearch#vacuum does), and numbers the documents that are left 0, 1, 2, … in the order they were
   * added: without it, a family indexed again after every edit would grow the per-document arrays
   * for as long as the server runs. The caller must not search until it is done (StudySearch runs it
   * inside a sync, which searches wait for); it yields to the event loop between slices of terms.
   */
  async vacuum(): Promise<void> {
    const to = new Int32Array(this.#docs.length).fill(-1);
    const docs: T[] = [];
    for (const [short, doc] of this.#docs.entries()) {
      if (!doc) continue;
      to[short] = docs.length;
      docs.push(doc);
    }
    const empty: string[] = [];
    let seen = 0;
    for (const [term, postings] of this.#tree) {
      for (let field = 0; field < postings.length; field++) {
        const list = postings[field];
        if (!list) continue;
        list.renumber(to);
        if (!list.size) postings[field] = undefined;
      }
      if (!postings.some(Boolean)) empty.push(term);
      if (++seen % TERM_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    for (const term of empty) {
      this.#tree.delete(term);
      this.#terms.delete(term);
    }
    this.#termsChanged = true;
    for (let f = 0; f < FIELDS.length; f++) {
      const lengths = this.#lengths[f]!;
      for (let short = 0; short < to.length; short++) if (to[short]! >= 0) lengths[to[short]!] = lengths[short]!;
    }
    this.#docs = docs;
    for (const [id, short] of this.#shortIds) this.#shortIds.set(id, to[short]!);
    this.#verdicts.clear();
    this.#cleaned = new WeakMap();
    this.#discardedAt = 0;
    this.#dirt = 0;
    this.#version++;
  }

  #learn(stem: string): void {
    this.#vocabulary.add(stem);
    if (stem.length < COMPOUND_HEAD + COMPOUND_MODIFIER) return;
    const ending = stem.slice(-COMPOUND_HEAD);
    const list = this.#byEnding.get(ending);
    if (list) list.push(stem);
    else this.#byEnding.set(ending, [stem]);
  }

  #grow(size: number): void {
    if (size <= this.#scratch.slotOf.length) return;
    const capacity = Math.max(size, Math.ceil(this.#scratch.slotOf.length * 1.5), 1024);
    const grown = (a: Float64Array) => {
      const b = new Float64Array(capacity);
      b.set(a);
      return b;
    };
    this.#lengths = this.#lengths.map(grown);
    this.#factors = this.#factors.map(() => new Float64Array(capacity));
    this.#once = this.#once.map(() => new Float64Array(capacity));
    this.#factorsFor = -1;
    this.#scratch.grow(capacity);
  }

  /**
   * After a large add: gives back the room the posting lists kept for growth (up to half of the
   * index) and notes the index's frequent words. Yields to the event loop now and then: on a large
   * study this takes a few hundred milliseconds.
   */
  async prepare(): Promise<void> {
    const common: [string, number][] = [];
    let trimmed = 0;
    for (const [term, postings] of this.#tree) {
      let size = 0;
      for (const list of postings) {
        if (!list) continue;
        size += list.size;
        list.trim();
      }
      if (term.length >= 6 && !/\d/.test(term)) common.push([term, size]);
      if (++trimmed % TERM_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    this.#common = common.sort((a, b) => b[1] - a[1]).slice(0, COMMON_TERMS).map(([t]) => t);
  }

  /** Frequent longer words of the index (as of the last prepare): what a warm-up searches for. */
  commonTerms(): readonly string[] {
    return this.#common;
  }

  /** The verdicts of the filter with this key; documents never change under one short id, so they stay valid. */
  #verdictsFor(key: string): Uint8Array {
    let verdicts = this.#verdicts.get(key);
    const capacity = this.#scratch.slotOf.length;
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
    if (this.#factorsFor === this.#version) return;
    const { k, b, d } = BM25;
    for (let f = 0; f < FIELDS.length; f++) {
      const avg = this.#average[f]!;
      const lengths = this.#lengths[f]!;
      const factors = this.#factors[f]!;
      const once = this.#once[f]!;
      for (let doc = 0; doc < this.#docs.length; doc++) {
        factors[doc] = k * (1 - b + b * lengths[doc]! / avg);
        // Written as the scoring loops write it for any term frequency, with 1 for it: the same bits.
        const tf = 1;
        once[doc] = d + tf * (k + 1) / (tf + factors[doc]!);
      }
    }
    this.#factorsFor = this.#version;
  }

  /**
   * Drops discarded documents from a term's postings, as MiniSearch#search does when it meets them,
   * so that their size is the number of documents with the term (BM25's document frequency).
   */
  #clean(postings: FieldPostings): void {
    if (!this.#discardedAt) return;
    for (let field = 0; field < postings.length; field++) {
      const list = postings[field];
      if (!list || this.#cleaned.get(list) === this.#discardedAt) continue;
      list.retain((doc) => this.#docs[doc] !== undefined);
      if (list.size) this.#cleaned.set(list, this.#discardedAt);
      else postings[field] = undefined;
    }
  }

  /**
   * What a query term stands for (see term-expansion.ts), remembered until a term enters or leaves
   * the tree. The postings it names are the tree's own, so added and discarded documents show in them.
   */
  #expand(term: string, swedish: boolean): Expansion[] {
    if (this.#termsChanged) {
      this.#expansions.clear();
      this.#termsChanged = false;
    }
    const key = `${swedish ? 's' : 'p'}${term}`;
    let expansions = this.#expansions.get(key);
    if (!expansions) this.#expansions.set(key, (expansions = expandTerm(this.#tree, this.#byEnding, term, swedish)));
    return expansions;
  }

  /** Documents that match every word of `query`, best first, as MiniSearch#search would rank them. */
  search(query: string, options: RankOptions<T> = {}): Ranked<T> {
    const words = tokenise(query).map((w) => stemTerm(w)).filter(Boolean);
    const matched = new Set<string>();
    const none: Ranked<T> = { hits: [], total: 0, terms: matched };
    if (!words.length) return none;
    // A repeated word counts once more in the score (as in minisearch) but is looked up once.
    const terms = [...new Set(words)];
    const expansions = terms.map((t) => this.#expand(t, options.swedish ?? true));
    const cost = expansions.map((list) => {
      let sum = 0;
      for (const e of list) {
        this.#clean(e.postings);
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
    scratch.begin(terms.length, Math.min(cost[steps[0]!]!, this.#docs.length));
    scratch.records = this.#docs;
    scratch.filter = options.filter as ((doc: never) => boolean) | undefined;
    scratch.verdicts = options.filter && options.filterKey !== undefined ? this.#verdictsFor(options.filterKey) : undefined;
    const total = this.#count;
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
      const hits = ranked.slice(offset).map(([slot, score]) => ({ doc: this.#docs[scratch.candidates[slot]!]!, score }));
      return { hits, total: scratch.left, terms: matched };
    } finally {
      scratch.finish();
    }
  }
}
