// What caseworkers write about a family: annotations on passages of its case files, and reflections.

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
