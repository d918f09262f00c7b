// Full-text search over one study: the dated entries of every document, annotations, caseworker
// reflections, the comments of kortutredning appraisals and researchers' memos, in one index
// (ranked-index.ts). Built on the first search, then kept in step incrementally: new documents are
// added, a family whose revision changed has its annotations, reflections and appraisals indexed
// again, and the memos and a målgruppsinventering's ratings are indexed again when they change.
// Results are filtered to what the user may see: their families, memos only for researchers and the
// lead, and ratings as GET …/inventory/children shows them (a caseworker only their own).
import { markdownText } from '../domain/markdown.ts';
import { lastStartingAtOrBefore } from '../domain/sorted-spans.ts';
import type { InvestigationAppraisal } from '../domain/checklist/checklist-types.ts';
import type { InventoryChild, InventoryRating } from '../domain/inventory/inventory-types.ts';
import type { Code, Coding, Entry, HitType, Memo, SearchHit } from '../domain/types.ts';
import type { StudyRepo } from '../store/study-repo.ts';
import { annotations, appraisals, reflections } from '../store/family-collections.ts';
import { codes, codings, memos } from '../store/study-collections.ts';
import { inventoryChildren, inventoryRatings } from '../store/inventory-collections.ts';
import { RankedIndex, type RankedDocument } from './ranked-index.ts';
import { TermMatcher } from './swedish-terms.ts';

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

interface Indexed extends RankedDocument {
  type: HitType;
  familyId: string | null;
  documentId: string | null;
  start: number | null;
  /** Where an entry ends in its document (to match coded passages); null for the others. */
  end: number | null;
  questionId: string | null;
  authorId: string | null;
  year: number | null;
  /** What a coding or a code memo names: the annotation id, "<familyId>:<key>" of a reflection, a memo's code id; an appraisal's id; a rating's child id. */
  ref: string | null;
}

/**
 * Every indexed record is made here, in one shape. Its nullable number fields are widened first (a
 * record with nulls, one with numbers): otherwise the first annotation (end: null) after thousands of
 * entries (end: a number) changes the shape, and each older record is converted when a search first
 * touches it, which made the first searches after a start several times slower.
 */
function record(r: Indexed): Indexed {
  return {
    id: r.id, title: r.title, text: r.text, type: r.type, familyId: r.familyId, documentId: r.documentId, start: r.start, end: r.end,
    questionId: r.questionId, authorId: r.authorId, year: r.year, ref: r.ref,
  };
}
for (const [n, s] of [[null, null], [0, '']] as const) {
  record({ id: '', title: '', text: '', type: 'entry', familyId: s, documentId: s, start: n, end: n, questionId: s, authorId: s, year: n, ref: s });
}

const MAX_HITS = 50;
/** The family records the index holds; other collections (reading progress) do not make it re-index. */
const INDEXED_COLLECTIONS = [annotations, reflections, appraisals];
const INDEX_SLICE = 200;

const yearOf = (isoDate: string): number | null => (/^\d{4}/.test(isoDate) ? Number(isoDate.slice(0, 4)) : null);

/** The year of the dated entry that contains `offset` (entries are in text order). */
function yearAt(entries: readonly Entry[], offset: number): number | null {
  const entry = entries[lastStartingAtOrBefore(entries, offset)];
  return entry ? yearOf(entry.date) : null;
}

/** Where an appraisal's investigation starts: its id is `<documentId>:<startEntryIndex>`. */
function appraisalPlace(a: InvestigationAppraisal): { documentId: string; entryIndex: number } {
  const colon = a.id.lastIndexOf(':');
  return { documentId: a.id.slice(0, Math.max(0, colon)), entryIndex: Number(a.id.slice(colon + 1)) };
}

/**
 * An appraisal's comment as a hit: titled and dated by the start in effect (the appraisal's own
 * correction, else the start entry's date), placed at the start entry when its document is known.
 */
