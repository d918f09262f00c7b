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
import { COMPOUND_HEAD, COMPOUND_MODIFIER, ningRoot, stemTerm, tokenise } from './swedish-terms.ts';

/** Per field (by minisearch field id): short document id → term frequency. */
type FieldPostings = Map<number, Map<number, number>>;

interface TermTree {
  get(term: string): FieldPostings | undefined;
  atPrefix(prefix: string): Iterable<[string, FieldPostings]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [FieldPostings, number]>;
}

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
// minisearch's defaults, spelled out because the scores must be computed exactly as it does.
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** Filters whose verdicts are remembered (a user's filter settings; one byte per document each). */
const MAX_FILTERS = 16;
/** Posting lists copied ahead of searches (see prepare), and how many entries between yields. */
const PREPARE_MIN = 1000;
const PREPARE_SLICE = 200_000;
const COMMON_TERMS = 8;

/**
 * Prefix and fuzzy matching only for longer terms: on short ones they match half the language. At
 * most two edits: a third (round(0.2 × 13 letters)) made the fuzzy walk of the term tree the slowest
 * part of a search, and finds other words more often than typos.
 */
export const prefixFor = (term: string): boolean => term.length >= 4;
export const fuzzyFor = (term: string): number | false => (term.length >= 6 ? 0.2 : false);
export const MAX_FUZZY = 2;

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

/** One indexed term a query term stands for, with the weight minisearch gives that kind of match. */
interface Expansion {
  term: string;
  postings: FieldPostings;
  weight: number;
}

/** A posting list copied into typed arrays: documents (short ids) and how often the term is in each. */
interface Flat {
  docs: Int32Array;
  tfs: Uint32Array;
}

/**
 * The working set of one search, kept between searches so that a search allocates little. Its hot
 * loops are small methods of their own: V8 optimises each once, whatever mix of branches a query
 * takes (one large function was deoptimised again and again by queries that took new branches).
 */
class Scratch {
  /** Per document, during a search: 0 = not met yet, −1 = filtered out, n > 0 = candidate in slot n − 1. */
  slotOf = new Int32Array(0);
  /** The documents filtered out, to reset `slotOf` after the search. */
  rejected = new Int32Array(0);
  rejectedCount = 0;
  /** Per candidate slot: the document, and the last step (query term, rarest first) that matched it. */
  candidates = new Int32Array(0);
  step = new Int32Array(0);
  /** Per candidate: where minisearch first meets it among the last query term's matches (for ties). */
  firstSeen = new Int32Array(0);
  /** Per candidate, `stride` scores: one per distinct query term. */
  scores = new Float64Array(0);
  stride = 1;
  count = 0;
  /** Candidates matched by the current step so far. */
  left = 0;
  /** The current search's filter: the records by short id, and the filter's remembered verdicts. */
  records: readonly unknown[] = [];
  filter: ((doc: never) => boolean) | undefined;
  verdicts: Uint8Array | undefined;

  grow(capacity: number): void {
    this.slotOf = new Int32Array(capacity);
    this.rejected = new Int32Array(capacity);
    this.candidates = new Int32Array(capacity);
    this.step = new Int32Array(capacity);
    this.firstSeen = new Int32Array(capacity);
  }

  begin(stride: number, maxCandidates: number): void {
    this.count = 0;
    this.rejectedCount = 0;
    this.stride = stride;
    const size = maxCandidates * stride;
    if (this.scores.length < size) this.scores = new Float64Array(Math.max(size, this.scores.length * 2));
  }

  /** Clears what the search marked per document, ready for the next one. */
  finish(): void {
    for (let i = 0; i < this.count; i++) this.slotOf[this.candidates[i]!] = 0;
    for (let i = 0; i < this.rejectedCount; i++) this.slotOf[this.rejected[i]!] = 0;
    this.filter = undefined;
  }

  /** Whether the filter lets the document through, asked once per document and filter. */
  admits(doc: number): boolean {
    const verdicts = this.verdicts;
    // A discarded document's verdicts are set to 2 (RankedIndex#discard).
    if (verdicts && verdicts[doc]) return verdicts[doc] === 1;
    const record = this.records[doc];
    if (record === undefined) return false;
    if (!this.filter) return true;
    const pass = this.filter(record as never);
    if (verdicts) verdicts[doc] = pass ? 1 : 2;
    return pass;
  }

  /** The rarest term (step 0): every document with it becomes a candidate, unless the filter says no. */
  collect(flat: Flat, factors: Float64Array, once: Float64Array, w: number, idf: number, q: number, seenAs: number): void {
    const { docs, tfs } = flat;
    const { slotOf, candidates, scores, firstSeen, step, stride } = this;
    const { k, d } = BM25;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i]!;
      const mark = slotOf[doc]!;
      if (mark < 0) continue;
      let slot = mark - 1;
      if (mark === 0) {
        if (!this.admits(doc)) {
          slotOf[doc] = -1;
          this.rejected[this.rejectedCount++] = doc;
          continue;
        }
        slot = this.count++;
        slotOf[doc] = slot + 1;
        candidates[slot] = doc;
        step[slot] = 0;
        for (let j = slot * stride; j < slot * stride + stride; j++) scores[j] = 0;
        firstSeen[slot] = seenAs;
      }
      const tf = tfs[i]!;
      scores[slot * stride + q]! += w * (idf * (tf === 1 ? once[doc]! : d + tf * (k + 1) / (tf + factors[doc]!)));
    }
    this.left = this.count;
  }

  /** A later term (step `now`), through its posting list: scores the candidates in it. */
  accumulate(flat: Flat, factors: Float64Array, once: Float64Array, w: number, idf: number, q: number, seenAs: number, now: number, last: boolean): void {
    const { docs, tfs } = flat;
    const { slotOf, step, scores, firstSeen, stride } = this;
    const { k, d } = BM25;
    for (let i = 0; i < docs.length; i++) {
      const mark = slotOf[docs[i]!]!;
      if (mark <= 0) continue;
      const slot = mark - 1;
      const was = step[slot]!;
      if (was !== now) {
        if (was !== now - 1) continue; // missed an earlier term
        step[slot] = now;
        this.left++;
        if (last) firstSeen[slot] = seenAs;
      }
      const doc = docs[i]!;
      const tf = tfs[i]!;
      scores[slot * stride + q]! += w * (idf * (tf === 1 ? once[doc]! : d + tf * (k + 1) / (tf + factors[doc]!)));
    }
  }

  /** A later term with far more documents than there are candidates: looks each candidate up. */
  probe(docsWithTerm: Map<number, number>, factors: Float64Array, once: Float64Array, w: number, idf: number, q: number, seenAs: number, now: number, last: boolean): void {
    const { candidates, step, scores, firstSeen, stride } = this;
    const { k, d } = BM25;
    for (let slot = 0; slot < this.count; slot++) {
      const was = step[slot]!;
      if (was < now - 1) continue;
      const doc = candidates[slot]!;
      const tf = docsWithTerm.get(doc);
      if (tf === undefined) continue;
      if (was !== now) {
        step[slot] = now;
        this.left++;
        if (last) firstSeen[slot] = seenAs;
      }
      scores[slot * stride + q]! += w * (idf * (tf === 1 ? once[doc]! : d + tf * (k + 1) / (tf + factors[doc]!)));
    }
  }

  /** a ranks before b: higher score, then minisearch's first-seen order, then the order of adding. */
  before(sa: number, a: number, sb: number, b: number): boolean {
    if (sa !== sb) return sa > sb;
    const fa = this.firstSeen[a]!;
    const fb = this.firstSeen[b]!;
    return fa !== fb ? fa < fb : this.candidates[a]! < this.candidates[b]!;
  }

  /**
   * The best `keep` candidates, best first, as [slot, score] pairs. A candidate's score is its terms'
   * scores added in query order (`order`: the distinct term of each query word), as minisearch adds
   * them, times the number of distinct terms, as minisearch multiplies; a heap keeps the worst of the
   * best at its root.
   */
  top(order: readonly number[], keep: number, final: number): [number, number][] {
    const { step, scores, stride, count } = this;
    const slots = new Int32Array(keep);
    const best = new Float64Array(keep);
    let size = 0;
    for (let slot = 0; slot < count; slot++) {
      if (step[slot] !== final) continue;
      let score = scores[slot * stride + order[0]!]!;
      for (let i = 1; i < order.length; i++) score = score + scores[slot * stride + order[i]!]!;
      score *= stride;
      // Most candidates score below the worst of the best so far: out without the full comparison.
      if (size === keep && score < best[0]!) continue;
      if (size < keep) {
        let i = size++;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (!this.before(best[parent]!, slots[parent]!, score, slot)) break;
          slots[i] = slots[parent]!;
          best[i] = best[parent]!;
          i = parent;
        }
        slots[i] = slot;
        best[i] = score;
      } else if (keep > 0 && this.before(score, slot, best[0]!, slots[0]!)) {
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          if (l >= size) break;
          const r = l + 1;
          const worse = r < size && this.before(best[l]!, slots[l]!, best[r]!, slots[r]!) ? r : l;
          if (!this.before(score, slot, best[worse]!, slots[worse]!)) break;
          slots[i] = slots[worse]!;
          best[i] = best[worse]!;
          i = worse;
        }
        slots[i] = slot;
        best[i] = score;
      }
    }
    const ranked = Array.from({ length: size }, (_, i): [number, number] => [slots[i]!, best[i]!]);
    return ranked.sort(([a, sa], [b, sb]) => (this.before(sa, a, sb, b) ? -1 : 1));
  }
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

  /** The indexed terms a query term stands for, in the order MiniSearch#search scores them, then the Swedish extras. */
  #expand(term: string, swedish: boolean): Expansion[] {
    const tree = this.#ms._index;
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
        for (const t of this.#byEnding.get(head.slice(-COMPOUND_HEAD)) ?? []) {
          if (t.length - head.length >= COMPOUND_MODIFIER && t.endsWith(head)) add(t, t.length - head.length);
        }
      }
    }
    return out;
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
