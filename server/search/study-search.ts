// Full-text search over one study: the dated entries of every document, annotations and
// caseworker reflections, in one minisearch index. Built on the first search, then kept in step
// incrementally: new documents are added, and a family whose revision changed has its annotations
// and reflections indexed again. Results are filtered to the families the user may see.
import MiniSearch from 'minisearch';
import type { Entry } from '../domain/types.ts';
import type { StudyRepo } from '../store/study-repo.ts';
import { annotations, reflections } from '../store/family-collections.ts';
import { stemTerm } from './swedish-terms.ts';

export type HitType = 'entry' | 'annotation' | 'reflection';

export interface SearchHit {
  type: HitType;
  id: string;
  title: string;
  snippet: string;
  score: number;
  familyId: string;
  documentId: string | null;
  /** Offset in the document: where an entry or an annotation starts. */
  start: number | null;
  questionId: string | null;
  authorId: string | null;
  year: number | null;
}

export interface SearchFilter {
  families: Set<string>;
  type?: HitType;
  family?: string;
  question?: string;
  /** User id: who wrote the annotation or last saved the reflection (entries have no author). */
  author?: string;
  /** Years of the entry (for an annotation: of the entry it marks; reflections have none). */
  from?: number;
  to?: number;
  /** Paging over all matches; `total` counts every match. */
  offset?: number;
  limit?: number;
}

interface Indexed {
  id: string;
  type: HitType;
  title: string;
  text: string;
  familyId: string;
  documentId: string | null;
  start: number | null;
  questionId: string | null;
  authorId: string | null;
  year: number | null;
}

const MAX_HITS = 50;
/** The family records the index holds; other collections (reading progress) do not make it re-index. */
const INDEXED_COLLECTIONS = [annotations, reflections];
const INDEX_SLICE = 200;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * Lower-case words: letters and digits, split at everything else ("12-åring" → "12", "åring").
 * A hand scan with a Latin-1 fast path: on 40 MB a Unicode-property regex split is several times slower.
 * Stored texts are NFC already (import normalises them); queries are normalised by `search`.
 */
export function tokenise(text: string): string[] {
  const lower = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    const word =
      (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xdf && c <= 0xff && c !== 0xf7) ||
      c === 0xaa || c === 0xb5 || c === 0xba || (c > 0xff && WORD_CHAR.test(lower[i]!));
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      words.push(lower.slice(start, i));
      start = -1;
    }
  }
  return words;
}

const yearOf = (isoDate: string): number | null => (/^\d{4}/.test(isoDate) ? Number(isoDate.slice(0, 4)) : null);

