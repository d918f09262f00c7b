// Hash routes of the app. Pure: parseRoute('#/studier/s1/familjer/f1') and hrefFor(route) round-trip.
import type { HitType } from '../server/domain/types.ts';
export type Route =
  | { name: 'home' }
  | { name: 'study'; studyId: string }
  | { name: 'family'; studyId: string; familyId: string; tab: FamilyTab; target?: FamilyTarget }
  | { name: 'settings'; studyId: string }
  | { name: 'audit'; studyId: string }
  | { name: 'progress'; studyId: string }
  | { name: 'archive-import'; studyId: string }
  | { name: 'accounts' }
  | { name: 'new-study' }
  | { name: 'search'; studyId: string; query: string; filters: SearchFilters }
  | { name: 'memo'; studyId: string; memoId: string }
  | { name: 'codebook'; studyId: string }
  | { name: 'matrix'; studyId: string; cols: 'question' | 'family' }
  | { name: 'memos'; studyId: string }
  | { name: 'code'; studyId: string; codeId: string }
  | { name: 'agreement'; studyId: string }
  | { name: 'agreement-round'; studyId: string; roundId: string }
  | { name: 'literature'; studyId: string }
  | { name: 'exports'; studyId: string }
  /** The study's investigations (utredningar) and their appraisals against the kortutredning checklist. */
  | { name: 'investigations'; studyId: string }
  /** A målgruppsinventering's summary: distribution, intervals, agreement, chart. */
  | { name: 'inventory-summary'; studyId: string }
  /** A målgruppsinventering's study page with one child selected (a rating hit opens it): '#/studier/s/barn/barn-0001'. */
  | { name: 'child'; studyId: string; childId: string }
  /** The study report: the lead's choices as the report's query string ('questions=a,b&quotes=3&suppress=5'). */
  | { name: 'report'; studyId: string; options: string }
  | { name: 'presentation'; studyId: string; options: string; slide: number }
  | { name: 'presentation-notes'; studyId: string; options: string; slide: number }
  | { name: 'not-found' };

/** The tabs of a family's page: the case file, the reflections, the investigations (utredningar). */
export type FamilyTab = 'akt' | 'reflektioner' | 'utredningar';

/** A place on a family's page to open at (a search hit): an entry of a document at an offset, an
 * annotation (its card), one reflection (its key: a question id or 'summary'), or one investigation's appraisal. */
export type FamilyTarget =
  | { kind: 'entry'; documentId: string; offset: number }
  | { kind: 'annotation'; annotationId: string }
  | { kind: 'reflection'; key: string }
  | { kind: 'investigation'; investigationId: string };

/** What a search hit is: an entry of the case file, an annotation, a reflection, an appraisal, a memo or a child's rating. */
export type SearchKind = HitType;

/** The search filters that live in the URL (so back and forward restore them); absent = no filter. */
export interface SearchFilters {
  type?: SearchKind;
  family?: string;
  question?: string;
  code?: string;
  author?: string;
  /** Years of the entry, inclusive. */
  from?: number;
  to?: number;
}

// The search URL's parameters in Swedish, in the order hrefFor writes them: '#/studier/s/sok?q=oro&typ=markeringar'.
const KIND_SLUGS: Record<SearchKind, string> = { entry: 'anteckningar', annotation: 'markeringar', reflection: 'reflektioner', appraisal: 'bedomningar', memo: 'memon', rating: 'barn' };
const FILTER_PARAMS = { type: 'typ', family: 'familj', question: 'fraga', code: 'kod', author: 'forfattare', from: 'fran', to: 'till' } as const;

function parseYear(value: string | null): number | undefined {
  return value && /^\d{4}$/.test(value) ? Number(value) : undefined;
}

/** The filters in a search URL's query string; unknown or malformed values are left out. */
function parseFilters(params: URLSearchParams): SearchFilters {
  const filters: SearchFilters = {};
  const slug = params.get(FILTER_PARAMS.type);
  const type = (Object.keys(KIND_SLUGS) as SearchKind[]).find((k) => KIND_SLUGS[k] === slug);
  if (type) filters.type = type;
  for (const key of ['family', 'question', 'code', 'author'] as const) {
    const value = params.get(FILTER_PARAMS[key]);
    if (value) filters[key] = value;
  }
  const from = parseYear(params.get(FILTER_PARAMS.from));
  const to = parseYear(params.get(FILTER_PARAMS.to));
  if (from !== undefined) filters.from = from;
  if (to !== undefined) filters.to = to;
  return filters;
}

