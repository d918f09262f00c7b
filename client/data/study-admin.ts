// The lead's study setup: settings, members and family assignments. Every write carries the study
// version the lead saw (If-Match); a stale one answers 409 `conflict`, an invalid one 422 with a
// Swedish message in ApiError.message.
// Example: const saved = await updateStudySettings(api, 'demo', study.version, { ethicsApproval: 'Dnr 1' });
import type { LegalBasis, ReflectionQuestion, StudyRole, StudyView } from '../../server/domain/types.ts';
import type { QuestionDraft } from './study-templates.ts';
import { seg, type Api } from './api.ts';
import { fetchFamilies, fetchStudy } from './studies.ts';

/** The settings a lead may change; any subset is sent. */
export interface StudySettings {
  title: string;
  description: string;
  selectionCriteria: string;
  legalBasis: LegalBasis;
  /** null when there is none */
  ethicsApproval: string | null;
  /** 'YYYY-MM-DD' or null */
  endDate: string | null;
}

export interface SavedSettings extends StudySettings {
  version: number;
  questions: ReflectionQuestion[];
  questionsLocked: boolean;
}

/** Closes the study over `version`: read-only from then on, exports still allowed. */
export function closeStudy(api: Api, studyId: string, version: number): Promise<StudyView> {
  return api.request('POST', `/api/studies/${seg(studyId)}/close`, { headers: { 'If-Match': String(version) } });
}

/** Erases a closed study for good. */
export function eraseStudy(api: Api, studyId: string): Promise<void> {
  return api.request('DELETE', `/api/studies/${seg(studyId)}`);
}

/** Replaces the study's questions over `version` (only rewording once annotations exist: else 422). */
export function saveQuestions(api: Api, studyId: string, version: number, questions: QuestionDraft[]): Promise<SavedSettings> {
  return api.request('PATCH', `/api/studies/${seg(studyId)}`, { body: { questions }, headers: { 'If-Match': String(version) } });
}

export interface Member {
  userId: string;
  username: string;
  displayName: string;
  role: StudyRole;
}

/** An active account that can be added to the study. */
export interface AccountChoice {
  id: string;
  username: string;
  displayName: string;
}

/** Members, the accounts that could be added, and who has which family (family id → user ids). */
export interface MembersView {
  version: number;
  members: Member[];
  accounts: AccountChoice[];
  assignments: Record<string, string[]>;
}

export interface MemberInput {
  userId: string;
  role: StudyRole;
}

/** Changes the study's settings over `version`. */
export function updateStudySettings(
  api: Api, studyId: string, version: number, changes: Partial<StudySettings>,
): Promise<SavedSettings> {
  return api.request('PATCH', `/api/studies/${seg(studyId)}`, { body: changes, headers: { 'If-Match': String(version) } });
}

/** The study's members, the accounts that could be added and the family assignments (lead only). */
export function fetchMembers(api: Api, studyId: string): Promise<MembersView> {
  return api.request('GET', `/api/studies/${seg(studyId)}/members`);
}

/** Replaces the member list; a removed caseworker loses their family assignments too. */
export function saveMembers(api: Api, studyId: string, version: number, members: MemberInput[]): Promise<MembersView> {
  return api.request('PUT', `/api/studies/${seg(studyId)}/members`, {
    body: { members },
    headers: { 'If-Match': String(version) },
  });
}

/** Sets the caseworkers (of this study) who work with one family. */
export function assignFamily(
  api: Api, studyId: string, familyId: string, version: number, assignedTo: string[],
): Promise<MembersView> {
  return api.request('PUT', `/api/studies/${seg(studyId)}/families/${seg(familyId)}/assignment`, {
    body: { assignedTo },
    headers: { 'If-Match': String(version) },
  });
}

/** What the lead's pages about a study need at once: the study, its members and its families. */
export async function fetchStudySetup(api: Api, studyId: string) {
  const [study, members, families] = await Promise.all([fetchStudy(api, studyId), fetchMembers(api, studyId), fetchFamilies(api, studyId)]);
  return { study, members, families };
}
