// The lead's family calls (add, edit), the reader's reading reports and the lead's progress overview.
// Example: const family = await createFamily(api, 'demo', { pseudonym: 'Familj I', activeFrom: '2012-03-01' });
import type { FamilyAttributes, FamilyView, StudyProgress } from '../../server/domain/types.ts';
import { seg, type Api } from './api.ts';

/** What the lead enters for a new family. */
export interface FamilyInput {
  pseudonym: string;
  /** 'YYYY-MM-DD' */
  activeFrom: string;
  /** 'YYYY-MM-DD', or null while the case is open */
  activeTo: string | null;
  attributes: FamilyAttributes;
}

/** An edit: every field is sent; an attribute that is null is removed. */
export interface FamilyChanges {
  pseudonym: string;
  activeFrom: string;
  activeTo: string | null;
  attributes: { [K in keyof FamilyAttributes]-?: FamilyAttributes[K] | null };
}

/** Adds a family to the study (lead only); answers the new family. */
export function createFamily(api: Api, studyId: string, input: FamilyInput): Promise<FamilyView> {
  return api.request('POST', `/api/studies/${seg(studyId)}/families`, { body: input });
}

/** Changes a family's details over its `version`; a stale version answers 409 with the stored family in `current`. */
export function updateFamily(api: Api, studyId: string, familyId: string, version: number, changes: FamilyChanges): Promise<FamilyView> {
  return api.request('PATCH', `/api/studies/${seg(studyId)}/families/${seg(familyId)}`, {
    body: changes,
    headers: { 'If-Match': String(version) },
  });
}

/** Reports the highest entry index reached in a document; answers the stored (never smaller) value. */
export function reportReading(api: Api, studyId: string, documentId: string, reached: number, leaving = false): Promise<{ reached: number }> {
  return api.request('PUT', `/api/studies/${seg(studyId)}/documents/${seg(documentId)}/reading`, {
    body: { reached },
    keepalive: leaving,
  });
}

/** The lead's overview of every family and caseworker. */
export function fetchProgress(api: Api, studyId: string): Promise<StudyProgress> {
  return api.request('GET', `/api/studies/${seg(studyId)}/progress`);
}