function searchHref(studyId: string, query: string, filters: SearchFilters): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (filters.type) params.set(FILTER_PARAMS.type, KIND_SLUGS[filters.type]);
  for (const key of ['family', 'question', 'code', 'author'] as const) {
    const value = filters[key];
    if (value) params.set(FILTER_PARAMS[key], value);
  }
  if (filters.from !== undefined) params.set(FILTER_PARAMS.from, String(filters.from));
  if (filters.to !== undefined) params.set(FILTER_PARAMS.to, String(filters.to));
  const search = params.toString();
  return `#/studier/${encodeURIComponent(studyId)}/sok${search ? `?${search}` : ''}`;
}

// The presentation's URL: the report's options as the report page wrote them (kept as they are), then the
// slide number: '#/studier/s/presentation?questions=q1&quotes=3&bild=4'.
const SLIDE_PARAM = 'bild';

function parsePresentation(name: 'presentation' | 'presentation-notes', studyId: string, query: string | undefined): Route {
  const params = new URLSearchParams(query ?? '');
  const slide = params.get(SLIDE_PARAM);
  params.delete(SLIDE_PARAM);
  return { name, studyId, options: params.toString(), slide: slide && /^\d{1,4}$/.test(slide) && Number(slide) > 0 ? Number(slide) : 1 };
}

function presentationHref(path: string, options: string, slide: number): string {
  return `${path}?${options ? `${options}&` : ''}${SLIDE_PARAM}=${slide}`;
}

/** The family route's path after '#/studier/s/familjer/f': the tab, or the place to open at. */
function familySuffix(route: Extract<Route, { name: 'family' }>): string {
  const e = encodeURIComponent;
  const target = route.target;
  if (target?.kind === 'entry') return `/dokument/${e(target.documentId)}/${target.offset}`;
  if (target?.kind === 'annotation') return `/markeringar/${e(target.annotationId)}`;
  if (target?.kind === 'reflection') return `/reflektioner/${e(target.key)}`;
  if (target?.kind === 'investigation') return `/utredningar/${e(target.investigationId)}`;
  return route.tab === 'akt' ? '' : `/${route.tab}`;
}

/** The family route for the path parts after 'familjer' (family id first), or null. */
function parseFamily(studyId: string, parts: string[]): Route | null {
  const [familyId, section, id, extra] = parts;
  if (!familyId) return null;
  const family = { name: 'family' as const, studyId, familyId };
  if (parts.length === 1) return { ...family, tab: 'akt' };
  if (section === 'reflektioner' && parts.length === 2) return { ...family, tab: 'reflektioner' };
  if (section === 'reflektioner' && id && parts.length === 3) return { ...family, tab: 'reflektioner', target: { kind: 'reflection', key: id } };
  if (section === 'utredningar' && parts.length === 2) return { ...family, tab: 'utredningar' };
  if (section === 'utredningar' && id && parts.length === 3) return { ...family, tab: 'utredningar', target: { kind: 'investigation', investigationId: id } };
  if (section === 'markeringar' && id && parts.length === 3) return { ...family, tab: 'akt', target: { kind: 'annotation', annotationId: id } };
  if (section === 'dokument' && id && extra && /^\d{1,9}$/.test(extra) && parts.length === 4) {
    return { ...family, tab: 'akt', target: { kind: 'entry', documentId: id, offset: Number(extra) } };
  }
  return null;
}

