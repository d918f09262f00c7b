// A user's own progress on one family: what the study view shows per family.
import type { Annotation, FamilyProgress, ReflectionQuestion } from './types.ts';

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
