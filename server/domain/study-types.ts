// A study as stored and as the API shows it: its settings, members, families and documents, and who is signed in.
import type { Checklist } from './checklist/checklist-types.ts';
import type { InventoryConfig } from './inventory/inventory-types.ts';
import type { NameRule } from './pseudonymise-names.ts';

/** A user's role within one study. Admin is an account-level flag, not a study role. */
export type StudyRole = 'lead' | 'researcher' | 'caseworker';

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

/** A case-file study (families, documents, annotations) or a målgruppsinventering (children rated on a scale). */
export type StudyKind = 'case-file' | 'inventory';

export interface Study {
  id: string;
  title: string;
  description: string;
  /** How the families were chosen (free text), e.g. "känd > 10 år, pågående, mest kostsam". */
  selectionCriteria?: string;
  /** The template the study was created from. */
  template?: string;
  /** Absent in studies stored before inventories existed: a case-file study. */
  kind?: StudyKind;
  /** The inventory's scale, criteria, units and age bands (kind 'inventory' only). */
  inventory?: InventoryConfig;
  /** The kortutredning checklist investigations are appraised with (case-file studies; absent: the default one). */
  checklist?: Checklist;
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

export interface StudySummary {
  id: string;
  title: string;
  description: string;
  role: StudyRole;
  kind: StudyKind;
}

/** A member of the study as researchers and the lead see them: whose annotations, reflections and memos are whose. */
export interface StudyPerson {
  id: string;
  displayName: string;
  role: StudyRole;
}

export interface StudyView extends StudySummary {
  /** The study's members, for researchers and the lead (e.g. the search's author filter); [] for caseworkers. */
  people: StudyPerson[];
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
  kind: StudyKind;
  /** Kind 'inventory' only. */
  inventory?: InventoryConfig;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  admin: boolean;
  /** May create studies (admins always may). */
  mayCreateStudies: boolean;
}
