// Loads what a family's page shows: the study, the family, its annotations and its case file. A long
// document shows from its head first (…/documents/:doc?head=), then whole: both are asked for at once, and
// the whole ones come back in `rest` for the page to put in place of the heads. The annotations are asked
// for once the whole case file is in: placing a few thousand of them in the text takes the server a
// moment, on the thread that also answers for the text, and the text comes first.
import type { AnnotationView, DocumentView, FamilyView, StudyView } from '../../../server/domain/types.ts';
import type { LoadedDocument } from '../../common/chronology.ts';
import type { Api } from '../../data/api.ts';
import { fetchFamilyAnnotations } from '../../data/annotations.ts';
import { fetchDocument, fetchDocumentHead, fetchDocuments, type DocumentListItem } from '../../data/documents.ts';
import { fetchFamily, fetchStudy } from '../../data/studies.ts';

/** A document longer than HEAD_FROM characters first shows its first HEAD_CHARS (the first screen), then the rest. */
const HEAD_CHARS = 40_000;
const HEAD_FROM = 4 * HEAD_CHARS;

export interface LoadedCaseFile {
  study: StudyView;
  family: FamilyView;
  /** The family's annotations, arriving after the text (the page shows the text first). */
  annotations: Promise<AnnotationView[]>;
  docs: LoadedDocument[];
  /** Ids of the documents of which only the head is loaded yet. */
  partial: string[];
  /** The whole documents, when some came as heads only (else null). */
  rest: Promise<DocumentView[]> | null;
}

/** Loads a family's page; with `heads`, long documents come as their heads first. */
export async function loadCaseFile(api: Api, studyId: string, familyId: string, heads: boolean): Promise<LoadedCaseFile> {
  // The documents (the large part) are requested as soon as their list is in, beside the rest. A long
  // one is asked for twice at once: its head for the first screen, and the whole of it (which arrives
  // later; asking for it only after the head would delay the end of the file by a round trip).
  const listed = fetchDocuments(api, studyId, familyId);
  const isLong = (d: DocumentListItem) => heads && d.length > HEAD_FROM;
  const requests = listed.then((docs) => docs.map((d) => {
    const head = isLong(d) ? fetchDocumentHead(api, studyId, d.id, HEAD_CHARS) : null;
    const whole = fetchDocument(api, studyId, d.id);
    whole.catch(() => undefined); // a failure is reported where it is awaited, not as unhandled
    // Should the head fail, the whole shows, only later.
    return { head: head?.catch(() => whole) ?? null, whole };
  }));
  const shown = requests.then((docs) => Promise.all(docs.map((d) => d.head ?? d.whole)));
  const wholes = requests.then((docs) => Promise.all(docs.map((d) => d.whole)));
  const annotations = wholes.catch(() => undefined).then(() => fetchFamilyAnnotations(api, studyId, familyId));
  annotations.catch(() => undefined); // reported where it is awaited
  const [study, family, list, views] = await Promise.all([fetchStudy(api, studyId), fetchFamily(api, studyId, familyId), listed, shown]);
  const partial = views.filter((v) => 'length' in v && typeof v.length === 'number' && v.text.length < v.length).map((v) => v.id);
  const rest = partial.length ? wholes : null;
  const docs = views.map((view, i) => ({ view, date: list[i]!.date }));
  return { study, family, annotations, docs, partial, rest };
}

/** `docs` with each head replaced by its whole document. */
export function withWholeDocuments(docs: LoadedDocument[], whole: DocumentView[]): LoadedDocument[] {
  const byId = new Map(whole.map((v) => [v.id, v]));
  return docs.map((d) => ({ ...d, view: byId.get(d.view.id) ?? d.view }));
}
