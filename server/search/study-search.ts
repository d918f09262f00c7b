// Full-text search over one study: the dated entries of every document, annotations, caseworker
// reflections, the comments of kortutredning appraisals and researchers' memos, in one index
// (ranked-index.ts; the records are built in search-sources.ts). Built on the first search, then kept
// in step incrementally: new documents are added, a family whose revision changed has its
// annotations, reflections and appraisals indexed again, and the memos and a målgruppsinventering's
// ratings are indexed again when they change. Results are filtered to what the user may see: their
// families, memos only for researchers and the lead, and ratings as GET …/inventory/children shows
// them (a caseworker only their own).
import type { Entry, HitType, SearchHit } from '../domain/types.ts';
import type { StudyRepo } from '../store/study-repo.ts';
import { annotations, appraisals, reflections } from '../store/family-collections.ts';
import { codes, codings, memos } from '../store/study-collections.ts';
import { inventoryChildren, inventoryRatings } from '../store/inventory-collections.ts';
import { codeScope, inScope, type CodeScope } from './code-scope.ts';
import { RankedIndex } from './ranked-index.ts';
import { readEntryText } from './entry-text.ts';
import { HEAD_BYTES, snippet, snippetOfEntry } from './search-snippet.ts';
import {
  annotationRecord, appraisalPlace, appraisalRecord, entryHeads, entryRecords, memoRecord, ratingRecord, reflectionRecord, type IndexedRecord,
} from './search-sources.ts';
import { TermMatcher } from './swedish-terms.ts';
import { mapInTurns, yieldToEventLoop } from '../workers/event-loop.ts';

export interface SearchFilter {
  /** The families the user may see. */
  families: Set<string>;
  /** Memos are research material: only researchers and the lead see them. */
  memos?: boolean;
  /**
   * A målgruppsinventering's ratings: every rating (first and second; researchers and the lead), only
   * the user's own (a caseworker), or none (the default).
   */
  ratings?: 'all' | { own: string } | 'none';
  type?: HitType;
  family?: string;
  question?: string;
  /** Only what is coded with this code or one of its descendants (researchers and the lead). */
  code?: string;
  /** User id: who wrote the annotation or memo, or last saved the reflection; a rating's rater (entries have no author). */
  author?: string;
  /** Years of the entry (for an annotation: of the entry it marks; for an appraisal: of its start; reflections and memos have none). */
  from?: number;
  to?: number;
  /** Paging over all matches; `total` counts every match. */
  offset?: number;
  limit?: number;
}

const MAX_HITS = 50;
/** The family records the index holds; other collections (reading progress) do not make it re-index. */
const INDEXED_COLLECTIONS = [annotations, reflections, appraisals];
/** Text indexed between yields to the event loop: about 10 ms of work, the longest a request waits for it. */
const INDEX_SLICE_CHARS = 40_000;
/** Annotations made into index records between yields (their comments are parsed as Markdown): about 10 ms. */
const RECORDS_PER_TURN = 300;
/**
 * How far the index's building has come, in steps: each document and each family to index, and a last
 * one over the whole index (after an import, its posting lists are compacted and its searches warmed up).
 */
export interface IndexProgress {
  done: number;
  total: number;
}

export class StudySearch {
  #repo: StudyRepo;
  #index = new RankedIndex<IndexedRecord>();
  #documents = new Set<string>();
  /** Each indexed document's entries' heads as UTF-8, where their snippets are read (see entryHeads). */
  #heads = new Map<string, Buffer>();
  #familyRevisions = new Map<string, number>();
  #familyIds = new Map<string, string[]>();
  #memoSeq = -1;
  #memoIds: string[] = [];
  /** The seqs of the inventory's children and ratings when they were last indexed. */
  #ratingSeq = '';
  #ratingIds: string[] = [];
  #scope: { key: string; scope: CodeScope | null } | undefined;
  #syncing: Promise<void> = Promise.resolve();
  #pending = 0;
  #progress: IndexProgress | null = null;

  constructor(repo: StudyRepo) {
    this.#repo = repo;
  }

