// Custom events of administration: study settings, members, assignments, closing, accounts, families, the
// audit log.
// Their detail types and the events with their details; client/events.ts re-exports them.
import type { NewAccount } from '../data/accounts.ts';
import type { AuditFilter } from '../data/audit.ts';
import type { FamilyChanges } from '../data/families.ts';
import type { MemberInput, StudySettings } from '../data/study-admin.ts';
import type { QuestionDraft } from '../data/study-templates.ts';

export interface SettingsSubmitDetail {
  /** Only the settings that differ from the stored ones. */
  changes: Partial<StudySettings>;
}

export interface MembersSubmitDetail {
  members: MemberInput[];
}

export interface AssignmentsSubmitDetail {
  /** family id → the caseworkers it should have, for the families that changed. */
  changes: Record<string, string[]>;
}

export interface AccountAddDetail {
  account: NewAccount;
}

export interface AccountActionDetail {
  id: string;
  action: 'disable' | 'enable' | 'reset';
}

/** The question editor: the whole list after an edit. */
export interface QuestionsChangeDetail {
  questions: QuestionDraft[];
}

/** The administrator ticked or unticked "Får skapa studier" for an account. */
export interface AccountStudiesDetail {
  id: string;
  allowed: boolean;
}

/** The family form: the details as entered (attributes left empty are null). */
export interface FamilySubmitDetail {
  family: FamilyChanges;
}

export interface AuditFilterDetail {
  filter: AuditFilter;
}

export interface AdminEventMap {
  /** Study settings form: save these changes. */
  'bs-settings-submit': SettingsSubmitDetail;
  /** Members table: save this member list. */
  'bs-members-submit': MembersSubmitDetail;
  /** Family assignments: save these assignments. */
  'bs-assignments-submit': AssignmentsSubmitDetail;
  /** Account form: create this account. */
  'bs-account-add': AccountAddDetail;
  /** Accounts table: disable, enable or reset an account (already confirmed). */
  'bs-account-action': AccountActionDetail;
  /** Study closing: close the study now. */
  'bs-study-close': Record<string, never>;
  /** Study closing: erase the closed study; `confirmation` is what the lead typed. */
  'bs-study-erase': { confirmation: string };
  /** Question editor: the questions after an edit. */
  'bs-questions-change': QuestionsChangeDetail;
  /** Accounts table: allow an account to create studies, or not. */
  'bs-account-studies': AccountStudiesDetail;
  /** Family form: save these details. */
  'bs-family-submit': FamilySubmitDetail;
  /** Family form: close without saving. */
  'bs-family-cancel': Record<string, never>;
  /** Family details: a family was added or changed (the page reloads its list). */
  'bs-families-changed': Record<string, never>;
  /** Audit filters: show the log with this filter. */
  'bs-audit-filter': AuditFilterDetail;
  /** One-time password: the admin has noted it; hide it. */
  'bs-otp-hide': Record<string, never>;
}
