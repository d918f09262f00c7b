// The researcher's overview: the whole study's totals per family and question — annotations,
// reflections written, codings and memos — whoever wrote them. Pure.
import type { Annotation, Coding, Memo, ResearchOverview, Study } from './types.ts';

export interface OverviewInput {
  study: Pick<Study, 'questions' | 'families'>;
  familyData: (familyId: string) => { annotations: readonly Annotation[]; reflections: Readonly<Record<string, { text: string }>> };
  codings: readonly Coding[];
  memos: readonly Memo[];
  codeCount: number;
  /** The question a coding falls under (its annotation's or reflection's), or null. */
  questionOf: (coding: Coding) => string | null;
}

export function researchOverview({ study, familyData, codings, memos, codeCount, questionOf }: OverviewInput): ResearchOverview {
  const totals = { annotations: 0, reflections: 0, codings: 0, memos: 0, codes: codeCount };
  const families = study.families.map((family) => {
    const data = familyData(family.id);
    const byQuestion: ResearchOverview['families'][number]['byQuestion'] = {};
    for (const q of study.questions) {
      byQuestion[q.id] = { annotations: 0, codings: 0, reflection: (data.reflections[q.id]?.text.trim().length ?? 0) > 0 };
    }
    for (const a of data.annotations) if (byQuestion[a.questionId]) byQuestion[a.questionId]!.annotations++;
    const own = codings.filter((c) => c.familyId === family.id);
    for (const c of own) {
      const q = questionOf(c);
      if (q && byQuestion[q]) byQuestion[q]!.codings++;
    }
    const row = {
      id: family.id,
      pseudonym: family.pseudonym,
      byQuestion,
      annotations: data.annotations.length,
      reflections: Object.values(data.reflections).filter((r) => r.text.trim()).length,
      codings: own.length,
      memos: memos.filter((m) => m.familyId === family.id).length,
    };
    totals.annotations += row.annotations;
    totals.reflections += row.reflections;
    totals.codings += row.codings;
    return row;
  });
  totals.memos = memos.length;
  return { questions: study.questions.map((q) => ({ id: q.id, label: q.label })), families, totals };
}