/** Reads a location hash ('#/…') into a Route. */
export function parseRoute(hash: string): Route {
  // Only the search page and the presentation have a query string ('#/studier/s/sok?q=…'); its values are decoded by URLSearchParams.
  const [path = '', query] = hash.replace(/^#\/?/, '').split(/\?(.*)/s, 2);
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p;
    }
  });
  if (parts.length === 0) return { name: 'home' };
  if (parts[0] === 'konton' && parts.length === 1) return { name: 'accounts' };
  if (parts[0] === 'ny-studie' && parts.length === 1) return { name: 'new-study' };
  if (parts[0] !== 'studier' || !parts[1]) return { name: 'not-found' };
  const studyId = parts[1];
  if (parts.length === 2) return { name: 'study', studyId };
  if (parts.length === 3 && parts[2] === 'installningar') return { name: 'settings', studyId };
  if (parts.length === 3 && parts[2] === 'logg') return { name: 'audit', studyId };
  if (parts.length === 3 && parts[2] === 'framsteg') return { name: 'progress', studyId };
  if (parts.length === 3 && parts[2] === 'import') return { name: 'archive-import', studyId };
  if (parts[2] === 'familjer') return parseFamily(studyId, parts.slice(3)) ?? { name: 'not-found' };
  if (parts.length === 3 && parts[2] === 'sok') {
    const params = new URLSearchParams(query ?? '');
    return { name: 'search', studyId, query: params.get('q')?.trim() ?? '', filters: parseFilters(params) };
  }
  if (parts.length === 4 && parts[2] === 'memon' && parts[3]) return { name: 'memo', studyId, memoId: parts[3] };
  if (parts.length === 3 && parts[2] === 'kodbok') return { name: 'codebook', studyId };
  if (parts.length === 3 && parts[2] === 'matris') return { name: 'matrix', studyId, cols: 'question' };
  if (parts.length === 4 && parts[2] === 'matris' && parts[3] === 'familjer') return { name: 'matrix', studyId, cols: 'family' };
  if (parts.length === 3 && parts[2] === 'memon') return { name: 'memos', studyId };
  if (parts.length === 4 && parts[2] === 'koder' && parts[3]) return { name: 'code', studyId, codeId: parts[3] };
  if (parts.length === 3 && parts[2] === 'litteratur') return { name: 'literature', studyId };
  if (parts.length === 3 && parts[2] === 'export') return { name: 'exports', studyId };
  if (parts.length === 3 && parts[2] === 'utredningar') return { name: 'investigations', studyId };
  if (parts.length === 3 && parts[2] === 'inventering') return { name: 'inventory-summary', studyId };
  if (parts.length === 4 && parts[2] === 'barn' && parts[3]) return { name: 'child', studyId, childId: parts[3] };
  if (parts.length === 3 && parts[2] === 'rapport') return { name: 'report', studyId, options: new URLSearchParams(query ?? '').toString() };
  if (parts.length === 3 && parts[2] === 'presentation') return parsePresentation('presentation', studyId, query);
  if (parts.length === 4 && parts[2] === 'presentation' && parts[3] === 'anteckningar') return parsePresentation('presentation-notes', studyId, query);
  if (parts.length === 3 && parts[2] === 'samstammighet') return { name: 'agreement', studyId };
  if (parts.length === 4 && parts[2] === 'samstammighet' && parts[3]) return { name: 'agreement-round', studyId, roundId: parts[3] };
  return { name: 'not-found' };
}

/** The hash for a route: hrefFor({ name: 'study', studyId: 'x' }) → '#/studier/x'. */
export function hrefFor(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'home':
    case 'not-found':
      return '#/';
    case 'study':
      return `#/studier/${e(route.studyId)}`;
    case 'family':
      return `#/studier/${e(route.studyId)}/familjer/${e(route.familyId)}${familySuffix(route)}`;
    case 'search':
      return searchHref(route.studyId, route.query, route.filters);
    case 'memo':
      return `#/studier/${e(route.studyId)}/memon/${e(route.memoId)}`;
    case 'codebook':
      return `#/studier/${e(route.studyId)}/kodbok`;
    case 'matrix':
      return `#/studier/${e(route.studyId)}/matris${route.cols === 'family' ? '/familjer' : ''}`;
    case 'memos':
      return `#/studier/${e(route.studyId)}/memon`;
    case 'code':
      return `#/studier/${e(route.studyId)}/koder/${e(route.codeId)}`;
    case 'agreement':
      return `#/studier/${e(route.studyId)}/samstammighet`;
    case 'agreement-round':
      return `#/studier/${e(route.studyId)}/samstammighet/${e(route.roundId)}`;
    case 'literature':
      return `#/studier/${e(route.studyId)}/litteratur`;
    case 'exports':
      return `#/studier/${e(route.studyId)}/export`;
    case 'investigations':
      return `#/studier/${e(route.studyId)}/utredningar`;
    case 'inventory-summary':
      return `#/studier/${e(route.studyId)}/inventering`;
    case 'child':
      return `#/studier/${e(route.studyId)}/barn/${e(route.childId)}`;
    case 'report':
      return `#/studier/${e(route.studyId)}/rapport${route.options ? `?${route.options}` : ''}`;
    case 'presentation':
      return presentationHref(`#/studier/${e(route.studyId)}/presentation`, route.options, route.slide);
    case 'presentation-notes':
      return presentationHref(`#/studier/${e(route.studyId)}/presentation/anteckningar`, route.options, route.slide);
    case 'settings':
      return `#/studier/${e(route.studyId)}/installningar`;
    case 'audit':
      return `#/studier/${e(route.studyId)}/logg`;
    case 'progress':
      return `#/studier/${e(route.studyId)}/framsteg`;
    case 'archive-import':
      return `#/studier/${e(route.studyId)}/import`;
    case 'accounts':
      return '#/konton';
    case 'new-study':
      return '#/ny-studie';
  }
}
