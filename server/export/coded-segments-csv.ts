// A code's coded segments as CSV: one row per coding, with where the segment is and what it says.
import type { CodedSegment, CodingView, ReflectionQuestion } from '../domain/types.ts';
import { toCsv } from './csv.ts';

const KIND: Record<CodingView['target']['type'], string> = { annotation: 'markering', reflection: 'reflektion', passage: 'stycke i akten' };

/** The label of a segment's question (or "Sammanfattning" for the summary reflection); '' for none. */
export function segmentQuestionLabeller(questions: readonly ReflectionQuestion[]): (segment: CodedSegment) => string {
  const label = new Map<string, string>(questions.map((q) => [q.id, q.label]));
  label.set('summary', 'Sammanfattning');
  return (s) => {
    const question = s.questionId ?? s.reflectionKey;
    return question ? label.get(question) ?? question : '';
  };
}

export function codedSegmentsCsv(views: readonly CodingView[], questions: readonly ReflectionQuestion[]): string {
  const questionOf = segmentQuestionLabeller(questions);
  const header = ['kod', 'familj', 'typ', 'datum', 'fråga', 'dokument', 'kodat stycke', 'kommentar', 'kodad av', 'kodad', 'hittas inte längre'];
  const rows = views.map((v) => {
    const s = v.segment;
    return [
      v.codeName, s.familyPseudonym, KIND[v.target.type], s.date ?? '', questionOf(s),
      s.documentTitle ?? '', s.text, s.comment ?? '', v.createdByName, v.createdAt.slice(0, 10), s.orphan ? 'ja' : '',
    ];
  });
  return toCsv(header, rows);
}
