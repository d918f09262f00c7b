// What GET /search returns.

/** What a search hit is: a dated entry of a case file, an annotation, a reflection, an investigation's appraisal, a memo or a målgruppsinventering child's rating. */
export type HitType = 'entry' | 'annotation' | 'reflection' | 'appraisal' | 'memo' | 'rating';

/** One hit of GET /search. */
export interface SearchHit {
  type: HitType;
  /** 'e:<documentId>:<start>', 'a:<annotationId>', 'r:<familyId>:<key>', 'b:<appraisalId>', 'm:<memoId>' or 'g:<childId>:<raterId>' (a rating). */
  id: string;
  title: string;
  snippet: string;
  /** Where the query's words are in `snippet`: [start, end) offsets, in order. Plain text, for the client to mark. */
  highlights: [number, number][];
  score: number;
  /** null for a memo about the study or a code. */
  familyId: string | null;
  documentId: string | null;
  /** Offset in the document: where an entry or an annotation starts, or an appraised investigation's start entry. */
  start: number | null;
  questionId: string | null;
  authorId: string | null;
  year: number | null;
  /** A målgruppsinventering rating's child (its reason is the hit's text; the rater is `authorId`); null for the other kinds. */
  childId: string | null;
}

/** GET /search: one page of hits and the number of all matches. */
export interface SearchPage {
  hits: SearchHit[];
  total: number;
}
