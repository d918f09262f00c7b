// Hash routes of the app. Pure: parseRoute('#/studier/s1/familjer/f1') and hrefFor(route) round-trip.
export type Route =
  | { name: 'home' }
  | { name: 'study'; studyId: string }
  | { name: 'family'; studyId: string; familyId: string; tab: 'akt' | 'reflektioner' }
  | { name: 'settings'; studyId: string }
  | { name: 'audit'; studyId: string }
  | { name: 'progress'; studyId: string }
  | { name: 'archive-import'; studyId: string }
  | { name: 'accounts' }
  | { name: 'new-study' }
  | { name: 'not-found' };

/** Reads a location hash ('#/…') into a Route. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map((p) => {
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
  if (parts[2] === 'familjer' && parts[3] && parts.length <= 5) {
    if (parts.length === 4) return { name: 'family', studyId, familyId: parts[3], tab: 'akt' };
    if (parts[4] === 'reflektioner') return { name: 'family', studyId, familyId: parts[3], tab: 'reflektioner' };
  }
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
      return `#/studier/${e(route.studyId)}/familjer/${e(route.familyId)}${route.tab === 'reflektioner' ? '/reflektioner' : ''}`;
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