  /**
   * Brings the index up to date with the store: new documents, changed families, changed memos.
   * Yields to the event loop between documents, so building the index of a large study does not
   * stall the server.
   */
  sync(): Promise<void> {
    // Most searches find nothing changed: answer that without queueing behind anything.
    if (!this.#pending && this.#upToDate()) return Promise.resolve();
    // One sync at a time: two interleaved ones would index the same document twice.
    this.#pending++;
    const run = this.#syncing.then(() => this.#sync()).finally(() => this.#pending--);
    this.#syncing = run.catch(() => undefined);
    return run;
  }

  /**
   * Brings the index up to date, waiting at most `ms` for it: false when it is still being built then
   * (the building goes on; with 0, whenever there is anything to build). A failed building is thrown,
   * as from sync().
   */
  async readyWithin(ms: number): Promise<boolean> {
    if (!this.#pending && this.#upToDate()) return true;
    const syncing = this.sync().then(() => true);
    if (ms <= 0) {
      syncing.catch(() => undefined);
      return false;
    }
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    try {
      return await Promise.race([syncing, waited]);
    } finally {
      clearTimeout(timer);
      syncing.catch(() => undefined); // a failure after the wait is the next search's to report
    }
  }

  /** How far the building under way has come (documents, then families); null when none runs. */
  get progress(): IndexProgress | null {
    // Documents imported while it runs are indexed in the same pass: never more done than there is.
    return this.#progress && { done: Math.min(this.#progress.done, this.#progress.total - 1), total: this.#progress.total };
  }

  #upToDate(): boolean {
    const study = this.#repo.study;
    if (this.#documents.size !== study.documents.length || this.#memoSeq !== this.#repo.records.seqOf(memos)) return false;
    if (this.#ratingSeq !== this.#ratingState()) return false;
    return !study.families.some((f) => this.#familyStale(f.id));
  }

  /** A family never indexed, or whose indexed records changed since. */
  #familyStale(familyId: string): boolean {
    return this.#familyRevisions.get(familyId) !== this.#repo.familyRevision(familyId, INDEXED_COLLECTIONS) || !this.#familyIds.has(familyId);
  }

  async #sync(): Promise<void> {
    const study = this.#repo.study;
    const families = study.families.filter((f) => this.#familyStale(f.id)).length;
    this.#progress = { done: 0, total: study.documents.filter((d) => !this.#documents.has(d.id)).length + families + 1 };
    try {
      await this.#syncRecords();
    } finally {
      this.#progress = null;
    }
  }

  async #syncRecords(): Promise<void> {
    let added = false;
    for (const meta of this.#repo.study.documents) {
      if (this.#documents.has(meta.id)) continue;
      added = true;
      const { text, entries } = await this.#repo.documents.read(meta.id);
      const docs = entryRecords(meta, text, entries);
      // In slices, so that a 5 MB case file does not hold up requests for seconds.
      await this.#addInSlices(docs);
      this.#heads.set(meta.id, entryHeads(text, docs));
      for (const doc of docs) doc.text = '';
      this.#documents.add(meta.id);
      this.#progress!.done++;
    }
    const questions = new Map(this.#repo.study.questions.map((q) => [q.id, q.label]));
    for (const family of this.#repo.study.families) {
      if (!this.#familyStale(family.id)) continue;
      const revision = this.#repo.familyRevision(family.id, INDEXED_COLLECTIONS);
      const data = this.#repo.familyData(family.id);
      const commented = this.#repo.familyRecords(family.id, appraisals).filter((a) => a.comment.trim());
      const known = new Set(this.#repo.study.documents.map((d) => d.id));
      const entriesOf = new Map<string, Entry[]>();
      const read = new Set([...data.annotations.map((a) => a.documentId), ...commented.map((a) => appraisalPlace(a).documentId).filter((id) => known.has(id))]);
      for (const id of read) entriesOf.set(id, await this.#repo.documents.entries(id));
      // A family's thousands of annotations, a turn at a time: their comments are Markdown to be read
      // as plain text, and building and indexing them at once held every request for half a second.
      const docs: IndexedRecord[] = [
        ...(await mapInTurns(data.annotations, (a) => annotationRecord(family.id, a, questions, entriesOf.get(a.documentId) ?? []), RECORDS_PER_TURN)),
        ...Object.entries(data.reflections).filter(([, r]) => r.text.trim()).map(([key, r]) => reflectionRecord(family.id, key, r, questions)),
        ...commented.map((a) => appraisalRecord(family.id, a, entriesOf)),
      ];
      const old = this.#familyIds.get(family.id) ?? [];
      if (old.length) this.#index.discard(old);
      await this.#addInSlices(docs);
      this.#familyIds.set(family.id, docs.map((d) => d.id));
      this.#familyRevisions.set(family.id, revision);
      this.#progress!.done++;
    }
    const memoSeq = this.#repo.records.seqOf(memos);
    if (memoSeq !== this.#memoSeq) {
      const docs = this.#repo.records.list(memos).map((m) => memoRecord(m, questions));
      if (this.#memoIds.length) this.#index.discard(this.#memoIds);
      await this.#addInSlices(docs);
      this.#memoIds = docs.map((d) => d.id);
      this.#memoSeq = memoSeq;
    }
    const ratingSeq = this.#ratingState();
    if (ratingSeq !== this.#ratingSeq) {
      const children = new Map(this.#repo.records.list(inventoryChildren).map((c) => [c.id, c]));
      const docs = this.#repo.records.list(inventoryRatings).flatMap((r) => {
        const child = children.get(r.childId);
        return child && r.reason.trim() ? [ratingRecord(r, child)] : [];
      });
      if (this.#ratingIds.length) this.#index.discard(this.#ratingIds);
      await this.#addInSlices(docs);
      this.#ratingIds = docs.map((d) => d.id);
      this.#ratingSeq = ratingSeq;
    }
    // Re-indexed families leave discarded records in the posting lists until a vacuum.
    if (this.#index.dirty) await this.#index.vacuum();
    // After an import, not after every edit: an edit adds little room to give back.
    if (added) {
      await this.#index.prepare();
      await this.#warmUp();
    }
  }

  /** Adds `docs` to the index about INDEX_SLICE_CHARS of text at a time, letting the event loop through between. */
  async #addInSlices(docs: IndexedRecord[]): Promise<void> {
    for (let i = 0; i < docs.length; ) {
      let end = i;
      for (let chars = 0; end < docs.length && chars < INDEX_SLICE_CHARS; end++) chars += docs[end]!.text.length + docs[end]!.title.length;
      this.#index.add(docs.slice(i, end));
      i = end;
      await yieldToEventLoop();
    }
  }

  /**
   * A few searches for the index's own frequent words, with snippets, results thrown away: until V8
   * has compiled the ranking and fuzzy matching, a search runs several times slower, and without this
   * the first users after a start or an import would be the ones waiting.
   */
  async #warmUp(): Promise<void> {
    const words = this.#index.commonTerms();
    const families = new Set(this.#repo.study.families.map((f) => f.id));
    for (let i = 0; i < words.length; i++) {
      this.#query(i % 2 ? `${words[i]} ${words[i - 1]!.slice(0, 6)}` : words[i]!, { families, memos: true, limit: 10 });
      // The first searches run slowly (that is why they are made here): one at a time between requests.
      await yieldToEventLoop();
    }
  }

  #snippetOf(r: IndexedRecord, matcher: TermMatcher): ReturnType<typeof snippet> {
    const heads = r.byteStart === null ? undefined : this.#heads.get(r.documentId!);
    if (!heads) return snippet(r.text, matcher);
    const length = r.byteEnd! - r.byteStart!;
    const head = heads.subarray(r.headAt!, r.headAt! + Math.min(length, HEAD_BYTES));
    const whole = () => readEntryText(this.#repo.documents.textPath(r.documentId!), r.byteStart!, r.byteEnd!) ?? head.toString('utf8');
    return snippetOfEntry(head, length, whole, matcher);
  }

  /** Changes with every write to the inventory's children (pseudonyms, raters) or ratings. */
  #ratingState(): string {
    return `${this.#repo.records.seqOf(inventoryChildren)}:${this.#repo.records.seqOf(inventoryRatings)}`;
  }

  /** The code filter's scope, rebuilt only when the codebook or the codings change. */
  #codeScope(codeId: string): CodeScope | null {
    const records = this.#repo.records;
    const key = `${records.seqOf(codes)}:${records.seqOf(codings)}:${codeId}`;
    if (this.#scope?.key !== key) this.#scope = { key, scope: codeScope(records.list(codes), records.list(codings), codeId) };
    return this.#scope.scope;
  }

  /** Ranked hits for `query` among what `filter` lets through, with `total` counting every match. */
  async search(query: string, filter: SearchFilter): Promise<{ hits: SearchHit[]; total: number }> {
    await this.sync();
    return this.#query(query, filter);
  }

  #query(query: string, filter: SearchFilter): { hits: SearchHit[]; total: number } {
    // Codes are research material: to anyone who may not see memos, every code is unknown.
    const scope = filter.code === undefined ? undefined : filter.memos ? this.#codeScope(filter.code) : null;
    if (scope === null) return { hits: [], total: 0 };
    // Read into constants: the filter below then sees the same shapes whoever calls (the route, the
    // warm-up, the bench pass differently built filter objects, and V8 recompiled it for each).
    const { families, type, family, question, author, from, to } = filter;
    const memosToo = filter.memos === true;
    const ratingsAll = filter.ratings === 'all';
    const ratingsOwn = typeof filter.ratings === 'object' ? filter.ratings.own : null;
    const ranked = this.#index.search(query.normalize('NFC'), {
      offset: filter.offset ?? 0,
      limit: filter.limit ?? MAX_HITS,
      // Everything the filter below depends on, so that its verdicts can be remembered.
      filterKey: JSON.stringify([[...families].sort(), memosToo, ratingsAll, ratingsOwn, type, family, question, author, from, to, scope ? this.#scope!.key : null]),
      filter: (r) =>
        (r.type === 'memo'
          ? memosToo && (r.familyId === null || families.has(r.familyId))
          : r.type === 'rating'
            ? ratingsAll || (ratingsOwn !== null && r.authorId === ratingsOwn)
            : families.has(r.familyId!)) &&
        (!family || r.familyId === family) &&
        (!type || r.type === type) &&
        (!question || r.questionId === question) &&
        (!author || r.authorId === author) &&
        (from === undefined || (r.year !== null && r.year >= from)) &&
        (to === undefined || (r.year !== null && r.year <= to)) &&
        (!scope || inScope(scope, r)),
    });
    const matcher = new TermMatcher(ranked.terms);
    const hits = ranked.hits.map(({ doc: r, score }): SearchHit => ({
      type: r.type,
      id: r.id,
      title: r.title,
      ...this.#snippetOf(r, matcher),
      score: Math.round(score * 100) / 100,
      familyId: r.familyId,
      documentId: r.documentId,
      start: r.start,
      questionId: r.questionId,
      authorId: r.authorId,
      year: r.year,
      childId: r.type === 'rating' ? r.ref : null,
    }));
    return { hits, total: ranked.total };
  }
}
