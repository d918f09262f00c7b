// Study and family calls.
import type { FamilyView, StudySummary, StudyView } from '../../server/domain/types.ts';
import { seg, type Api } from './api.ts';

/** The studies the user is a member of, with their role in each. */
export function fetchStudies(api: Api): Promise<StudySummary[]> {
  return api.request('GET', '/api/studies');
}

/** One study with its reflection questions. */
export function fetchStudy(api: Api, studyId: string): Promise<StudyView> {
  return api.request('GET', `/api/studies/${seg(studyId)}`);
}

/** The families the user may see (caseworkers: their assigned ones), with the user's own progress. */
export function fetchFamilies(api: Api, studyId: string): Promise<FamilyView[]> {
  return api.request('GET', `/api/studies/${seg(studyId)}/families`);
}

/** One family (404 when out of reach). */
export function fetchFamily(api: Api, studyId: string, familyId: string): Promise<FamilyView> {
  return api.request('GET', `/api/studies/${seg(studyId)}/families/${seg(familyId)}`);
}
