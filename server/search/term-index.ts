// The search index's store: minisearch's term tree (SearchableMap: a radix tree with prefix and fuzzy
// look-up) over compact posting lists (posting-list.ts), the documents by short id, and each field's
// lengths and running average. Documents are tokenised, counted and averaged exactly as MiniSearch#add
// and #discard do (minisearch 7.2.0, pinned in package.json), so that RankedIndex can score as
// MiniSearch#search scores. MiniSearch's own index kept each term's postings as Maps: about 40 bytes a
// posting, 2.7 GB at ten times the bench study.
import SearchableMap from 'minisearch/SearchableMap';
import { Lru } from '../store/lru.ts';
import { PostingList, type FieldPostings } from './posting-list.ts';
import { COMPOUND_HEAD, COMPOUND_MODIFIER, stemTerm, tokenise } from './swedish-terms.ts';
import { FuzzyTerms } from './fuzzy-terms.ts';
import { expandTerm, type Expansion, type TermTree } from './term-expansion.ts';
import { yieldToEventLoop } from '../workers/event-loop.ts';

export interface RankedDocument {
  id: string;
  title: string;
  text: string;
}

/** The fields searched, by field number. */
export const FIELDS = ['title', 'text'] as const;
/**
 * Work between yields to the event loop in prepare and vacuum (about 10 ms): a term counts as
 * TERM_WORK postings. Counting terms alone let a slice of 2,000 common terms copy millions of postings
 * (90 ms, and a request needs more than one turn of the loop).
 */
const SLICE_WORK = 200_000;
const TERM_WORK = 100;
/** When a vacuum pays, as minisearch's auto-vacuum: at least this many documents discarded, and this share of them. */
const VACUUM_MIN = 20;
const VACUUM_SHARE = 0.1;
const COMMON_TERMS = 8;
/** Query terms whose expansions are remembered: finding a term's prefix, fuzzy and compound matches takes 0.1–0.4 ms. */
const EXPANSIONS_KEPT = 256;
const MIN_CAPACITY = 1024;

