// The search measurement shared by the normal bench and the scale mode: StudySearch in this process
// (no HTTP, no audit append), sync() builds the index (and copies its long posting lists, and runs a
// few searches of its own so that V8 has compiled the ranking: see StudySearch#warmUp); then 200
// 2-word queries (stemmed, prefix + fuzzy, compounds) with snippets and highlights over every family.
import { StudySearch } from '../../server/search/study-search.ts';
import type { StudyRepo } from '../../server/store/study-repo.ts';
import { timeEach } from './stats.ts';

const VOCABULARY = ['mamma', 'skolan', 'hembesök', 'utredning', 'kontaktfamilj', 'frånvaro', 'samtal', 'förskolan', 'placering', 'oro'];
export const SEARCH_QUERIES = Array.from({ length: 200 }, (_, i) => `${VOCABULARY[i % 10]} ${VOCABULARY[(i * 7 + 3) % 10]!.slice(0, 6)}`);

/** Builds the index of `repo` and times every query; returns the build time and the query times (ms). */
export async function timeSearch(repo: StudyRepo): Promise<{ indexMs: number; times: number[] }> {
  const search = new StudySearch(repo);
  const t = performance.now();
  await search.sync();
  const indexMs = performance.now() - t;
  const everyone = new Set(repo.study.families.map((f) => f.id));
  const times = await timeEach(SEARCH_QUERIES.length, (i) => search.search(SEARCH_QUERIES[i]!, { families: everyone }));
  return { indexMs, times };
}
