// A minisearch index with its own ranking. minisearch builds the inverted index and expands query
// terms (prefix, fuzzy), but its search() builds a result object with match details for every
// document of every term — on a 44 MB study ~50 ms for two common words. Here the same BM25+ scores
// are computed with the rarest term first and later terms only looked up for documents still in the
// running (AND), scores kept in typed arrays, each field's length factor precomputed, posting lists
// read from typed-array copies, and only the best `offset + limit` hits kept in a heap while every
// match is counted: ~1 ms for the same two words.
//
// This reads minisearch's internals (the term tree, field lengths, document counts) and is written
// against minisearch 7.2.0, pinned in package.json. tests/unit/search-ranking.test.ts checks that it
// returns the same hits in the same order as MiniSearch#search(); an upgrade that changes the
// internals fails there, and the constructor refuses an index whose internals it does not recognise.
import MiniSearch, { type SearchOptions } from 'minisearch';
import { BM25, Scratch, type Flat } from './ranking-scratch.ts';
import { COMPOUND_HEAD, COMPOUND_MODIFIER, stemTerm, tokenise } from './swedish-terms.ts';
import { expandTerm, fuzzyFor, MAX_FUZZY, prefixFor, type FieldPostings, type TermTree } from './term-expansion.ts';

/** The parts of a MiniSearch 7.2.0 instance read here. */
interface Internals {
  _index: TermTree;
  _documentCount: number;
  _idToShortId: Map<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _nextId: number;
  _fieldIds: Record<string, number>;
}

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
/** Posting lists copied ahead of searches (see prepare), and how many entries between yields. */
const PREPARE_MIN = 1000;
const PREPARE_SLICE = 200_000;
const COMMON_TERMS = 8;