export class TermIndex<T extends RankedDocument> {
  #tree = new SearchableMap<FieldPostings>();
  /** The same terms by exact look-up: indexing looks up every distinct word of every document, a hash beats walking the tree. */
  #terms = new Map<string, FieldPostings>();
  /** Records by short id (undefined once discarded). */
  protected docs: (T | undefined)[] = [];
  #shortIds = new Map<string, number>();
  protected count = 0;
  /** Per field: the running average of its length, computed as minisearch computes it (same rounding). */
  protected average: number[] = FIELDS.map(() => 0);
  /** Per field and short id: the document's number of distinct words. */
  protected lengths: Float64Array[] = FIELDS.map(() => new Float64Array(0));
  /** Room in the per-document arrays. */
  protected capacity = 0;
  /** Bumped by every add, discard and vacuum: what is computed from lengths or postings is valid within one. */
  protected version = 0;
  /** Versions with discards since which each posting list was cleaned of discarded documents. */
  #cleaned = new WeakMap<PostingList, number>();
  #discardedAt = 0;
  /** Documents discarded since the last vacuum. */
  #dirt = 0;
  /** Stems of every added document, grouped by their last COMPOUND_HEAD letters, to find compounds by their head. */
  #vocabulary = new Set<string>();
  #byEnding = new Map<string, string[]>();
  /** The same stems by their letter pairs, for fuzzy look-up without walking the whole tree. */
  #fuzzy = new FuzzyTerms();
  /** The tree as term-expansion.ts looks terms up in it, its fuzzy look-up through #fuzzy. */
  #lookup: TermTree = {
    get: (term) => this.#tree.get(term),
    atPrefix: (prefix) => this.#tree.atPrefix(prefix),
    fuzzyGet: (term, distance) => this.#fuzzy.get(this.#tree, term, distance),
  };
  #common: string[] = [];
  /** By query term (and whether with the Swedish extras); valid while no term enters or leaves the tree. */
  #expansions = new Lru<string, Expansion[]>(EXPANSIONS_KEPT);
  #termsChanged = false;

  get size(): number {
    return this.count;
  }

  has(id: string): boolean {
    return this.#shortIds.has(id);
  }

  add(docs: readonly T[]): void {
    for (const doc of docs) {
      if (this.#shortIds.has(doc.id)) throw new Error('TermIndex: a document with this id is already indexed');
      const short = this.docs.length;
      this.#grow(short + 1);
      this.docs.push(doc);
      this.#shortIds.set(doc.id, short);
      this.count++;
      for (let f = 0; f < FIELDS.length; f++) {
        // Each distinct word once, in the order of first occurrence: the terms reach the tree in the
        // order MiniSearch#add gives them (its order of prefix and fuzzy matches), with a tenth of the look-ups.
        const words = new Map<string, number>();
        for (const word of tokenise(doc[FIELDS[f]!])) words.set(word, (words.get(word) ?? 0) + 1);
        // As MiniSearch#add: the length is the number of distinct words before stemming, averaged in as it averages.
        const length = words.size;
        this.lengths[f]![short] = length;
        this.average[f] = (this.average[f]! * (this.count - 1) + length) / this.count;
        for (const [word, times] of words) {
          const stem = stemTerm(word);
          if (stem) this.#addTerm(stem, f, short, times);
        }
      }
    }
    this.version++;
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
      this.docs[short] = undefined;
      this.forgotten(short);
      // As MiniSearch#discard takes the document's lengths out of the averages.
      for (let f = 0; f < FIELDS.length; f++) {
        this.average[f] = this.count === 1 ? 0 : (this.average[f]! * this.count - this.lengths[f]![short]!) / (this.count - 1);
      }
      this.count--;
      this.#dirt++;
    }
    this.version++;
    this.#discardedAt = this.version;
  }

  /** Whether enough has been discarded that a vacuum pays (see vacuum). */
  get dirty(): boolean {
    return this.#dirt >= VACUUM_MIN && this.#dirt / (1 + this.count + this.#dirt) >= VACUUM_SHARE;
  }

  /**
   * Drops the discarded documents from every posting list, and terms left without any (as
   * MiniSearch#vacuum does), and numbers the documents that are left 0, 1, 2, … in the order they were
   * added: without it, a family indexed again after every edit would grow the per-document arrays
   * for as long as the server runs. The caller must not search until it is done (StudySearch runs it
   * inside a sync, which searches wait for); it yields to the event loop between slices of terms.
   */
  async vacuum(): Promise<void> {
    const to = new Int32Array(this.docs.length).fill(-1);
    const docs: T[] = [];
    for (const [short, doc] of this.docs.entries()) {
      if (!doc) continue;
      to[short] = docs.length;
      docs.push(doc);
    }
    const empty: string[] = [];
    let work = 0;
    for (const [term, postings] of this.#tree) {
      work += TERM_WORK;
      for (let field = 0; field < postings.length; field++) {
        const list = postings[field];
        if (!list) continue;
        work += list.size;
        list.renumber(to);
        if (!list.size) postings[field] = undefined;
      }
      if (!postings.some(Boolean)) empty.push(term);
      if (work >= SLICE_WORK) {
        work = 0;
        await yieldToEventLoop();
      }
    }
    for (const term of empty) {
      this.#tree.delete(term);
      this.#terms.delete(term);
    }
    this.#termsChanged = true;
    for (let f = 0; f < FIELDS.length; f++) {
      const lengths = this.lengths[f]!;
      for (let short = 0; short < to.length; short++) if (to[short]! >= 0) lengths[to[short]!] = lengths[short]!;
    }
    this.docs = docs;
    for (const [id, short] of this.#shortIds) this.#shortIds.set(id, to[short]!);
    this.renumbered();
    this.#cleaned = new WeakMap();
    this.#discardedAt = 0;
    this.#dirt = 0;
    this.version++;
  }

  #learn(stem: string): void {
    this.#vocabulary.add(stem);
    this.#fuzzy.add(stem);
    if (stem.length < COMPOUND_HEAD + COMPOUND_MODIFIER) return;
    const ending = stem.slice(-COMPOUND_HEAD);
    const list = this.#byEnding.get(ending);
    if (list) list.push(stem);
    else this.#byEnding.set(ending, [stem]);
  }

  #grow(size: number): void {
    if (size <= this.capacity) return;
    const capacity = Math.max(size, Math.ceil(this.capacity * 1.5), MIN_CAPACITY);
    this.lengths = this.lengths.map((old) => {
      const grown = new Float64Array(capacity);
      grown.set(old);
      return grown;
    });
    this.capacity = capacity;
    this.resized();
  }

  /** The per-document arrays have room for `capacity` documents now. */
  protected resized(): void {}

  /** The document with this short id was discarded. */
  protected forgotten(_short: number): void {}

  /** A vacuum gave the documents new short ids. */
  protected renumbered(): void {}

  /**
   * After a large add: gives back the room the posting lists kept for growth (up to half of the
   * index) and notes the index's frequent words. Yields to the event loop now and then: on a large
   * study this takes a few hundred milliseconds.
   */
  async prepare(): Promise<void> {
    const common: [string, number][] = [];
    let work = 0;
    for (const [term, postings] of this.#tree) {
      let size = 0;
      for (const list of postings) {
        if (!list) continue;
        size += list.size;
        list.trim();
      }
      if (term.length >= 6 && !/\d/.test(term)) common.push([term, size]);
      work += TERM_WORK + size;
      if (work >= SLICE_WORK) {
        work = 0;
        await yieldToEventLoop();
      }
    }
    this.#common = common.sort((a, b) => b[1] - a[1]).slice(0, COMMON_TERMS).map(([t]) => t);
  }

  /** Frequent longer words of the index (as of the last prepare): what a warm-up searches for. */
  commonTerms(): readonly string[] {
    return this.#common;
  }

  /**
   * Drops discarded documents from a term's postings, as MiniSearch#search does when it meets them,
   * so that their size is the number of documents with the term (BM25's document frequency).
   */
  protected clean(postings: FieldPostings): void {
    if (!this.#discardedAt) return;
    for (let field = 0; field < postings.length; field++) {
      const list = postings[field];
      if (!list || this.#cleaned.get(list) === this.#discardedAt) continue;
      list.retain((doc) => this.docs[doc] !== undefined);
      if (list.size) this.#cleaned.set(list, this.#discardedAt);
      else postings[field] = undefined;
    }
  }

  /**
   * What a query term stands for (see term-expansion.ts), remembered until a term enters or leaves
   * the tree. The postings it names are the tree's own, so added and discarded documents show in them.
   */
  protected expand(term: string, swedish: boolean): Expansion[] {
    if (this.#termsChanged) {
      this.#expansions.clear();
      this.#termsChanged = false;
    }
    const key = `${swedish ? 's' : 'p'}${term}`;
    let expansions = this.#expansions.get(key);
    if (!expansions) this.#expansions.set(key, (expansions = expandTerm(this.#lookup, this.#byEnding, term, swedish)));
    return expansions;
  }

}
