// The report's quotes per code (pickQuotes): families in order of their earliest segment, then one
// segment of each in turn, earliest first (by date, undated last, then document and place). Checked
// against the rule written out the plain way (sort everything, group, take in turns) over random
// segments: ties, undated ones, orphans and empty texts, one family or many.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { CodedSegment } from '../../server/domain/research-types.ts';
import { pickQuotes } from '../../server/report/build-report.ts';

function byTheRule(segments: readonly CodedSegment[], n: number): CodedSegment[] {
  if (n <= 0) return [];
  const usable = segments.filter((s) => !s.orphan && s.text.trim() !== '');
  const order = (a: CodedSegment, b: CodedSegment) =>
    (a.date ?? '9999').localeCompare(b.date ?? '9999') || (a.documentId ?? '').localeCompare(b.documentId ?? '') || (a.start ?? 0) - (b.start ?? 0);
  const byFamily = new Map<string, CodedSegment[]>();
  for (const s of [...usable].sort(order)) byFamily.set(s.familyId, [...(byFamily.get(s.familyId) ?? []), s]);
  const queues = [...byFamily.values()];
  const picked: CodedSegment[] = [];
  for (let round = 0; picked.length < n && queues.some((q) => q.length > round); round++) {
    for (const q of queues) if (q[round] && picked.length < n) picked.push(q[round]!);
  }
  return picked;
}

const quotes = suite('Quotes per code in the report');

quotes('the same quotes, in the same order, as sorting everything and taking in turns', () => {
  let seed = 11;
  const next = (k: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * k);
  for (let run = 0; run < 400; run++) {
    const count = next(run % 10 === 0 ? 300 : 25);
    const segments: CodedSegment[] = Array.from({ length: count }, (_, i) => ({
      familyId: `fam-${next(1 + (run % 6))}`, familyPseudonym: 'Familj', documentTitle: null, questionId: null, comment: null,
      annotationId: `a-${i}`, reflectionKey: null,
      documentId: next(5) === 0 ? null : `d-${'aAbB'[next(4)]}${next(3)}`,
      start: next(6) === 0 ? null : next(4) * 10,
      date: next(5) === 0 ? null : `20${10 + next(3)}-0${1 + next(3)}-1${next(2)}`,
      text: next(12) === 0 ? '  ' : `Stycke ${i}`,
      orphan: next(10) === 0,
    }));
    const n = next(6);
    assert.equal(pickQuotes(segments, n).map((s) => s.annotationId), byTheRule(segments, n).map((s) => s.annotationId), `run ${run}, n ${n}`);
  }
});

quotes.run();
