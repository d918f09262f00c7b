// The researcher's workspace: codebook, codings, memos, matrices and the overview.
import type { TextTarget } from './annotation-types.ts';

/** One code of a study's hierarchical codebook. */
export interface Code {
  id: string;
  name: string;
  /** Plain text or Markdown: what the code means and when to apply it. */
  description: string;
  /** "#rrggbb"; shown beside the name, never as the only sign of a code. */
  color: string;
  /** The parent code; null for a top-level code. */
  parentId: string | null;
  /** Citation keys of works in the study's reference library that the code draws on; absent for none. */
  references?: string[];
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  version: number;
}

/** What the client sends to code something (POST /codings `target`). */
export type CodingTargetInput =
  | { type: 'annotation'; id: string }
  /** A caseworker's reflection, whole, or a passage of it when start/end/exact are given. */
  | { type: 'reflection'; familyId: string; key: string; start?: number; end?: number; exact?: string }
  /** A passage of a case-file document. */
  | { type: 'passage'; documentId: string; start: number; end: number; exact: string };

/** A coding's target as stored: passages carry their quote selectors for re-anchoring. */
export type CodingTarget =
  | { type: 'annotation'; id: string }
  | { type: 'reflection'; familyId: string; key: string; passage: TextTarget | null }
  | ({ type: 'passage'; documentId: string } & TextTarget);

/** One code applied to one segment. Several codings may share a segment; segments may overlap. */
export interface Coding {
  id: string;
  codeId: string;
  target: CodingTarget;
  /** The family the segment belongs to. */
  familyId: string;
  createdBy: string;
  createdAt: string;
  version: number;
}

/** The segment behind a coding, resolved for display: where it is and what it says. */
export interface CodedSegment {
  familyId: string;
  familyPseudonym: string;
  /** The document of an annotation or passage; null for a reflection. */
  documentId: string | null;
  documentTitle: string | null;
  /** Offset in the document (annotation, passage) or the reflection text (a passage of it). */
  start: number | null;
  /** The date of the entry the segment is in; null for a reflection. */
  date: string | null;
  /** The annotation's question, or the reflection's (null for the summary and for passages). */
  questionId: string | null;
  /** The coded text itself. */
  text: string;
  /** The caseworker's comment on a coded annotation. */
  comment: string | null;
  annotationId: string | null;
  /** The reflection key of a coded reflection. */
  reflectionKey: string | null;
  /** The passage could not be found in the text any more. */
  orphan: boolean;
}

/** GET /codings: a coding with its code's name, its coder and its segment. */
export interface CodingView extends Coding {
  codeName: string;
  createdByName: string;
  segment: CodedSegment;
}

/** What a memo is about. A memo about a reflection (id "<familyId>:<key>") is a meta-reflection. */
export interface MemoAbout {
  type: 'study' | 'family' | 'code' | 'reflection';
  id: string;
}

export interface Memo {
  id: string;
  title: string;
  /** Markdown */
  body: string;
  about: MemoAbout;
  /** The family it concerns (a family memo or a meta-reflection); null for the study and codes. */
  familyId: string | null;
  /** Citation keys of works in the study's reference library the memo is linked to; absent for none. */
  references?: string[];
  authorId: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface MemoView extends Memo {
  authorName: string;
}

/** GET /matrix: counts of codings per code (rows, in codebook order) and question or family. */
export interface CodeMatrix {
  rows: { id: string; label: string; color: string; parentId: string | null; depth: number }[];
  cols: { id: string; label: string }[];
  /** The code's own codings per column. */
  cells: number[][];
  /** The same with every descendant code's codings added: what a folded row shows. */
  rollup: number[][];
  /** With `&cell=r,c`: the codings behind that cell (`&rollup=1`: with the descendants'). */
  segments?: CodingView[];
}

/** GET /overview: the study's totals for researchers and the lead. */
export interface ResearchOverview {
  questions: { id: string; label: string }[];
  families: {
    id: string;
    pseudonym: string;
    /** Annotations and codings per question id (codings of annotations and reflections on that question). */
    byQuestion: Record<string, { annotations: number; codings: number; reflection: boolean }>;
    annotations: number;
    /** Reflections with text, the summary included. */
    reflections: number;
    codings: number;
    memos: number;
  }[];
  totals: { annotations: number; reflections: number; codings: number; memos: number; codes: number };
}
