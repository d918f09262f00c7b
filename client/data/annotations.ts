// Annotation calls. Edits and deletes carry the version the user saw (If-Match); a stale one answers 409
// with the current annotation in ApiError.current.
import type { AnnotationView, TextTarget } from '../../server/domain/types.ts';
import { seg, type Api } from './api.ts';

export interface AnnotationFilter {
  family?: string;
  document?: string;
  question?: string;
}

export interface NewAnnotation {
  documentId: string;
  questionId: string;
  target: TextTarget;
  /** Markdown */
  comment: string;
  knownAtTheTime: boolean | null;
}

export type AnnotationChanges = Partial<Pick<NewAnnotation, 'questionId' | 'comment' | 'knownAtTheTime'>>;

/** Annotations of the study, narrowed by family, document or question. */
export function fetchAnnotations(api: Api, studyId: string, filter: AnnotationFilter = {}): Promise<AnnotationView[]> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) query.set(key, value);
  const qs = query.toString();
  return api.request('GET', `/api/studies/${seg(studyId)}/annotations${qs ? `?${qs}` : ''}`);
}

/** A family's annotations for its page: thousands in a long case file, so read and parsed off the page's thread. */
export function fetchFamilyAnnotations(api: Api, studyId: string, familyId: string): Promise<AnnotationView[]> {
  return api.getOffThread(`/api/studies/${seg(studyId)}/annotations?family=${encodeURIComponent(familyId)}`);
}

/** Saves a new annotation. */
export function createAnnotation(api: Api, studyId: string, input: NewAnnotation): Promise<AnnotationView> {
  return api.request('POST', `/api/studies/${seg(studyId)}/annotations`, { body: input });
}

/** Changes the author's own annotation; 409 `conflict` when `version` is stale. */
export function updateAnnotation(
  api: Api, studyId: string, id: string, version: number, changes: AnnotationChanges,
): Promise<AnnotationView> {
  return api.request('PATCH', `/api/studies/${seg(studyId)}/annotations/${seg(id)}`, {
    body: changes,
    headers: { 'If-Match': String(version) },
  });
}

/** Deletes the author's own annotation; 409 `conflict` when `version` is stale. */
export function deleteAnnotation(api: Api, studyId: string, id: string, version: number): Promise<void> {
  return api.request('DELETE', `/api/studies/${seg(studyId)}/annotations/${seg(id)}`, {
    headers: { 'If-Match': String(version) },
  });
}
