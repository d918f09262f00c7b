// The search indexes of the server's studies, one per study, created on first use, and how long a
// search waits for its index: a search made while one is still being built (after a restart or a large
// import) is answered with how far it has come, not held until it is done.
import { DomainError } from '../domain/errors.ts';
import type { StudyRepo } from '../store/study-repo.ts';
import { StudySearch, type IndexProgress } from './study-search.ts';

/**
 * How long a search waits for the index to come up to date before it is answered 503 index_building
 * with how far the building has come. An edit is indexed in milliseconds; after a restart, a large
 * study takes half a minute, longer than a proxy would wait for an answer.
 */
export const SEARCH_WAIT_MS = 3000;

/** The index is still being built: 503, with `done` and `total` so the client can show how far. */
export class IndexBuildingError extends DomainError {
  readonly status = 503;
  override readonly retryAfterSeconds = 2;
  constructor(progress: IndexProgress) {
    const percent = progress.total ? Math.floor((100 * progress.done) / progress.total) : 0;
    super('index_building', `Sökindexet byggs (${percent} %). Försök igen om en stund.`, { ...progress });
  }
}

/** One search index per study, created on first use. */
export class SearchIndexes {
  #indexes = new Map<string, StudySearch>();
  #waitMs: number;

  /** `waitMs`: how long a search waits for its index (SEARCH_WAIT_MS; tests give 0). */
  constructor(options: { waitMs?: number } = {}) {
    this.#waitMs = options.waitMs ?? SEARCH_WAIT_MS;
  }

  /** The study's index once it is up to date; IndexBuildingError if that takes longer than the wait. */
  async ready(repo: StudyRepo): Promise<StudySearch> {
    const index = this.for(repo);
    if (await index.readyWithin(this.#waitMs)) return index;
    throw new IndexBuildingError(index.progress ?? { done: 0, total: 0 });
  }

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
