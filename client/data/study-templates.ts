// Study templates and creating a study from one (admins and accounts allowed to create studies).
import type { LegalBasis, ReflectionQuestion, StudyKind, StudyView } from '../../server/domain/types.ts';
import type { CodeSeed } from '../../server/seed/codebook-seed.ts';
import type { Api } from './api.ts';

export interface StudyTemplate {
  id: string;
  title: string;
  description: string;
  selectionCriteria: string;
  legalBasis: LegalBasis;
  questions: ReflectionQuestion[];
  /** The codes a study created from the template starts with (empty: none). */
  codebook: CodeSeed[];
  /** 'inventory': a målgruppsinventering, which has no reflection questions. */
  kind: StudyKind;
}

/** A question being written: existing ones have an id, new ones not yet. */
export interface QuestionDraft {
  id?: string;
  label: string;
  text: string;
}

export interface NewStudy {
  template: string;
  title: string;
  description: string;
  selectionCriteria: string;
  legalBasis: LegalBasis;
  ethicsApproval: string | null;
  endDate: string | null;
  /** A username; omitted = the creator. */
  lead?: string;
  /** Omitted for an inventory (it has none). */
  questions?: QuestionDraft[];
}

export function fetchStudyTemplates(api: Api): Promise<StudyTemplate[]> {
  return api.request('GET', '/api/study-templates');
}

/** Creates the study; 403 when the account may not, 422 with a Swedish message for invalid input. */
export function createStudy(api: Api, input: NewStudy): Promise<StudyView> {
  return api.request('POST', '/api/studies', { body: input });
}
