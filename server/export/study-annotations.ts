// Every annotation of a study with what the exports print beside it: family, document, the dated
// entry it starts in, its question, the codes applied to it and its author's display name. Shared by
// the CSV and the Web Annotation (JSON-LD) exports, so both list the same annotations in the same order.
import { yieldToEventLoop } from '../workers/event-loop.ts';
import { lastStartingAtOrBefore } from '../domain/sorted-spans.ts';
import type { Annotation, Code, DocumentMeta, Entry, EntryKind, Family } from '../domain/types.ts';
import { displayName } from '../http/views.ts';
import { codes as codeCollection, codings as codingCollection } from '../store/study-collections.ts';
import type { ExportSource } from './study-exports.ts';

/** Entry kinds as the reader names them (client/i18n/sv/reader.ts `kind.*`). */
export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  anmalan: 'Anmälan',
  ansokan: 'Ansökan',
  utredning: 'Utredning',
  beslut: 'Beslut',
  journalanteckning: 'Journalanteckning',
  uppfoljning: 'Uppföljning',
  sip: 'SIP',
  placering: 'Placering',
  ovrigt: 'Övrigt',
};

export interface ExportedAnnotation {
  annotation: Annotation;
  family: Family;
  document: DocumentMeta;
  /** The dated entry holding the annotation's start; null before the first entry. */
  entry: Entry | null;
  questionLabel: string;
  /** The codes applied to the annotation, in the order they were applied. */
  codes: Code[];
  authorName: string;
}

/** In study order: family by family, document by document, then by position in the text. */
export async function studyAnnotations(source: ExportSource): Promise<ExportedAnnotation[]> {
  const { repo } = source;
  const study = repo.study;
  const users = [...source.users];
  const questions = new Map(study.questions.map((q) => [q.id, q.label]));
  const codeById = new Map(repo.records.list(codeCollection).map((c) => [c.id, c]));
  const codesOf = new Map<string, Code[]>();
  const codings = [...repo.records.list(codingCollection)].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const coding of codings) {
    const code = codeById.get(coding.codeId);
    if (coding.target.type !== 'annotation' || !code) continue;
    const list = codesOf.get(coding.target.id) ?? [];
    list.push(code);
    codesOf.set(coding.target.id, list);
  }

  const out: ExportedAnnotation[] = [];
  for (const family of study.families) {
    // A family at a time: the chronologies come from memory, and awaiting them lets no request through.
    await yieldToEventLoop();
    const byDocument = new Map<string, Annotation[]>();
    for (const a of repo.familyData(family.id).annotations) {
      const list = byDocument.get(a.documentId) ?? [];
      list.push(a);
      byDocument.set(a.documentId, list);
    }
    for (const document of study.documents) {
      const annotations = byDocument.get(document.id);
      if (!annotations) continue;
      const entries = await repo.documents.entries(document.id);
      annotations.sort((a, b) => a.target.start - b.target.start || a.createdAt.localeCompare(b.createdAt));
      for (const annotation of annotations) {
        out.push({
          annotation,
          family,
          document,
          entry: entries[lastStartingAtOrBefore(entries, annotation.target.start)] ?? null,
          questionLabel: questions.get(annotation.questionId) ?? annotation.questionId,
          codes: codesOf.get(annotation.id) ?? [],
          authorName: displayName(users, annotation.authorId) ?? '',
        });
      }
    }
  }
  return out;
}
