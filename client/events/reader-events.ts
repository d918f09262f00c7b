// Custom events of reading and writing in a family's case file: annotations, the timeline, the Markdown
// editor.
// Their detail types and the events with their details; client/events.ts re-exports them.
import type { AnnotationView, TextTarget } from '../../server/domain/types.ts';

export interface AnnotationStartDetail {
  documentId: string;
  questionId: string;
  target: TextTarget;
}

export interface AnnotationSubmitDetail {
  questionId: string;
  comment: string;
  knownAtTheTime: boolean | null;
}

export interface AnnotationRefDetail {
  annotation: AnnotationView;
}

export interface BlockSelectDetail {
  /** Block key, `${documentId}:${start}` */
  block: string;
}

/** A place in the case file found by "Sök i akten": its block and document offsets. */
export interface FindHitDetail {
  block: string;
  start: number;
  end: number;
}

export interface MarkdownInputDetail {
  value: string;
}

export interface ReaderEventMap {
  /** Reader: the user picked a question for the selected text. */
  'bs-annotation-start': AnnotationStartDetail;
  /** Annotation form: save. */
  'bs-annotation-submit': AnnotationSubmitDetail;
  /** Annotation form: cancel (button or Esc). */
  'bs-annotation-cancel': Record<string, never>;
  /** Annotation card: edit this annotation. */
  'bs-annotation-edit': AnnotationRefDetail;
  /** Annotation card: delete confirmed. */
  'bs-annotation-delete': AnnotationRefDetail;
  /** Timeline: go to this block. */
  'bs-block-select': BlockSelectDetail;
  /** "Sök i akten": show this occurrence. */
  'bs-find-hit': FindHitDetail;
  /** "Sök i akten": the search was cleared (no occurrence to show). */
  'bs-find-clear': Record<string, never>;
  /** Markdown editor: the text changed. */
  'bs-markdown-input': MarkdownInputDetail;
  /** Markdown editor: the textarea lost focus. */
  'bs-markdown-blur': MarkdownInputDetail;
}
