// Detail types of Backspegel's custom events. Every event is kebab-case, prefixed `bs-`, bubbles and is
// composed; components fire them on user action only. Use fire() to send one with the right detail type.
import type { AnnotationView, DocumentMeta, SessionUser, TextTarget } from '../server/domain/types.ts';
import type { NewAccount } from './data/accounts.ts';
import type { AuditFilter } from './data/audit.ts';
import type { BulkUpload, NameDecision } from './data/bulk-imports.ts';
import type { FamilyChanges } from './data/families.ts';
import type { MemberInput, StudySettings } from './data/study-admin.ts';
import type { QuestionDraft } from './data/study-templates.ts';
import type { CodeInput, CodeListItem } from './data/research.ts';
import type { ReferenceView } from './data/references.ts';
import type { SearchFilters } from './route.ts';
import type { CodingTargetInput, CodingView } from '../server/domain/types.ts';

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

/** Search filters: show the results with these filters. */
export interface SearchFilterDetail {
  filters: SearchFilters;
}

/** Code form: create the code, or save the edited one. */
export interface CodeSubmitDetail {
  input: CodeInput;
}

/** The citation keys checked in a reference picker. */
export interface ReferencesChangeDetail {
  keys: string[];
}

/** Codebook tree: open the dialog for this action on this code. */
export interface CodeActionDetail {
  code: CodeListItem;
  action: 'edit' | 'move' | 'merge' | 'delete';
}

/** Codebook: move a code under another (null: to the top level); `how` says how the user did it. */
export interface CodeMoveDetail {
  codeId: string;
  parentId: string | null;
  how: 'drag' | 'keyboard' | 'dialog';
}

export interface CodeMergeDetail {
  codeId: string;
  into: string;
}

export interface CodeDeleteDetail {
  codeId: string;
  codings: 'move-to-parent' | 'delete';
}

/** Code page filters ('' = all). */
export interface SegmentFilterDetail {
  family: string;
  question: string;
  kind: '' | 'annotation' | 'reflection' | 'passage';
  rollup: boolean;
}

/** Matrix: show the segments behind this cell (row and column indexes; `rollup` when the row is folded). */
export interface MatrixCellDetail {
  row: number;
  col: number;
  rollup: boolean;
}

/** Coding: open the code picker for this segment; `subject` says what it is (the picker's heading). */
export interface CodingRequestDetail {
  target: CodingTargetInput;
  subject: string;
}

/** Coding chips: remove this coding. */
export interface CodingRefDetail {
  coding: CodingView;
}

/** Code picker: apply this code to the segment. */
export interface CodeApplyDetail {
  codeId: string;
}

/** Code picker: create a top-level code with this name and apply it. */
export interface CodeCreateDetail {
  name: string;
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
  /** Search filters: search again with these filters. */
  'bs-search-filter': SearchFilterDetail;
  /** Code form: create or save this code. */
  'bs-code-submit': CodeSubmitDetail;
  /** Code dialog: close without doing anything. */
  'bs-code-cancel': Record<string, never>;
  /** Reference picker: these citation keys are now checked. */
  'bs-references-change': ReferencesChangeDetail;
  /** Reference form: the reference was saved (the page reloads the library). */
  'bs-reference-saved': { reference: ReferenceView };
  /** Reference form: close without saving. */
  'bs-reference-cancel': Record<string, never>;
  /** Codebook tree: edit, move, merge or delete this code (opens the dialog). */
  'bs-code-action': CodeActionDetail;
  /** Codebook: move a code (drag, keyboard or the move dialog). */
  'bs-code-move': CodeMoveDetail;
  /** Code dialog: merge the code into another. */
  'bs-code-merge': CodeMergeDetail;
  /** Code dialog: delete the code, its codings moved to the parent or deleted. */
  'bs-code-delete': CodeDeleteDetail;
  /** Codebook import: a codebook file was imported (the page reloads the codes). */
  'bs-codebook-imported': { created: number };
  /** Code page: show the segments with these filters. */
  'bs-segment-filter': SegmentFilterDetail;
  /** Matrix: show the segments behind a cell. */
  'bs-matrix-cell': MatrixCellDetail;
  /** Reader, coding strips, reflections: code this segment (opens the code picker). */
  'bs-coding-request': CodingRequestDetail;
  /** Coding chips: remove this coding. */
  'bs-coding-remove': CodingRefDetail;
  /** Code picker: apply this code. */
  'bs-code-picker-apply': CodeApplyDetail;
  /** Code picker: create this code and apply it. */
  'bs-code-picker-create': CodeCreateDetail;
  /** Code picker: done (Klar). */
  'bs-code-picker-close': Record<string, never>;
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
    'bs-search-filter': CustomEvent<SearchFilterDetail>;
    'bs-code-submit': CustomEvent<CodeSubmitDetail>;
    'bs-code-cancel': CustomEvent<Record<string, never>>;
    'bs-references-change': CustomEvent<ReferencesChangeDetail>;
    'bs-reference-saved': CustomEvent<{ reference: ReferenceView }>;
    'bs-reference-cancel': CustomEvent<Record<string, never>>;
    'bs-code-action': CustomEvent<CodeActionDetail>;
    'bs-code-move': CustomEvent<CodeMoveDetail>;
    'bs-code-merge': CustomEvent<CodeMergeDetail>;
    'bs-code-delete': CustomEvent<CodeDeleteDetail>;
    'bs-codebook-imported': CustomEvent<{ created: number }>;
    'bs-segment-filter': CustomEvent<SegmentFilterDetail>;
    'bs-matrix-cell': CustomEvent<MatrixCellDetail>;
    'bs-coding-request': CustomEvent<CodingRequestDetail>;
    'bs-coding-remove': CustomEvent<CodingRefDetail>;
    'bs-code-picker-apply': CustomEvent<CodeApplyDetail>;
    'bs-code-picker-create': CustomEvent<CodeCreateDetail>;
    'bs-code-picker-close': CustomEvent<Record<string, never>>;
  }
}