/** The year of the dated entry that contains `offset` (entries are in text order). */
function yearAt(entries: readonly Entry[], offset: number): number | null {
  let lo = 0;
  let hi = entries.length - 1;
  let found: Entry | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid]!.start <= offset) {
      found = entries[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found ? yearOf(found.date) : null;
}

/** About 60 characters either side of the first query term found in `text`. */
function snippet(text: string, terms: string[]): string {
  const lower = text.toLocaleLowerCase('sv');
  const at = terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? 0;
  const from = Math.max(0, at - 60);
  const to = Math.min(text.length, at + 100);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
}

export class StudySearch {
  #repo: StudyRepo;
  #index = new MiniSearch<Indexed>({
    fields: ['title', 'text'],
    storeFields: ['type', 'title', 'text', 'familyId', 'documentId', 'start', 'questionId', 'authorId', 'year'],
    tokenize: tokenise,
    processTerm: stemTerm,
  });
  #documents = new Set<string>();
  #familyRevisions = new Map<string, number>();
  #familyIds = new Map<string, string[]>();
  #syncing: Promise<void> = Promise.resolve();

  constructor(repo: StudyRepo) {
    this.#repo = repo;
  }

  /**
   * Brings the index up to date with the store: new documents, changed families. Yields to the event
   * loop between documents, so building the index of a large study does not stall the server.
   */
  sync(): Promise<void> {
    // One sync at a time: two interleaved ones would index the same document twice.
    const run = this.#syncing.then(() => this.#sync());
    this.#syncing = run.catch(() => undefined);
    return run;
  }

  async #sync(): Promise<void> {
    for (const meta of this.#repo.study.documents) {
      if (this.#documents.has(meta.id)) continue;
      const { text, entries } = await this.#repo.documents.read(meta.id);
      // The text before the first dated entry (a file's header, or an undated document) is searchable too.
      const sections = [
        { start: 0, end: entries[0]?.start ?? text.length, title: meta.title, year: null },
        ...entries.map((e) => ({ ...e, title: `${e.date} ${e.title}`.trim(), year: yearOf(e.date) })),
      ];
      const docs: Indexed[] = sections
        .filter((e) => e.end > e.start && text.slice(e.start, e.end).trim())
        .map((e) => ({
          id: `e:${meta.id}:${e.start}`, type: 'entry' as const, title: e.title, text: text.slice(e.start, e.end),
          familyId: meta.familyId, documentId: meta.id, start: e.start, questionId: null, authorId: null, year: e.year,
        }));
      // In slices, so that a 5 MB case file does not hold up requests for seconds.
      for (let i = 0; i < docs.length; i += INDEX_SLICE) {
        this.#index.addAll(docs.slice(i, i + INDEX_SLICE));
        await new Promise((resolve) => setImmediate(resolve));
      }
      this.#documents.add(meta.id);
    }
    for (const family of this.#repo.study.families) {
      const revision = this.#repo.familyRevision(family.id, INDEXED_COLLECTIONS);
      if (this.#familyRevisions.get(family.id) === revision && this.#familyIds.has(family.id)) continue;
      const old = this.#familyIds.get(family.id) ?? [];
      if (old.length) this.#index.discardAll(old);
      const data = this.#repo.familyData(family.id);
      const questions = new Map(this.#repo.study.questions.map((q) => [q.id, q.label]));
      const entriesOf = new Map<string, Entry[]>();
      for (const id of new Set(data.annotations.map((a) => a.documentId))) entriesOf.set(id, (await this.#repo.documents.read(id)).entries);
      const docs: Indexed[] = [
        ...data.annotations.map((a) => ({
          id: `a:${a.id}`, type: 'annotation' as const, title: questions.get(a.questionId) ?? a.questionId, text: `${a.comment}\n${a.target.exact}`,
          familyId: family.id, documentId: a.documentId, start: a.target.start, questionId: a.questionId, authorId: a.authorId,
          year: yearAt(entriesOf.get(a.documentId) ?? [], a.target.start),
        })),
        ...Object.entries(data.reflections).filter(([, r]) => r.text.trim()).map(([key, r]) => ({
          id: `r:${family.id}:${key}`, type: 'reflection' as const, title: key === 'summary' ? 'Sammanfattning' : questions.get(key) ?? key, text: r.text,
          familyId: family.id, documentId: null, start: null, questionId: key === 'summary' ? null : key, authorId: r.updatedBy, year: null,
        })),
      ];
      this.#index.addAll(docs);
      this.#familyIds.set(family.id, docs.map((d) => d.id));
      this.#familyRevisions.set(family.id, revision);
    }
  }

  /** Ranked hits for `query` among the families in `filter.families`. */
  async search(query: string, filter: SearchFilter): Promise<{ hits: SearchHit[]; total: number }> {
    await this.sync();
    const terms = tokenise(query.normalize('NFC'));
    if (!terms.length) return { hits: [], total: 0 };
    const results = this.#index.search(terms.join(' '), {
      combineWith: 'AND',
      // Prefix and fuzzy matching only for longer terms: on short ones they match half the language.
      prefix: (term) => term.length >= 4,
      fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
      boost: { title: 2 },
      filter: (r) =>
        filter.families.has(r.familyId) &&
        (!filter.family || r.familyId === filter.family) &&
        (!filter.type || r.type === filter.type) &&
        (!filter.question || r.questionId === filter.question) &&
        (!filter.author || r.authorId === filter.author) &&
        (filter.from === undefined || (r.year !== null && r.year >= filter.from)) &&
        (filter.to === undefined || (r.year !== null && r.year <= filter.to)),
    });
    // Stems are what the words have in common: the snippet is centred on the first of them it finds.
    const stems = terms.map(stemTerm);
    const offset = filter.offset ?? 0;
    const hits = results.slice(offset, offset + (filter.limit ?? MAX_HITS)).map((r) => ({
      type: r.type as HitType,
      id: String(r.id),
      title: r.title as string,
      snippet: snippet(r.text as string, stems),
      score: Math.round(r.score * 100) / 100,
      familyId: r.familyId as string,
      documentId: (r.documentId as string | null) ?? null,
      start: (r.start as number | null) ?? null,
      questionId: (r.questionId as string | null) ?? null,
      authorId: (r.authorId as string | null) ?? null,
      year: (r.year as number | null) ?? null,
    }));
    return { hits, total: results.length };
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