function appraisalDocument(familyId: string, a: InvestigationAppraisal, entriesOf: ReadonlyMap<string, readonly Entry[]>): Indexed {
  const { documentId, entryIndex } = appraisalPlace(a);
  const entry = entriesOf.get(documentId)?.[entryIndex];
  const start = a.start ?? entry?.date ?? null;
  return record({
    id: `b:${a.id}`, type: 'appraisal', title: start ? `Bedömning av utredning ${start}` : 'Bedömning av utredning', text: a.comment.normalize('NFC'),
    familyId, documentId: documentId || null, start: entry?.start ?? null, end: null, questionId: null, authorId: a.updatedBy,
    year: start ? yearOf(start) : null, ref: a.id,
  });
}

/** A rating's reason as a hit, titled by the child's pseudonym; a second rater's says so. */
function ratingDocument(r: InventoryRating, child: InventoryChild): Indexed {
  const second = r.raterId !== child.caseworkerId;
  return record({
    id: `g:${r.id}`, type: 'rating', title: `${child.pseudonym}${second ? ' – andra bedömningen' : ''}`.normalize('NFC'), text: r.reason.normalize('NFC'),
    familyId: null, documentId: null, start: null, end: null, questionId: null, authorId: r.raterId, year: null, ref: child.id,
  });
}

const SNIPPET_BEFORE = 60;
const SNIPPET_AFTER = 100;
const LETTER = /[\p{L}\p{N}\p{M}]/u;

/**
 * About 60 characters before and 100 after the first word of `text` that matched, cut at word
 * boundaries, with the matched words' places in it. Offsets are into the snippet as sent: plain text,
 * never HTML, so the client marks them without parsing anything.
 */
export function snippet(text: string, matcher: TermMatcher): { snippet: string; highlights: [number, number][] } {
  const at = Math.max(0, matcher.first(text));
  let from = Math.max(0, at - SNIPPET_BEFORE);
  let to = Math.min(text.length, at + SNIPPET_AFTER);
  // Not half a word at either end (unless the word is very long).
  for (let i = 0; from > 0 && i < 20 && LETTER.test(text[from - 1]!) && from < at; i++) from++;
  for (let i = 0; to < text.length && i < 20 && LETTER.test(text[to]!) && to > at + 1; i++) to--;
  const before = from > 0 ? '…' : '';
  let rest = to;
  while (rest < text.length && /\s/.test(text[rest]!)) rest++;
  const after = rest < text.length ? '…' : '';
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  const body = text.slice(from, to);
  const out = `${before}${/\s\s|[^\S ]/.test(body) ? body.replace(/\s+/g, ' ') : body}${after}`;
  return { snippet: out, highlights: matcher.all(out) };
}

/** What a code filter lets through: everything coded with the code or one of its descendants. */
interface CodeScope {
  annotations: Set<string>;
  reflections: Set<string>;
  /** Coded passages per document: [start, end) ranges. */
  passages: Map<string, [number, number][]>;
  /** The code and its descendants: memos about one of them pass. */
  codes: Set<string>;
}

function codeScope(all: readonly Code[], coded: readonly Coding[], codeId: string): CodeScope | null {
  if (!all.some((c) => c.id === codeId)) return null;
  const children = new Map<string, string[]>();
  for (const c of all) if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  const scope: CodeScope = { annotations: new Set(), reflections: new Set(), passages: new Map(), codes: new Set([codeId]) };
  // Breadth first; the set guards against a cycle in damaged data.
  for (const id of scope.codes) for (const child of children.get(id) ?? []) scope.codes.add(child);
  for (const c of coded) {
    if (!scope.codes.has(c.codeId)) continue;
    const t = c.target;
    if (t.type === 'annotation') scope.annotations.add(t.id);
    else if (t.type === 'reflection') scope.reflections.add(`${t.familyId}:${t.key}`);
    else scope.passages.set(t.documentId, [...(scope.passages.get(t.documentId) ?? []), [t.start, t.end]]);
  }
  return scope;
}

