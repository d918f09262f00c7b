// How far users have come in a family: the family as its caseworker sees it, and the lead's overview.
import type { FamilyAttributes } from './study-types.ts';

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
  /** Code, write meta-reflections and change the codebook (a researcher or the lead, in an open study). */
  code: boolean;
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
