// Document calls: list, read, and the direct text import. Files are imported through a preview
// (client/data/imports.ts).
import type { DocumentHeadView, DocumentMeta, DocumentView } from '../../server/domain/types.ts';
import { seg, type Api } from './api.ts';

/** A document as listed for a family, in import order. */
export type DocumentListItem = Pick<DocumentMeta, 'id' | 'title' | 'kind' | 'date' | 'length' | 'entryCount'>;

/** The family's documents in import order. */
export function fetchDocuments(api: Api, studyId: string, familyId: string): Promise<DocumentListItem[]> {
  return api.request('GET', `/api/studies/${seg(studyId)}/families/${seg(familyId)}/documents`);
}

/** One document's full text and its dated entries (may be several MB: read and parsed off the page's thread). */
export function fetchDocument(api: Api, studyId: string, documentId: string): Promise<DocumentView> {
  return api.getOffThread(`/api/studies/${seg(studyId)}/documents/${seg(documentId)}`);
}

/** Only the start of a document: the text up to the end of the entry crossing `chars`, with the whole text's `length`. */
export function fetchDocumentHead(api: Api, studyId: string, documentId: string, chars: number): Promise<DocumentHeadView> {
  return api.request('GET', `/api/studies/${seg(studyId)}/documents/${seg(documentId)}?head=${chars}`);
}

/** Imports plain text as a new document of the family at once, without a preview (lead only). */
export async function importText(
  api: Api, studyId: string, familyId: string, input: { title: string; text: string },
): Promise<DocumentMeta> {
  const { document } = await api.request<{ document: DocumentMeta }>(
    'POST', `/api/studies/${seg(studyId)}/families/${seg(familyId)}/documents`, { body: input },
  );
  return document;
}
