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
  /** Markdown editor: the text changed. */
  'bs-markdown-input': MarkdownInputDetail;
  /** Markdown editor: the textarea lost focus. */
  'bs-markdown-blur': MarkdownInputDetail;
}
