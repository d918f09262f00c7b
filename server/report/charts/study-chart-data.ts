// The charts' inputs gathered from the live study: annotations and reflections per family, the code
// matrices exactly as GET /matrix counts them, and the families' key case-file entries and annotations
// dated by the entry they are in.
import { buildMatrix, type MatrixColumn } from '../../domain/matrix.ts';
import type { Coding, Entry } from '../../domain/types.ts';
import { entryDateAt } from '../../http/coding-views.ts';
import { PASSAGE_COLUMN, SUMMARY_COLUMN, resolvedQuestionColumns } from '../../routes/matrix.ts';
import type { StudyRepo } from '../../store/study-repo.ts';
import { codes, codings } from '../../store/study-collections.ts';
import type { AlignedFamiliesInput } from './aligned-families-chart.ts';
import type { ChronologyInput } from './chronology-chart.ts';
import { KEY_KINDS } from './chronology-chart.ts';
import type { HeatmapInput } from './heatmap-chart.ts';
import type { ProgressInput } from './progress-chart.ts';
import { yieldToEventLoop } from '../../workers/event-loop.ts';

export interface ChartScope {
  families: string[];
  questions: string[];
  codes: string[];
}

export interface StudyChartInputs {
  progress: ProgressInput;
  heatmapByQuestion: HeatmapInput;
  heatmapByFamily: HeatmapInput;
  aligned: AlignedFamiliesInput;
  chronologies: ChronologyInput[];
}

/** Scope order follows the study (questions, families) and the codebook (codes), not the list given. */
export async function studyChartInputs(repo: StudyRepo, scope: ChartScope, earlySignQuestion = 'tidiga-tecken'): Promise<StudyChartInputs> {
  const study = repo.study;
  const inFamilies = new Set(scope.families);
  const inQuestions = new Set(scope.questions);
  const families = study.families.filter((f) => inFamilies.has(f.id));
  const questions = study.questions.filter((q) => inQuestions.has(q.id)).map((q) => ({ id: q.id, label: q.label }));

  const progress: ProgressInput = {
    questions,
    families: families.map((f) => {
      const data = repo.familyData(f.id);
      const annotations: Record<string, number> = {};
      for (const a of data.annotations) if (inQuestions.has(a.questionId)) annotations[a.questionId] = (annotations[a.questionId] ?? 0) + 1;
      const reflections = Object.entries(data.reflections)
        .filter(([key, r]) => (key === SUMMARY_COLUMN || inQuestions.has(key)) && r.text.trim().length > 0).length;
      return { id: f.id, name: f.pseudonym, annotations, reflections };
    }),
  };

  // The matrices: the whole study counted as GET /matrix counts it (rollup = a code with its sub-codes),
  // then cut to the scope; codings outside the scope's families do not count in the question matrix.
  const allCodes = repo.records.list(codes);
  const scopedCodings = repo.records.list(codings).filter((k) => inFamilies.has(k.familyId));
  const inCodes = new Set(scope.codes);
  const cut = (cols: MatrixColumn[], columnOf: (c: Coding) => string | null, keep: (col: MatrixColumn, total: number) => boolean, columns: HeatmapInput['columns']): HeatmapInput => {
    const m = buildMatrix(allCodes, scopedCodings, cols, columnOf);
    const rowIdx = m.rows.flatMap((r, i) => (inCodes.has(r.id) ? [i] : []));
    const colIdx = m.cols.flatMap((c, j) => (keep(c, rowIdx.reduce((s, i) => s + m.rollup[i]![j]!, 0)) ? [j] : []));
    // Depth relative to the shallowest code in scope, so a scope of sub-codes is not all indented.
    const minDepth = Math.min(...rowIdx.map((i) => m.rows[i]!.depth));
    return {
      columns,
      rows: rowIdx.map((i) => ({ id: m.rows[i]!.id, label: m.rows[i]!.label, depth: m.rows[i]!.depth - minDepth })),
      cols: colIdx.map((j) => m.cols[j]!),
      cells: rowIdx.map((i) => colIdx.map((j) => m.rollup[i]![j]!)),
    };
  };
  const byQuestion = await resolvedQuestionColumns(repo, scopedCodings);
  // Each matrix, and then each family, in a turn of its own: at ten times the bench study a matrix is
  // a tenth of a second, and the families' entries come from a cache without a turn of the loop.
  // The summary and passages-in-the-file columns are shown when anything in scope is coded there.
  const heatmapByQuestion = cut(byQuestion.cols, byQuestion.columnOf,
    (c, total) => inQuestions.has(c.id) || ((c.id === SUMMARY_COLUMN || c.id === PASSAGE_COLUMN) && total > 0), 'question');
  await yieldToEventLoop();
  const heatmapByFamily = cut(families.map((f) => ({ id: f.id, label: f.pseudonym })), (k) => k.familyId, () => true, 'family');

  const chronologies: ChronologyInput[] = [];
  const aligned: AlignedFamiliesInput = {
    earlySignLabel: study.questions.find((q) => q.id === earlySignQuestion)?.label ?? 'Tidiga tecken',
    families: [],
  };
  for (const f of families) {
    await yieldToEventLoop();
    const docs = study.documents.filter((d) => d.familyId === f.id);
    const entriesOf = new Map<string, Entry[]>();
    for (const d of docs) entriesOf.set(d.id, await repo.documents.entries(d.id));
    const entries = [...entriesOf.values()].flat().map(({ date, kind, title }) => ({ date, kind, title }));
    const data = repo.familyData(f.id);
    // An annotation is dated by its entry; one before the first entry (or in a document without entries) is left out.
    const dated = data.annotations.flatMap((a) => {
      const date = entryDateAt(entriesOf.get(a.documentId) ?? [], a.target.start);
      return date === null ? [] : [{ date, questionId: a.questionId, knownAtTheTime: a.knownAtTheTime }];
    });
    chronologies.push({
      family: { id: f.id, name: f.pseudonym },
      questions,
      entries: entries.filter((e) => (KEY_KINDS as readonly string[]).includes(e.kind)),
      annotations: dated.filter((a) => inQuestions.has(a.questionId)),
    });
    const first = (dates: string[]): string | null => dates.reduce<string | null>((m, d) => (m === null || d < m ? d : m), null);
    const firstOfKind = (kind: Entry['kind']) => first(entries.filter((e) => e.kind === kind).map((e) => e.date));
    aligned.families.push({
      id: f.id,
      name: f.pseudonym,
      firstContact: first([f.activeFrom.slice(0, 10), ...entries.map((e) => e.date)])!,
      firstEarlySign: first(dated.filter((a) => a.questionId === earlySignQuestion).map((a) => a.date)),
      firstInvestigation: firstOfKind('utredning'),
      firstDecision: firstOfKind('beslut'),
      firstPlacement: firstOfKind('placering'),
    });
  }
  return { progress, heatmapByQuestion, heatmapByFamily, aligned, chronologies };
}
