// Progress: a user's own progress on one family (what the study view shows per family), and the
// lead's overview of every family and caseworker (entries read, annotations, reflections).
import type { Annotation, DocumentMeta, FamilyProgress, ReflectionQuestion, Study, StudyProgress } from './types.ts';

export function familyProgress(
  questions: ReflectionQuestion[],
  annotations: readonly Annotation[],
  reflections: Record<string, { text: string; updatedBy: string }>,
  userId: string,
): FamilyProgress {
  const annotationsByQuestion: Record<string, number> = Object.fromEntries(questions.map((q) => [q.id, 0]));
  for (const a of annotations) {
    if (a.authorId === userId && a.questionId in annotationsByQuestion) annotationsByQuestion[a.questionId]! += 1;
  }
  const written = (key: string) => (reflections[key]?.text.trim().length ?? 0) > 0;
  return {
    annotationsByQuestion,
    reflectionsWritten: questions.filter((q) => written(q.id)).length,
    summaryWritten: written('summary'),
  };
}

/** What the progress overview needs of one family's records. */
export interface FamilyRecords {
  annotations: readonly Annotation[];
  reflections: Record<string, { text: string; updatedBy: string }>;
  reading: readonly { userId: string; documentId: string; reached: number }[];
}

/**
 * Entries of `documents` that `userId` has read: per document, the entries up to and including the
 * highest one reached (index + 1), never more than the document has. Documents of other families count nothing.
 */
export function entriesRead(
  documents: readonly Pick<DocumentMeta, 'id' | 'entryCount'>[],
  reading: FamilyRecords['reading'],
  userId: string,
): number {
  const counts = new Map(documents.map((d) => [d.id, d.entryCount]));
  let read = 0;
  for (const r of reading) {
    const count = counts.get(r.documentId);
    if (r.userId === userId && count !== undefined) read += Math.min(count, r.reached + 1);
  }
  return read;
}

/**
 * The lead's overview: per family, its documents and entries, and per caseworker — those assigned to
 * it first, then anyone else who has read or annotated in it — the entries read, their annotations per
 * question, and the family's written reflections and summary (shared texts, as `familyProgress` counts them).
 * Example: studyProgress(study, (id) => repo.familyData(id), (id) => names.get(id) ?? 'Okänd användare')
 */
export function studyProgress(
  study: Pick<Study, 'families' | 'documents' | 'questions'>,
  recordsOf: (familyId: string) => FamilyRecords,
  nameOf: (userId: string) => string,
): StudyProgress {
  return {
    questions: study.questions.map(({ id, label }) => ({ id, label })),
    families: study.families.map((family) => {
      const documents = study.documents.filter((d) => d.familyId === family.id);
      const records = recordsOf(family.id);
      const others = new Set([...records.reading.map((r) => r.userId), ...records.annotations.map((a) => a.authorId)]);
      for (const id of family.assignedTo) others.delete(id);
      const people = [...family.assignedTo, ...[...others].sort()];
      return {
        id: family.id,
        pseudonym: family.pseudonym,
        documentCount: documents.length,
        entryCount: documents.reduce((sum, d) => sum + d.entryCount, 0),
        caseworkers: people.map((userId) => ({
          userId,
          displayName: nameOf(userId),
          entriesRead: entriesRead(documents, records.reading, userId),
          ...familyProgress(study.questions, records.annotations, records.reflections, userId),
        })),
      };
    }),
  };
}
