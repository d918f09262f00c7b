// Custom events of importing documents: one file with its preview and names, or a whole archive.
// Their detail types and the events with their details; client/events.ts re-exports them.
import type { DocumentMeta } from '../../server/domain/types.ts';
import type { BulkUpload, NameDecision } from '../data/bulk-imports.ts';

export interface ImportSubmitDetail {
  file: File;
  title: string;
}

export interface DocumentImportedDetail {
  document: DocumentMeta;
}

export interface NameAddDetail {
  name: string;
  label: string;
}

/** Archive upload: upload this zip, or these files with their families. */
export interface ArchiveUploadDetail {
  upload: BulkUpload;
}

/** Name suggestions: the lead's decisions on one family's suggested names. */
export interface NamesDecideDetail {
  decision: NameDecision;
}

export interface ImportEventMap {
  /** Import form: upload this file. */
  'bs-import-submit': ImportSubmitDetail;
  /** Import panel: a document was imported. */
  'bs-document-imported': DocumentImportedDetail;
  /** Import preview: list a missed name. */
  'bs-name-add': NameAddDetail;
  /** Import preview: store the document. */
  'bs-import-commit': Record<string, never>;
  /** Import preview: discard the upload. */
  'bs-import-discard': Record<string, never>;
  /** Archive upload: upload the zip or the files. */
  'bs-archive-upload': ArchiveUploadDetail;
  /** Archive import: start over with a new import. */
  'bs-archive-new': Record<string, never>;
  /** Name suggestions: send the decisions for one family. */
  'bs-names-decide': NamesDecideDetail;
}
