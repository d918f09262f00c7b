// The record collections stored per family (families/<id>.json + .log). A new kind of family-level
// record (codings, memos) is a new collection here, not a new file format.
import type { Annotation } from '../domain/types.ts';
import { collection, type StoredRecord } from './record-file.ts';

/** A caseworker's stored reflection; its id is the key ('summary' or a question id). */
export interface StoredReflection extends StoredRecord {
  text: string;
  updatedAt: string;
  updatedBy: string;
}

export const annotations = collection<Annotation>('annotations');
export const reflections = collection<StoredReflection>('reflections');

/** One family's records as readers use them. */
export interface FamilyData {
  annotations: readonly Annotation[];
  reflections: Readonly<Record<string, StoredReflection>>;
}

export const emptyFamily = (): FamilyData => ({ annotations: [], reflections: {} });
