// The domain model of Backspegel: what is stored and what the HTTP API returns.
// Pure types, shared by server and client (the client imports them with `import type`).
import type { NameRule } from './pseudonymise-names.ts';

/** A user's role within one study. Admin is an account-level flag, not a study role. */
export type StudyRole = 'lead' | 'researcher' | 'caseworker';

/** The kind of a dated entry in a case file, recognised from its heading. */
export type EntryKind =
  | 'anmalan'
  | 'ansokan'
  | 'utredning'
  | 'beslut'
  | 'journalanteckning'
  | 'uppfoljning'
  | 'sip'
  | 'placering'
  | 'ovrigt';

/** One dated entry of a case file: offsets into the document's normalised text. */
export interface Entry {
  start: number;
  end: number;
  /** ISO date, YYYY-MM-DD */
  date: string;
  kind: EntryKind;
  /** The heading text after the date, e.g. "Orosanmälan från skolan". */
  title: string;
}

/** A structured reflection question of a study; data, not code. */
export interface ReflectionQuestion {
  /** Stable id used in URLs and annotations, e.g. "tidiga-tecken". */
  id: string;
  /** Short label shown on markers and buttons, e.g. "Tidiga tecken". */
  label: string;
  /** The full question as put to the caseworker. */
  text: string;
}

export interface StudyMember {
  userId: string;
  role: StudyRole;
}

export interface Family {
  /** e.g. "familj-a" */
  id: string;
  /** e.g. "Familj A" */
  pseudonym: string;
  /** ISO date the family became known to social services. */
  activeFrom: string;
  /** ISO date the case closed; null while still open. */
  activeTo: string | null;
  /** User ids of the caseworkers assigned to this family. */
  assignedTo: string[];
  /** Names the lead listed for pseudonymisation, as keyed hashes with their labels (never in clear). */
  nameRules?: NameRule[];
  /** What the study chose its families by (the seed: known > 10 years, still open, most costly). */
  attributes?: FamilyAttributes;
  /** Bumped by every edit of the family itself (If-Match on PATCH). Missing = 1. */
  version?: number;
}

export interface FamilyAttributes {
  /** Number of children in the family. */
  children?: number;
  /** Number of out-of-home placements over the years. */
  placements?: number;
  /** The family's cost band, as the municipality counts it. */
  costBand?: 'låg' | 'medel' | 'hög';
  /** Anything else the study chose its families by, e.g. `{ "skolbyten": 4 }`. */
  [other: string]: string | number | boolean | undefined;
}

export interface DocumentMeta {
  id: string;
  familyId: string;
  title: string;
  /** 'akt' for a case file; otherwise the kind of its first entry. */
  kind: string;
  /** ISO date of the first dated entry, or of the import when it has none. */
  date: string;
  /** Length of the normalised text in UTF-16 code units (JS string length). */
  length: number;
  entryCount: number;
  sha256: string;
  importedAt: string;
  importedBy: string;
}

export type LegalBasis = 'follow-up' | 'research';

export interface Study {
  id: string;
  title: string;
  description: string;
  /** How the families were chosen (free text), e.g. "känd > 10 år, pågående, mest kostsam". */
  selectionCriteria?: string;
  /** The template the study was created from. */
  template?: string;
  /** A closed study is read-only (exports still allowed); only a closed study can be erased. */
  status?: 'open' | 'closed';
  closedAt?: string | null;
  closedBy?: string | null;
  legalBasis: LegalBasis;
  ethicsApproval: string | null;
  endDate: string | null;
  questions: ReflectionQuestion[];
  members: StudyMember[];
  families: Family[];
  documents: DocumentMeta[];
  version: number;
}

/** W3C Web Annotation text selectors combined: position plus quote. */
export interface TextTarget {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Annotation {
  id: string;
  documentId: string;
  familyId: string;
  questionId: string;
  target: TextTarget;
  /** Markdown */
  comment: string;
  /** Was this sign known to social services at the time (hindsight-bias guard)? null = not stated. */
  knownAtTheTime: boolean | null;
  authorId: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** How an annotation's target relates to the current text, computed on read. */
export type AnchorStatus = 'anchored' | 'reanchored' | 'orphan';

/** An annotation as the API returns it: the stored one, verified against the text. */
export interface AnnotationView extends Annotation {
  anchor: AnchorStatus;
  authorName: string;
}

/** 'summary' or a question id. */
export type ReflectionKey = string;

export interface Reflection {
  familyId: string;
  key: ReflectionKey;
  /** Markdown */
  text: string;
  version: number;
  updatedAt: string | null;
  /** Display name of who saved it last. */
  updatedBy: string | null;
  /** Account id of who saved it last (the client tells "you, in another tab" from someone else). */
  updatedById: string | null;
}

/** Per-family progress of the current user. */
export interface FamilyProgress {
  annotationsByQuestion: Record<string, number>;
  reflectionsWritten: number;
  summaryWritten: boolean;
}

export interface FamilyView {
  id: string;
  pseudonym: string;
  activeFrom: string;
  activeTo: string | null;
  documentCount: number;
  progress: FamilyProgress;
  /** What the study chose the family by (children, placements, cost band); {} when none is recorded. */
  attributes: FamilyAttributes;
  /** For If-Match when the lead edits the family (PATCH). */
  version: number;
  /** The current user's reading: document id → the highest entry index (0-based) reached in the reader. */
  reading: Record<string, number>;
  /** What the current user may do in this family (from server/domain/access.ts), so the client offers only that. */
  permissions: FamilyPermissions;
}

export interface FamilyPermissions {
  /** Mark passages in the case file. */
  annotate: boolean;
  /** Write the summary and the reflections. */
  reflect: boolean;
  /** Import case files. */
  import: boolean;
}

/** One caseworker's progress on one family, as the lead's progress overview shows it. */
export interface CaseworkerProgress extends FamilyProgress {
  userId: string;
  displayName: string;
  /** Entries of the family's documents read: per document, the highest entry reached (capped at its entry count). */
  entriesRead: number;
}

/** GET /api/studies/:study/progress (lead only). */
export interface StudyProgress {
  families: {
    id: string;
    pseudonym: string;
    documentCount: number;
    entryCount: number;
    caseworkers: CaseworkerProgress[];
  }[];
  questions: { id: string; label: string }[];
}

export interface StudySummary {
  id: string;
  title: string;
  description: string;
  role: StudyRole;
}

export interface StudyView extends StudySummary {
  /** For If-Match when the lead changes settings, members or assignments. */
  version: number;
  selectionCriteria: string;
  status: 'open' | 'closed';
  closedAt: string | null;
  /** Annotations exist: the questions can be reworded, not added, removed or reordered. */
  questionsLocked: boolean;
  legalBasis: LegalBasis;
  ethicsApproval: string | null;
  endDate: string | null;
  questions: ReflectionQuestion[];
}

export interface DocumentView {
  id: string;
  familyId: string;
  title: string;
  text: string;
  entries: Entry[];
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  admin: boolean;
  /** May create studies (admins always may). */
  mayCreateStudies: boolean;
}
