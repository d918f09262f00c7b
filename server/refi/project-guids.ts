// The GUIDs and markers of a Backspegel project export (QDA-XML 1.0 project). Every GUID is derived
// from ids (guidFromSeed), so exporting twice gives the same file. The markers are how our own import
// recognises what it wrote: a fixed GUID for the root code of the reflection questions and its two
// "known at the time" codes, and a Description starting with `backspegel:` on our own notes.
import { guidFromSeed } from '../domain/refi-codebook-import.ts';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** The non-codable root code "Reflektionsfrågor": the same GUID in every export, which is the marker. */
export const QUESTION_ROOT_GUID = guidFromSeed('backspegel:questions-root');
/** Codes under the question root that carry an annotation's "known at the time" (ja/nej). */
export const KNOWN_YES_GUID = guidFromSeed('backspegel:known-at-the-time:yes');
export const KNOWN_NO_GUID = guidFromSeed('backspegel:known-at-the-time:no');
export const QUESTION_ROOT_NAME = 'Reflektionsfrågor';
export const KNOWN_YES_NAME = 'Känt vid tidpunkten: ja';
export const KNOWN_NO_NAME = 'Känt vid tidpunkten: nej';

/** Variables that carry a family's years rather than one of its attributes. */
export const ACTIVE_FROM_VARIABLE = 'Känd sedan';
export const ACTIVE_TO_VARIABLE = 'Avslutad';

/** The family of imported sources that belong to no case. */
export const UNCASED_FAMILY = 'Importerade dokument';

/** What one of our own notes is, written as its Description: `backspegel:<kind>` or `backspegel:<kind> key=<key>`. */
export type NoteKind = 'memo' | 'reflection' | 'meta-reflection' | 'reference';

export function noteMarker(kind: NoteKind, key?: string): string {
  return key === undefined ? `backspegel:${kind}` : `backspegel:${kind} key=${key}`;
}

export function readNoteMarker(description: string): { kind: NoteKind; key: string | null } | null {
  const match = /^backspegel:(memo|reflection|meta-reflection|reference)(?: key=(\S{1,200}))?$/.exec(description.trim());
  return match ? { kind: match[1] as NoteKind, key: match[2] ?? null } : null;
}

/** A GUID for an object of the study; `kind` keeps ids of different kinds apart. */
export const guidFor = (kind: string, studyId: string, id: string): string => guidFromSeed(`backspegel:${kind}:${studyId}:${id}`);
/** Users are the same across studies, so their GUID does not depend on the study. */
export const userGuid = (userId: string): string => guidFromSeed(`backspegel:user:${userId}`);

/** The last line of a question code's Description: the question's id, so reflections find it again. */
export const questionMarker = (questionId: string): string => `backspegel:question key=${questionId}`;

/** A question code's Description split into the question text and the id its marker names (null: none). */
export function readQuestionDescription(description: string): { text: string; id: string | null } {
  const match = /\n*backspegel:question key=([a-z0-9][a-z0-9-]{0,63})\s*$/.exec(description);
  return match ? { text: description.slice(0, match.index).trim(), id: match[1]! } : { text: description.trim(), id: null };
}
