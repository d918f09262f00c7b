// researchOverview on a hand-made study of two families and two questions; totals counted by hand.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { researchOverview, type OverviewInput } from '../../server/domain/research-overview.ts';
import type { Annotation, Coding, Family, Memo } from '../../server/domain/types.ts';

const s = suite('Research overview');

const family = (id: string, pseudonym: string) => ({ id, pseudonym, activeFrom: '2010-01-01', activeTo: null, assignedTo: [] }) as Family;
const note = (id: string, familyId: string, questionId: string) => ({ id, familyId, questionId }) as Annotation;
const coding = (id: string, familyId: string) => ({ id, familyId, codeId: 'c' }) as Coding;
const memo = (id: string, familyId: string | null) => ({ id, familyId }) as Memo;

const study: OverviewInput['study'] = {
  questions: [
    { id: 'q1', label: 'Tidiga tecken', text: 'Fanns det tidiga tecken?' },
    { id: 'q2', label: 'Öppningar', text: 'Fanns det öppningar?' },
  ],
  families: [family('A', 'Familj A'), family('B', 'Familj B')],
};

const data: Record<string, ReturnType<OverviewInput['familyData']>> = {
  // Four annotations: two on q1, one on q2, one on a question no longer in the study.
  // Reflections: the summary and q2 are written; q1 is only blanks.
  A: {
    annotations: [note('a1', 'A', 'q1'), note('a2', 'A', 'q1'), note('a3', 'A', 'q2'), note('a4', 'A', 'borttagen')],
    reflections: { summary: { text: 'Sammanfattat.' }, q1: { text: '  \n ' }, q2: { text: 'Skrivet.' } },
  },
  B: { annotations: [note('b1', 'B', 'q2')], reflections: {} },
};

// Codings: A has three (q1, q2, and one with no question, e.g. a passage); B has one on its summary.
const question: Record<string, string | null> = { k1: 'q1', k2: 'q2', k3: null, k4: 'summary' };
const codings = [coding('k1', 'A'), coding('k2', 'A'), coding('k3', 'A'), coding('k4', 'B')];
// Memos: one about family A, one about the study, one about a code.
const memos = [memo('m1', 'A'), memo('m2', null), memo('m3', null)];

const overview = researchOverview({
  study,
  familyData: (id) => data[id]!,
  codings,
  memos,
  codeCount: 7,
  questionOf: (k) => question[k.id] ?? null,
});

s('questions are listed by id and label', () => {
  assert.equal(overview.questions, [{ id: 'q1', label: 'Tidiga tecken' }, { id: 'q2', label: 'Öppningar' }]);
});

/** [annotations, codings, reflection written] in one question's cell. */
type Cell = [number, number, boolean];
type Totals = { annotations: number; reflections: number; codings: number; memos: number };

/** A family's expected row: its cell per question, then its totals. */
function row(id: string, pseudonym: string, cells: Record<string, Cell>, totals: Totals) {
  const byQuestion = Object.fromEntries(
    Object.entries(cells).map(([q, [annotations, codings, reflection]]) => [q, { annotations, codings, reflection }]),
  );
  return { id, pseudonym, byQuestion, ...totals };
}

s('per family: annotations, codings and written reflections per question, and the family totals', () => {
  assert.equal(overview.families, [
    row('A', 'Familj A', { q1: [2, 1, false], q2: [1, 1, true] }, { annotations: 4, reflections: 2, codings: 3, memos: 1 }),
    row('B', 'Familj B', { q1: [0, 0, false], q2: [1, 0, false] }, { annotations: 1, reflections: 0, codings: 1, memos: 0 }),
  ]);
});

s('study totals: the families summed, every memo, and the number of codes', () => {
  assert.equal(overview.totals, { annotations: 5, reflections: 2, codings: 4, memos: 3, codes: 7 });
});

s('an empty study has zero totals', () => {
  const empty = researchOverview({
    study: { questions: [], families: [] }, familyData: () => ({ annotations: [], reflections: {} }),
    codings: [], memos: [], codeCount: 0, questionOf: () => null,
  });
  assert.equal(empty, { questions: [], families: [], totals: { annotations: 0, reflections: 0, codings: 0, memos: 0, codes: 0 } });
});

s.run();
