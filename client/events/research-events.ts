// Custom events of research work: search, the codebook and coding, references, the code page and the matrix.
// Their detail types and the events with their details; client/events.ts re-exports them.
import type { CodingTargetInput, CodingView } from '../../server/domain/types.ts';
import type { CodeInput, CodeListItem } from '../data/research.ts';
import type { ReferenceView } from '../data/references.ts';
import type { SearchFilters } from '../route.ts';

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

export interface ResearchEventMap {
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
