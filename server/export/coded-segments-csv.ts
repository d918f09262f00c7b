// A code's coded segments as CSV: one row per coding, with where the segment is and what it says.
import type { CodingView, ReflectionQuestion } from '../domain/types.ts';
import { toCsv } from './csv.ts';

const KIND: Record<CodingView['target']['type'], string> = { annotation: 'markering', reflection: 'reflektion', passage: 'stycke i akten' };

export function codedSegmentsCsv(views: readonly CodingView[], questions: readonly ReflectionQuestion[]): string {
  const label = new Map<string, string>(questions.map((q) => [q.id, q.label]));
  label.set('summary', 'Sammanfattning');
  const header = ['kod', 'familj', 'typ', 'datum', 'fråga', 'dokument', 'kodat stycke', 'kommentar', 'kodad av', 'kodad', 'hittas inte längre'];
  const rows = views.map((v) => {
    const s = v.segment;
    const question = s.questionId ?? s.reflectionKey;
    return [
      v.codeName, s.familyPseudonym, KIND[v.target.type], s.date ?? '', question ? label.get(question) ?? question : '',
      s.documentTitle ?? '', s.text, s.comment ?? '', v.createdByName, v.createdAt.slice(0, 10), s.orphan ? 'ja' : '',
    ];
  });
  return toCsv(header, rows);
}