/** The same search as MiniSearch#search options: what the ranking is compared against in the tests. */
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
  readonly miniSearch: MiniSearch<T>;
  #ms: Internals;
  #docs: (T | undefined)[] = [];
  /** Per field: the document's number of distinct words, and k·(1 − b + b·length/average) from it. */
  #lengths: Float64Array[] = FIELDS.map(() => new Float64Array(0));
  #factors: Float64Array[] = FIELDS.map(() => new Float64Array(0));
  /** The BM25+ term part for a word found once, d + (k + 1)/(1 + factor): most words are, and it saves a division. */
  #once: Float64Array[] = FIELDS.map(() => new Float64Array(0));
  #factorsFor = -1;
  /** Bumped by every add and discard: length factors and cleaned postings are only valid within one. */
  #version = 0;
  /** Versions with discards since which each term's postings were cleaned of discarded documents. */
  #cleaned = new WeakMap<Map<number, number>, number>();
  #discardedAt = 0;
  /** Stems of every added document, grouped by their last COMPOUND_HEAD letters, to find compounds by their head. */
  #vocabulary = new Set<string>();
  #byEnding = new Map<string, string[]>();
  #adding = false;
  /**
   * Postings copied into typed arrays, which a search runs through many times faster than a Map.
   * Dropped when a document with the term is added (the terms an add meets are noted only once there
   * is something to drop). Discarded documents may linger in them; a search skips those.
   */
  #flat = new WeakMap<Map<number, number>, Flat>();
  #flattened = false;
  #touched = new Set<string>();
  /** Per filter (by the caller's key): 1 = the document passes, 2 = it does not, 0 = not asked yet. */
  #verdicts = new Map<string, Uint8Array>();

  #scratch = new Scratch();
  #common: string[] = [];

  constructor() {
    this.miniSearch = new MiniSearch<T>({
      fields: [...FIELDS],
      storeFields: [],
      tokenize: tokenise,
      processTerm: (word) => {
        const stem = stemTerm(word);
        if (this.#adding) {
          if (!this.#vocabulary.has(stem)) this.#learn(stem);
          if (this.#flattened) this.#touched.add(stem);
        }
        return stem;
      },
    });
    this.#ms = this.miniSearch as unknown as Internals;
    const ms = this.#ms;
    const known =
      typeof ms._index?.atPrefix === 'function' && typeof ms._index.fuzzyGet === 'function' && ms._idToShortId instanceof Map &&
      ms._fieldLength instanceof Map && Array.isArray(ms._avgFieldLength) && typeof ms._nextId === 'number' &&
      typeof ms._documentCount === 'number' && FIELDS.every((f, i) => ms._fieldIds?.[f] === i);
    if (!known) throw new Error('RankedIndex: minisearch internals changed; the ranking is written for minisearch 7.2.0');
  }

  get size(): number {
    return this.#ms._documentCount;
  }

  has(id: string): boolean {
    return this.#ms._idToShortId.has(id);
  }

  add(docs: readonly T[]): void {
    this.#adding = true;
    try {
      for (const doc of docs) {
        this.miniSearch.add(doc);
        const short = this.#ms._idToShortId.get(doc.id)!;
        this.#grow(short + 1);
        this.#docs[short] = doc;
        const lengths = this.#ms._fieldLength.get(short) ?? [];
        for (let f = 0; f < FIELDS.length; f++) this.#lengths[f]![short] = lengths[f] ?? 0;
      }
    } finally {
      this.#adding = false;
      this.#version++;
      // The flattened postings of every term the new documents have are out of date.
      for (const stem of this.#touched) for (const docs of this.#ms._index.get(stem)?.values() ?? []) this.#flat.delete(docs);
      this.#touched.clear();
    }
  }

  /** Takes documents out of the results now; minisearch cleans its term tree later (vacuuming). */
  discard(ids: readonly string[]): void {
    const shorts = ids.map((id) => this.#ms._idToShortId.get(id));
    this.miniSearch.discardAll(ids);
    for (const short of shorts) {
      if (short === undefined) continue;
      this.#docs[short] = undefined;
      for (const verdicts of this.#verdicts.values()) verdicts[short] = 2;
    }
    this.#version++;
    this.#discardedAt = this.#version;
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
   * Copies the long posting lists (common words) into typed arrays now, not in the first searches
   * that need them: copying a list of 20,000 documents costs about as much as a whole search. About
   * 8 bytes per entry; short lists are copied when first searched. Yields to the event loop now and
   * then: on a large study this takes a few hundred milliseconds.
   */
  async prepare(minSize = PREPARE_MIN): Promise<void> {
    let copied = 0;
    const lists: Map<number, number>[] = [];
    const common: [string, number][] = [];
    for (const [term, postings] of this.#ms._index as unknown as Iterable<[string, FieldPostings]>) {
      let size = 0;
      for (const docs of postings.values()) {
        size += docs.size;
        if (docs.size >= minSize) lists.push(docs);
      }
      if (term.length >= 6 && !/\d/.test(term)) common.push([term, size]);
    }
    this.#common = common.sort((a, b) => b[1] - a[1]).slice(0, COMMON_TERMS).map(([t]) => t);
    for (const docs of lists) {
      if (this.#flat.has(docs)) continue;
      this.#flatten(docs);
      copied += docs.size;
      if (copied >= PREPARE_SLICE) {
        copied = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  /** Frequent longer words of the index (as of the last prepare): what a warm-up searches for. */
  commonTerms(): readonly string[] {
    return this.#common;
  }

  #flatten(docsWithTerm: Map<number, number>): Flat {
    let flat = this.#flat.get(docsWithTerm);
    if (!flat) {
      flat = { docs: new Int32Array(docsWithTerm.size), tfs: new Uint32Array(docsWithTerm.size) };
      let i = 0;
      for (const [doc, tf] of docsWithTerm) {
        flat.docs[i] = doc;
        flat.tfs[i++] = tf;
      }
      this.#flat.set(docsWithTerm, flat);
      this.#flattened = true;
    }
    return flat;
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
      const avg = this.#ms._avgFieldLength[f] ?? 0;
      const lengths = this.#lengths[f]!;
      const factors = this.#factors[f]!;
      const once = this.#once[f]!;
      for (let doc = 0; doc < this.#ms._nextId; doc++) {
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
    for (const [field, docs] of postings) {
      if (this.#cleaned.get(docs) === this.#discardedAt) continue;
      for (const doc of docs.keys()) if (this.#docs[doc] === undefined) docs.delete(doc);
      if (docs.size) this.#cleaned.set(docs, this.#discardedAt);
      else postings.delete(field);
    }
  }

  /** Documents that match every word of `query`, best first, as MiniSearch#search would rank them. */
  search(query: string, options: RankOptions<T> = {}): Ranked<T> {
    const words = tokenise(query).map((w) => stemTerm(w)).filter(Boolean);
    const matched = new Set<string>();
    const none: Ranked<T> = { hits: [], total: 0, terms: matched };
    if (!words.length) return none;
    // A repeated word counts once more in the score (as in minisearch) but is looked up once.
    const terms = [...new Set(words)];
    const expansions = terms.map((t) => expandTerm(this.#ms._index, this.#byEnding, t, options.swedish ?? true));
    const cost = expansions.map((list) => {
      let sum = 0;
      for (const e of list) {
        this.#clean(e.postings);
        for (const docs of e.postings.values()) sum += docs.size;
      }
      return sum;
    });
    if (cost.some((c) => c === 0)) return none;
    for (const list of expansions) for (const e of list) matched.add(e.term);
    this.#refreshFactors();

    const scratch = this.#scratch;
    const steps = [...terms.keys()].sort((a, b) => cost[a]! - cost[b]!);
    const last = terms.indexOf(words[words.length - 1]!);
    scratch.begin(terms.length, Math.min(cost[steps[0]!]!, this.#ms._nextId));
    scratch.records = this.#docs;
    scratch.filter = options.filter as ((doc: never) => boolean) | undefined;
    scratch.verdicts = options.filter && options.filterKey !== undefined ? this.#verdictsFor(options.filterKey) : undefined;
    const total = this.#ms._documentCount;
    try {
      for (const [step, q] of steps.entries()) {
        const left = scratch.left;
        scratch.left = 0;
        for (const [e, { postings, weight }] of expansions[q]!.entries()) {
          // Fields in minisearch's order (title, text), whatever order the term met them in.
          for (let field = 0; field < FIELDS.length; field++) {
            const docsWithTerm = postings.get(field);
            if (!docsWithTerm?.size) continue;
            const df = docsWithTerm.size;
            const idf = Math.log(1 + (total - df + 0.5) / (df + 0.5));
            const w = weight * BOOSTS[field]!;
            const factors = this.#factors[field]!;
            const once = this.#once[field]!;
            // For ties, minisearch's order: its AND keeps the order in which the last query word's
            // matches were first met (expansion by expansion, field by field, documents as added).
            const seenAs = e * FIELDS.length + field;
            if (step === 0) scratch.collect(this.#flatten(docsWithTerm), factors, once, w, idf, q, seenAs);
            else if (df > 16 * left) scratch.probe(docsWithTerm, factors, once, w, idf, q, seenAs, step, q === last);
            else scratch.accumulate(this.#flatten(docsWithTerm), factors, once, w, idf, q, seenAs, step, q === last);
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