function inScope(scope: CodeScope, r: Indexed): boolean {
  switch (r.type) {
    case 'annotation':
      return scope.annotations.has(r.ref!);
    case 'reflection':
      return scope.reflections.has(r.ref!);
    case 'memo':
      return r.ref !== null && scope.codes.has(r.ref);
    case 'appraisal':
    case 'rating':
      return false; // appraisals and ratings cannot be coded
    case 'entry': {
      const ranges = scope.passages.get(r.documentId!);
      return !!ranges && ranges.some(([start, end]) => start < r.end! && r.start! < end);
    }
  }
}

export class StudySearch {
  #repo: StudyRepo;
  #index = new RankedIndex<Indexed>();
  #documents = new Set<string>();
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

  #upToDate(): boolean {
    const study = this.#repo.study;
    if (this.#documents.size !== study.documents.length || this.#memoSeq !== this.#repo.records.seqOf(memos)) return false;
    if (this.#ratingSeq !== this.#ratingState()) return false;
    for (const family of study.families) {
      if (this.#familyRevisions.get(family.id) !== this.#repo.familyRevision(family.id, INDEXED_COLLECTIONS) || !this.#familyIds.has(family.id)) return false;
    }
    return true;
  }

  async #sync(): Promise<void> {
    let added = false;
    for (const meta of this.#repo.study.documents) {
      if (this.#documents.has(meta.id)) continue;
      added = true;
      const { text, entries } = await this.#repo.documents.read(meta.id);
      // The text before the first dated entry (a file's header, or an undated document) is searchable too.
      const sections = [
        { start: 0, end: entries[0]?.start ?? text.length, title: meta.title, year: null },
        ...entries.map((e) => ({ ...e, title: `${e.date} ${e.title}`.trim(), year: yearOf(e.date) })),
      ];
      const docs: Indexed[] = sections
        .filter((e) => e.end > e.start && text.slice(e.start, e.end).trim())
        .map((e) => record({
          id: `e:${meta.id}:${e.start}`, type: 'entry' as const, title: e.title, text: text.slice(e.start, e.end),
          familyId: meta.familyId, documentId: meta.id, start: e.start, end: e.end, questionId: null, authorId: null, year: e.year, ref: null,
        }));
      // In slices, so that a 5 MB case file does not hold up requests for seconds.
      for (let i = 0; i < docs.length; i += INDEX_SLICE) {
        this.#index.add(docs.slice(i, i + INDEX_SLICE));
        await new Promise((resolve) => setImmediate(resolve));
      }
      this.#documents.add(meta.id);
    }
    const questions = new Map(this.#repo.study.questions.map((q) => [q.id, q.label]));
    for (const family of this.#repo.study.families) {
      const revision = this.#repo.familyRevision(family.id, INDEXED_COLLECTIONS);
      if (this.#familyRevisions.get(family.id) === revision && this.#familyIds.has(family.id)) continue;
      const data = this.#repo.familyData(family.id);
      const commented = this.#repo.familyRecords(family.id, appraisals).filter((a) => a.comment.trim());
      const known = new Set(this.#repo.study.documents.map((d) => d.id));
      const entriesOf = new Map<string, Entry[]>();
      const read = new Set([...data.annotations.map((a) => a.documentId), ...commented.map((a) => appraisalPlace(a).documentId).filter((id) => known.has(id))]);
      for (const id of read) entriesOf.set(id, (await this.#repo.documents.read(id)).entries);
      const docs: Indexed[] = [
        ...data.annotations.map((a) => record({
          id: `a:${a.id}`, type: 'annotation' as const, title: questions.get(a.questionId) ?? a.questionId, text: `${markdownText(a.comment)}\n${a.target.exact}`.normalize('NFC'),
          familyId: family.id, documentId: a.documentId, start: a.target.start, end: null, questionId: a.questionId, authorId: a.authorId,
          year: yearAt(entriesOf.get(a.documentId) ?? [], a.target.start), ref: a.id,
        })),
        ...Object.entries(data.reflections).filter(([, r]) => r.text.trim()).map(([key, r]) => record({
          id: `r:${family.id}:${key}`, type: 'reflection' as const, title: key === 'summary' ? 'Sammanfattning' : questions.get(key) ?? key, text: markdownText(r.text).normalize('NFC'),
          familyId: family.id, documentId: null, start: null, end: null, questionId: key === 'summary' ? null : key, authorId: r.updatedBy, year: null,
          ref: `${family.id}:${key}`,
        })),
        ...commented.map((a) => appraisalDocument(family.id, a, entriesOf)),
      ];
      const old = this.#familyIds.get(family.id) ?? [];
      if (old.length) this.#index.discard(old);
      this.#index.add(docs);
      this.#familyIds.set(family.id, docs.map((d) => d.id));
      this.#familyRevisions.set(family.id, revision);
    }
    const memoSeq = this.#repo.records.seqOf(memos);
    if (memoSeq !== this.#memoSeq) {
      const docs = this.#repo.records.list(memos).map((m) => this.#memoDocument(m, questions));
      if (this.#memoIds.length) this.#index.discard(this.#memoIds);
      this.#index.add(docs);
      this.#memoIds = docs.map((d) => d.id);
      this.#memoSeq = memoSeq;
    }
    const ratingSeq = this.#ratingState();
    if (ratingSeq !== this.#ratingSeq) {
      const children = new Map(this.#repo.records.list(inventoryChildren).map((c) => [c.id, c]));
      const docs = this.#repo.records.list(inventoryRatings).flatMap((r) => {
        const child = children.get(r.childId);
        return child && r.reason.trim() ? [ratingDocument(r, child)] : [];
      });
      if (this.#ratingIds.length) this.#index.discard(this.#ratingIds);
      this.#index.add(docs);
      this.#ratingIds = docs.map((d) => d.id);
      this.#ratingSeq = ratingSeq;
    }
    // After an import, not after every edit: an edit changes few long lists, and those are copied again when searched.
    if (added) {
      await this.#index.prepare();
      this.#warmUp();
    }
  }

  /**
   * A few searches for the index's own frequent words, with snippets, results thrown away: until V8
   * has compiled the ranking and fuzzy matching, a search runs several times slower, and without this
   * the first users after a start or an import would be the ones waiting.
   */
  #warmUp(): void {
    const words = this.#index.commonTerms();
    const families = new Set(this.#repo.study.families.map((f) => f.id));
    for (let i = 0; i < words.length; i++) {
      this.#query(i % 2 ? `${words[i]} ${words[i - 1]!.slice(0, 6)}` : words[i]!, { families, memos: true, limit: 10 });
    }
  }

  /** Changes with every write to the inventory's children (pseudonyms, raters) or ratings. */
  #ratingState(): string {
    return `${this.#repo.records.seqOf(inventoryChildren)}:${this.#repo.records.seqOf(inventoryRatings)}`;
  }

  #memoDocument(m: Memo, questions: Map<string, string>): Indexed {
    // A meta-reflection is about "<familyId>:<key>"; its key is a question id or 'summary'.
    let questionId: string | null = null;
    if (m.about.type === 'reflection') {
      const key = m.about.id.slice(m.about.id.indexOf(':') + 1);
      if (questions.has(key)) questionId = key;
    }
    return record({
      id: `m:${m.id}`, type: 'memo', title: m.title.normalize('NFC'), text: markdownText(m.body).normalize('NFC'),
      familyId: m.familyId, documentId: null, start: null, end: null, questionId, authorId: m.authorId, year: null,
      ref: m.about.type === 'code' ? m.about.id : null,
    });
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
      ...snippet(r.text, matcher),
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

/** One search index per study, created on first use. */
export class SearchIndexes {
  #indexes = new Map<string, StudySearch>();

  for(repo: StudyRepo): StudySearch {
    let index = this.#indexes.get(repo.id);
    if (!index) this.#indexes.set(repo.id, (index = new StudySearch(repo)));
    return index;
  }

  /** Drops an erased study's index (and every text it held). */
  forget(studyId: string): void {
    this.#indexes.delete(studyId);
  }
}
