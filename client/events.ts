// Detail types of Backspegel's custom events. Every event is kebab-case, prefixed `bs-`, bubbles and is
// composed; components fire them on user action only. Use fire() to send one with the right detail type.
import type { AnnotationView, DocumentMeta, SessionUser, TextTarget } from '../server/domain/types.ts';
import type { NewAccount } from './data/accounts.ts';
import type { AuditFilter } from './data/audit.ts';
import type { BulkUpload, NameDecision } from './data/bulk-imports.ts';
import type { FamilyChanges } from './data/families.ts';
import type { MemberInput, StudySettings } from './data/study-admin.ts';
import type { QuestionDraft } from './data/study-templates.ts';

export interface AnnotationStartDetail {
  documentId: string;
  questionId: string;
  target: TextTarget;
}

export interface AnnotationSubmitDetail {
  questionId: string;
  comment: string;
  knownAtTheTime: boolean | null;
}

export interface AnnotationRefDetail {
  annotation: AnnotationView;
}

export interface BlockSelectDetail {
  /** Block key, `${documentId}:${start}` */
  block: string;
}

export interface MarkdownInputDetail {
  value: string;
}

export interface ImportSubmitDetail {
  file: File;
  title: string;
}

export interface DocumentImportedDetail {
  document: DocumentMeta;
}

export interface LoginDetail {
  user: SessionUser;
  /** The user logged in with a one-time password and must choose their own before anything else. */
  mustChangePassword: boolean;
}

export interface PasswordChangedDetail {
  user: SessionUser;
}

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

export interface NameAddDetail {
  name: string;
  label: string;
}

/** Archive upload: upload this zip, or these files with their families. */
export interface ArchiveUploadDetail {
  upload: BulkUpload;
}

/** Name suggestions: the lead's decisions on one family's suggested names. */
export interface NamesDecideDetail {
  decision: NameDecision;
}

/** Every custom event of the app and the type of its detail. */
export interface BsEventMap {
  /** Reader: the user picked a question for the selected text. */
  'bs-annotation-start': AnnotationStartDetail;
  /** Annotation form: save. */
  'bs-annotation-submit': AnnotationSubmitDetail;
  /** Annotation form: cancel (button or Esc). */
  'bs-annotation-cancel': Record<string, never>;
  /** Annotation card: edit this annotation. */
  'bs-annotation-edit': AnnotationRefDetail;
  /** Annotation card: delete confirmed. */
  'bs-annotation-delete': AnnotationRefDetail;
  /** Timeline: go to this block. */
  'bs-block-select': BlockSelectDetail;
  /** Markdown editor: the text changed. */
  'bs-markdown-input': MarkdownInputDetail;
  /** Markdown editor: the textarea lost focus. */
  'bs-markdown-blur': MarkdownInputDetail;
  /** Import form: upload this file. */
  'bs-import-submit': ImportSubmitDetail;
  /** Import panel: a document was imported. */
  'bs-document-imported': DocumentImportedDetail;
  /** Login view: the user signed in. */
  'bs-login': LoginDetail;
  /** Password view: the password was changed (the server started a new session). */
  'bs-password-changed': PasswordChangedDetail;
  /** Password view: the user chose not to change their password after all. */
  'bs-password-cancel': Record<string, never>;
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
  /** Import preview: list a missed name. */
  'bs-name-add': NameAddDetail;
  /** Import preview: store the document. */
  'bs-import-commit': Record<string, never>;
  /** Import preview: discard the upload. */
  'bs-import-discard': Record<string, never>;
  /** One-time password: the admin has noted it; hide it. */
  'bs-otp-hide': Record<string, never>;
  /** Idle warning: stay signed in. */
  'bs-idle-continue': Record<string, never>;
  /** Idle warning: sign out now. */
  'bs-idle-logout': Record<string, never>;
  /** Archive upload: upload the zip or the files. */
  'bs-archive-upload': ArchiveUploadDetail;
  /** Archive import: start over with a new import. */
  'bs-archive-new': Record<string, never>;
  /** Name suggestions: send the decisions for one family. */
  'bs-names-decide': NamesDecideDetail;
}

/** Dispatches a bubbling, composed custom event from `target`. */
export function fire<K extends keyof BsEventMap>(target: EventTarget, type: K, detail: BsEventMap[K]): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'bs-annotation-start': CustomEvent<AnnotationStartDetail>;
    'bs-annotation-submit': CustomEvent<AnnotationSubmitDetail>;
    'bs-annotation-cancel': CustomEvent<Record<string, never>>;
    'bs-annotation-edit': CustomEvent<AnnotationRefDetail>;
    'bs-annotation-delete': CustomEvent<AnnotationRefDetail>;
    'bs-block-select': CustomEvent<BlockSelectDetail>;
    'bs-markdown-input': CustomEvent<MarkdownInputDetail>;
    'bs-markdown-blur': CustomEvent<MarkdownInputDetail>;
    'bs-import-submit': CustomEvent<ImportSubmitDetail>;
    'bs-document-imported': CustomEvent<DocumentImportedDetail>;
    'bs-login': CustomEvent<LoginDetail>;
    'bs-password-changed': CustomEvent<PasswordChangedDetail>;
    'bs-password-cancel': CustomEvent<Record<string, never>>;
    'bs-settings-submit': CustomEvent<SettingsSubmitDetail>;
    'bs-members-submit': CustomEvent<MembersSubmitDetail>;
    'bs-assignments-submit': CustomEvent<AssignmentsSubmitDetail>;
    'bs-account-add': CustomEvent<AccountAddDetail>;
    'bs-account-action': CustomEvent<AccountActionDetail>;
    'bs-account-studies': CustomEvent<AccountStudiesDetail>;
    'bs-questions-change': CustomEvent<QuestionsChangeDetail>;
    'bs-study-close': CustomEvent<Record<string, never>>;
    'bs-study-erase': CustomEvent<{ confirmation: string }>;
    'bs-family-submit': CustomEvent<FamilySubmitDetail>;
    'bs-family-cancel': CustomEvent<Record<string, never>>;
    'bs-families-changed': CustomEvent<Record<string, never>>;
    'bs-audit-filter': CustomEvent<AuditFilterDetail>;
    'bs-name-add': CustomEvent<NameAddDetail>;
    'bs-import-commit': CustomEvent<Record<string, never>>;
    'bs-import-discard': CustomEvent<Record<string, never>>;
    'bs-otp-hide': CustomEvent<Record<string, never>>;
    'bs-idle-continue': CustomEvent<Record<string, never>>;
    'bs-idle-logout': CustomEvent<Record<string, never>>;
    'bs-archive-upload': CustomEvent<ArchiveUploadDetail>;
    'bs-archive-new': CustomEvent<Record<string, never>>;
    'bs-names-decide': CustomEvent<NamesDecideDetail>;
  }
}
