// Detail types of Backspegel's custom events. Every event is kebab-case, prefixed `bs-`, bubbles and is
// composed; components fire them on user action only. Use fire() to send one with the right detail type.
import type { AnnotationView, DocumentMeta, SessionUser, TextTarget } from '../server/domain/types.ts';

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

export interface ImportSubmitDetail {
  file: File;
  title: string;
}

export interface DocumentImportedDetail {
  document: DocumentMeta;
}

export interface LoginDetail {
  user: SessionUser;
}

/** Every custom event of the app and the type of its detail. */
export interface BsEventMap {
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
  /** Import form: upload this file. */
  'bs-import-submit': ImportSubmitDetail;
  /** Import panel: a document was imported. */
  'bs-document-imported': DocumentImportedDetail;
  /** Login view: the user signed in. */
  'bs-login': LoginDetail;
}

/** Dispatches a bubbling, composed custom event from `target`. */
export function fire<K extends keyof BsEventMap>(target: EventTarget, type: K, detail: BsEventMap[K]): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'bs-annotation-start': CustomEvent<AnnotationStartDetail>;
    'bs-annotation-submit': CustomEvent<AnnotationSubmitDetail>;
    'bs-annotation-cancel': CustomEvent<Record<string, never>>;
    'bs-annotation-edit': CustomEvent<AnnotationRefDetail>;
    'bs-annotation-delete': CustomEvent<AnnotationRefDetail>;
    'bs-block-select': CustomEvent<BlockSelectDetail>;
    'bs-markdown-input': CustomEvent<MarkdownInputDetail>;
    'bs-markdown-blur': CustomEvent<MarkdownInputDetail>;
    'bs-import-submit': CustomEvent<ImportSubmitDetail>;
    'bs-document-imported': CustomEvent<DocumentImportedDetail>;
    'bs-login': CustomEvent<LoginDetail>;
  }
}
