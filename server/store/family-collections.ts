// The record collections stored per family (families/<id>.json + .log). A new kind of family-level
// record (codings, memos, reading progress) is a new collection here, not a new file format.
import type { InvestigationAppraisal } from '../domain/checklist/checklist-types.ts';
import type { Annotation } from '../domain/types.ts';
import { collection, type StoredRecord } from './record-file.ts';

/** A caseworker's stored reflection; its id is the key ('summary' or a question id). */
export interface StoredReflection extends StoredRecord {
  text: string;
  updatedAt: string;
  updatedBy: string;
}

/** How far one user has read one document; its id is `${userId}:${documentId}`. Only ever increases. */
export interface StoredReading extends StoredRecord {
  userId: string;
  documentId: string;
  /** The highest entry index (0-based) reached in the reader. */
  reached: number;
  updatedAt: string;
}

export const annotations = collection<Annotation>('annotations');
export const reflections = collection<StoredReflection>('reflections');
export const reading = collection<StoredReading>('reading');
/** Kortutredning appraisals, one per investigation found in the family's chronology (id `<documentId>:<startEntryIndex>`). */
export const appraisals = collection<InvestigationAppraisal>('appraisals');

/** The record id of a user's reading of a document. */
export const readingId = (userId: string, documentId: string): string => `${userId}:${documentId}`;

/** One family's records as readers use them. */
export interface FamilyData {
  annotations: readonly Annotation[];
  reflections: Readonly<Record<string, StoredReflection>>;
  reading: readonly StoredReading[];
}

export const emptyFamily = (): FamilyData => ({ annotations: [], reflections: {}, reading: [] });
