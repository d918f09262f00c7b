// Study search: the call, the codes for its filter, and the pure helpers the results page needs — where a
// hit leads (hitRoute) and how hits group by kind (groupHits).
// Example: const page = await searchStudy(api, 'demo', 'oro', { type: 'annotation' }, { offset: 0, limit: 50 });
import type { SearchHit, SearchPage } from '../../server/domain/types.ts';
import { hrefFor, type Route, type SearchFilters, type SearchKind } from '../route.ts';
import { seg, type Api } from './api.ts';

export type { SearchHit, SearchPage } from '../../server/domain/types.ts';

/** A code of the study's codebook, as the code filter lists it. */
export interface CodeOption {
  id: string;
  name: string;
  parentId: string | null;
  /** Depth in the tree (0 = top level), when the server gives it. */
  depth?: number;
}

/** The kinds in the order the results page shows them. */
export const SEARCH_KINDS: readonly SearchKind[] = ['entry', 'annotation', 'reflection', 'appraisal', 'memo', 'rating'];

/** What a målgruppsinventering holds to search: only the children's ratings. */
export const INVENTORY_SEARCH_KINDS: readonly SearchKind[] = ['rating'];

/** Hits per request. */
export const SEARCH_PAGE_SIZE = 50;

/** Searches the study; `filters` as in the URL, `offset`/`limit` page through all matches. */
export function searchStudy(api: Api, studyId: string, query: string, filters: SearchFilters, page: { offset: number; limit: number }): Promise<SearchPage> {
  const params = new URLSearchParams({ q: query });
  for (const key of ['type', 'family', 'question', 'code', 'author'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.from !== undefined) params.set('from', String(filters.from));
  if (filters.to !== undefined) params.set('to', String(filters.to));
  params.set('offset', String(page.offset));
  params.set('limit', String(page.limit));
  return api.request('GET', `/api/studies/${seg(studyId)}/search?${params}`);
}

/** The study's codebook (researchers and the lead; others get 403). */
export function fetchCodeOptions(api: Api, studyId: string): Promise<CodeOption[]> {
  return api.request('GET', `/api/studies/${seg(studyId)}/codes`);
}

/** Where a hit opens: the exact entry, annotation, reflection, investigation (its appraisal), memo or rated child; null when the hit says too little. */
export function hitRoute(studyId: string, hit: SearchHit): Route | null {
  const family = hit.familyId;
  switch (hit.type) {
    case 'entry':
      if (!family || !hit.documentId || hit.start === null) return null;
      return { name: 'family', studyId, familyId: family, tab: 'akt', target: { kind: 'entry', documentId: hit.documentId, offset: hit.start } };
    case 'annotation': {
      const annotationId = hit.id.startsWith('a:') ? hit.id.slice(2) : '';
      if (!family || !annotationId) return null;
      return { name: 'family', studyId, familyId: family, tab: 'akt', target: { kind: 'annotation', annotationId } };
    }
    case 'reflection': {
      const prefix = `r:${family}:`;
      const key = family && hit.id.startsWith(prefix) ? hit.id.slice(prefix.length) : '';
      if (!family || !key) return null;
      return { name: 'family', studyId, familyId: family, tab: 'reflektioner', target: { kind: 'reflection', key } };
    }
    case 'appraisal': {
      const investigationId = hit.id.startsWith('b:') ? hit.id.slice(2) : '';
      if (!family || !investigationId) return null;
      return { name: 'family', studyId, familyId: family, tab: 'utredningar', target: { kind: 'investigation', investigationId } };
    }
    case 'memo': {
      const memoId = hit.id.startsWith('m:') ? hit.id.slice(2) : '';
      return memoId ? { name: 'memo', studyId, memoId } : null;
    }
    case 'rating':
      return hit.childId ? { name: 'child', studyId, childId: hit.childId } : null;
    default:
      return null;
  }
}

/** The link of a hit, or '' when it leads nowhere. */
export function hitHref(studyId: string, hit: SearchHit): string {
  const route = hitRoute(studyId, hit);
  return route ? hrefFor(route) : '';
}

/** Hits by kind, in SEARCH_KINDS order, each keeping the server's ranking; kinds without hits are left out. */
export function groupHits(hits: readonly SearchHit[]): { kind: SearchKind; hits: SearchHit[] }[] {
  return SEARCH_KINDS.map((kind) => ({ kind, hits: hits.filter((h) => h.type === kind) })).filter((g) => g.hits.length > 0);
}
