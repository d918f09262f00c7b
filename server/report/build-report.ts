// The study report as data (ReportModel), built from the live study for the lead's choices. Counts per
// code and question come from the same matrix code as GET /matrix (server/domain/matrix.ts with the
// question columns of server/routes/matrix.ts, rolled up over sub-codes), so the two always agree when
// every family is in scope. Small counts are suppressed here, once, so no renderer can print them.
import { yieldToEventLoop } from '../workers/event-loop.ts';
import { codebookOrder, segmentKey, subtreeOf } from '../domain/codebook.ts';
import { buildMatrix } from '../domain/matrix.ts';
import type { Code, CodedSegment, Coding, Family, Memo, Study } from '../domain/types.ts';
import { segmentViews } from '../http/coding-views.ts';
import { displayName } from '../http/views.ts';
import { libraryItems, studyBibliography, studyCitedKeys } from '../literature/study-library.ts';
import { resolvedQuestionColumns } from '../routes/matrix.ts';
import type { User } from '../store/app-data.ts';
import { codes as codesCollection, codings as codingsCollection, memos as memosCollection } from '../store/study-collections.ts';
import type { StudyRepo } from '../store/study-repo.ts';
import { studyCharts } from './charts/index.ts';
import { CHART_SECTIONS, chartSection } from './chart-sections.ts';
import { citedMarkdownHtml, REPORT_CITE_OPTIONS } from './report-citations.ts';
import type {
  ReportChart, ReportCodeFinding, ReportFamily, ReportFinding, ReportModel, ReportOptions, ReportQuote, ReportReflection,
} from './report-types.ts';
import { isSuppressed, suppressCount } from './suppress.ts';

const LEGAL_BASIS: Record<Study['legalBasis'], string> = {
  'follow-up': 'Uppföljning av verksamheten',
  research: 'Forskning',
};

/** Swedish labels of the family attributes the study records; other keys are shown as written. */
const ATTRIBUTE_LABELS: Record<string, string> = {
  children: 'Antal barn',
  placements: 'Antal placeringar',
  costBand: 'Kostnadsnivå',
};

function attributeLabels(family: Family): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(family.attributes ?? {})) {
    if (value === undefined || value === '') continue;
    const label = ATTRIBUTE_LABELS[key] ?? key.charAt(0).toUpperCase() + key.slice(1);
    out[label] = typeof value === 'boolean' ? (value ? 'ja' : 'nej') : String(value);
  }
  return out;
}

const yearOf = (isoDate: string): number | null => {
  const year = Number(isoDate.slice(0, 4));
  return Number.isInteger(year) && year > 0 ? year : null;
};

/** Quote href in the reader: the passage in the case file, or the reflection. */
function quoteHref(studyId: string, segment: CodedSegment): string {
  const e = encodeURIComponent;
  const family = `#/studier/${e(studyId)}/familjer/${e(segment.familyId)}`;
  if (segment.documentId !== null && segment.start !== null) return `${family}/dokument/${e(segment.documentId)}/${segment.start}`;
  if (segment.annotationId) return `${family}/markeringar/${e(segment.annotationId)}`;
  if (segment.reflectionKey) return `${family}/reflektioner/${e(segment.reflectionKey)}`;
  return family;
}

/**
 * Up to `n` quotes, spread over families: families in order of their earliest segment, then one
 * segment from each in turn, earliest first. Deterministic for the same data.
 */
export function pickQuotes(segments: readonly CodedSegment[], n: number): CodedSegment[] {
  if (n <= 0) return [];
  // Earliest first: by date (undated last), document and place; then in the order given, as a stable
  // sort keeps it. A total order.
  const before = (a: Ranked, b: Ranked) =>
    ((a.s.date ?? '9999').localeCompare(b.s.date ?? '9999') || (a.s.documentId ?? '').localeCompare(b.s.documentId ?? '') ||
      (a.s.start ?? 0) - (b.s.start ?? 0) || a.i - b.i) < 0;
  // Each family's n earliest segments, picked in one pass: no family gives more than n quotes, and a
  // code high in the codebook has tens of thousands of segments at ten times the bench study, which
  // sorting whole held up the server for a third of a second.
  const earliest = new Map<string, Ranked[]>();
  segments.forEach((s, i) => {
    if (s.orphan || s.text.trim() === '') return;
    const item = { s, i };
    let list = earliest.get(s.familyId);
    if (!list) earliest.set(s.familyId, (list = []));
    if (list.length === n && !before(item, list[n - 1]!)) return;
    let at = list.length;
    while (at > 0 && before(item, list[at - 1]!)) at--;
    list.splice(at, 0, item);
    if (list.length > n) list.pop();
  });
  const queues = [...earliest.values()].sort((a, b) => (before(a[0]!, b[0]!) ? -1 : 1));
  const picked: CodedSegment[] = [];
  for (let round = 0; picked.length < n && queues.some((q) => q.length > round); round++) {
    for (const q of queues) if (q[round] && picked.length < n) picked.push(q[round]!.s);
  }
  return picked;
}

/** A segment and its place in the list given, for pickQuotes. */
interface Ranked {
  s: CodedSegment;
  i: number;
}

/** The question meant by "early signs", for the charts that align families at first contact. */
function earlySignQuestion(study: Study, questions: string[]): string | undefined {
  return study.questions.find((q) => questions.includes(q.id) && /tidig/i.test(`${q.id} ${q.label}`))?.id;
}


export async function buildReport(repo: StudyRepo, users: readonly User[], options: ReportOptions, clock: () => Date): Promise<ReportModel> {
  const study = repo.study;
  const below = options.suppressBelow;
  const count = (n: number) => suppressCount(n, below);
  const familyIds = new Set(options.families ?? study.families.map((f) => f.id));
  const families = study.families.filter((f) => familyIds.has(f.id));
  const questions = study.questions.filter((q) => !options.questions || options.questions.includes(q.id));
  const allCodes = repo.records.list(codesCollection);
  const codeScope = new Set(options.codes ?? allCodes.map((c) => c.id));
  const ordered = codebookOrder(allCodes);
  const codeById = new Map(allCodes.map((c) => [c.id, c]));
  const codesInScope = ordered.map((r) => r.code).filter((c) => codeScope.has(c.id));
  const allCodings = repo.records.list(codingsCollection).filter((k) => familyIds.has(k.familyId));

  // ——— families ———
  const reportFamilies: ReportFamily[] = [];
  let entries = 0;
  let documents = 0;
  let annotations = 0;
  const annotationsByQuestion = new Map<string, number>();
  for (const family of families) {
    // A family (a question, below) at a time: a large study's report would otherwise hold the server for seconds.
    await yieldToEventLoop();
    const docs = study.documents.filter((d) => d.familyId === family.id);
    let first: number | null = null;
    let last: number | null = null;
    let familyEntries = 0;
    for (const doc of docs) {
      const list = await repo.documents.entries(doc.id);
      familyEntries += list.length;
      for (const entry of list) {
        const year = yearOf(entry.date);
        if (year === null) continue;
        first = first === null ? year : Math.min(first, year);
        last = last === null ? year : Math.max(last, year);
      }
    }
    documents += docs.length;
    entries += familyEntries;
    for (const a of repo.familyData(family.id).annotations) {
      annotations++;
      annotationsByQuestion.set(a.questionId, (annotationsByQuestion.get(a.questionId) ?? 0) + 1);
    }
    reportFamilies.push({ id: family.id, name: family.pseudonym, firstYear: first, lastYear: last, entries: familyEntries, attributes: attributeLabels(family) });
  }
  const years = reportFamilies.flatMap((f) => [f.firstYear, f.lastYear]).filter((y): y is number => y !== null);

  // ——— findings: the code × question matrix over the families in scope ———
  const { cols, columnOf } = await resolvedQuestionColumns(repo, allCodings);
  const matrix = buildMatrix(allCodes, allCodings, cols, columnOf);
  await yieldToEventLoop();
  const rowOf = new Map(matrix.rows.map((r, i) => [r.id, i]));
  const colOf = new Map(matrix.cols.map((c, i) => [c.id, i]));
  const pathOf = (code: Code): string => {
    const names: string[] = [];
    for (let c: Code | undefined = code; c; c = c.parentId ? codeById.get(c.parentId) : undefined) names.unshift(c.name);
    return names.join(' › ');
  };
  // Every segment that may be quoted, resolved once (one document read and one annotation index per family).
  const inQuestions = new Set(questions.map((q) => q.id));
  const quotable = new Map<string, Coding>();
  if (options.quotesPerCode > 0) {
    for (const k of allCodings) {
      const col = columnOf(k);
      if (col !== null && inQuestions.has(col)) quotable.set(segmentKey(k.target), k);
    }
  }
  const quotableKeys = [...quotable.keys()];
  const resolved = await segmentViews(repo, [...quotable.values()]);
  const segmentByKey = new Map(quotableKeys.map((key, i) => [key, resolved[i]!]));
  // The codings by question column and code, each list in the study's order: one pass, where filtering
  // every coding for every question and code grew with their product (seconds at ten times the bench study).
  const byColumnAndCode = new Map<string, Map<string, number[]>>();
  allCodings.forEach((k, i) => {
    const column = columnOf(k);
    if (column === null) return;
    let byCode = byColumnAndCode.get(column);
    if (!byCode) byColumnAndCode.set(column, (byCode = new Map()));
    const list = byCode.get(k.codeId);
    if (list) list.push(i);
    else byCode.set(k.codeId, [i]);
  });
  const findings: ReportFinding[] = [];
  for (const question of questions) {
    await yieldToEventLoop();
    const col = colOf.get(question.id)!;
    const codeFindings: ReportCodeFinding[] = [];
    const byCode = byColumnAndCode.get(question.id);
    for (const code of codesInScope) {
      const n = matrix.rollup[rowOf.get(code.id)!]![col]!;
      if (n === 0) continue;
      // A code at a time: one high in the codebook stands for thousands of codings.
      await yieldToEventLoop();
      const subtree = subtreeOf(allCodes, code.id);
      const behind: Coding[] = [...subtree].flatMap((id) => byCode?.get(id) ?? []).sort((a, b) => a - b).map((i) => allCodings[i]!);
      const familyCount = new Set(behind.map((k) => k.familyId)).size;
      let quotes: ReportQuote[] = [];
      // A quote from a suppressed cell could identify the family it comes from: none are shown.
      if (!isSuppressed(n, below) && options.quotesPerCode > 0) {
        const segments = [...new Set(behind.map((k) => segmentKey(k.target)))].map((key) => segmentByKey.get(key)!);
        quotes = pickQuotes(segments, options.quotesPerCode).map((s) => ({
          text: s.text, familyId: s.familyId, familyName: s.familyPseudonym, date: s.date, href: quoteHref(study.id, s),
        }));
      }
      codeFindings.push({
        code: { id: code.id, name: code.name, color: code.color, path: pathOf(code) },
        count: count(n),
        families: count(familyCount),
        quotes,
      });
    }
    findings.push({
      question: { id: question.id, label: question.label },
      annotations: count(annotationsByQuestion.get(question.id) ?? 0),
      codes: codeFindings,
      charts: [],
    });
  }

  // ——— reflections and meta-reflections ———
  const works = new Map(libraryItems(repo).map((item) => [String(item.id), item]));
  const citedKeys = studyCitedKeys(repo).filter((key) => works.has(key));
  const citedItems = citedKeys.map((key) => works.get(key)!);
  const known = new Set(works.keys());
  const html = (markdown: string) => citedMarkdownHtml(markdown, citedItems, known);
  const memoList = repo.records.list(memosCollection);
  const metaOf = (familyId: string, key: string): Memo[] => memoList
    .filter((m) => m.about.type === 'reflection' && m.about.id === `${familyId}:${key}`)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const reflections: ReportModel['reflections'] = [];
  for (const family of families) {
    await yieldToEventLoop();
    const stored = repo.familyData(family.id).reflections;
    const keys: { key: string; questionId: string | null; label: string }[] = [
      { key: 'summary', questionId: null, label: 'Sammanfattning' },
      ...questions.map((q) => ({ key: q.id, questionId: q.id, label: q.label })),
    ];
    const items: ReportReflection[] = [];
    for (const { key, questionId, label } of keys) {
      const text = stored[key]?.text ?? '';
      const metas = metaOf(family.id, key);
      if (!text.trim() && metas.length === 0) continue;
      const metaReflections: ReportReflection['metaReflections'] = [];
      for (const m of metas) metaReflections.push({ author: displayName(users as User[], m.authorId) ?? '', body: m.body, html: await html(m.body) });
      items.push({ questionId, label, text, html: await html(text), metaReflections });
    }
    if (items.length) reflections.push({ familyId: family.id, familyName: family.pseudonym, items });
  }
  const bibliography = (await studyBibliography(repo, citedItems, REPORT_CITE_OPTIONS)).map((e) => ({ id: e.id, text: e.text, html: e.html }));

  // ——— charts, numbered in the order the report shows them ———
  const drawn = await studyCharts(
    repo,
    { families: families.map((f) => f.id), questions: questions.map((q) => q.id), codes: codesInScope.map((c) => c.id) },
    { suppressBelow: below, earlySignQuestion: earlySignQuestion(study, questions.map((q) => q.id)) },
  );
  const charts: ReportChart[] = CHART_SECTIONS
    .flatMap((section) => drawn.filter((c) => chartSection(c) === section))
    .map((c, i) => ({ ...c, figure: i + 1 }));
  const findingCharts = charts.filter((c) => chartSection(c) === 'findings').map((c) => c.figure);
  for (const finding of findings) finding.charts = findingCharts;

  const roles = study.members.map((m) => m.role);
  return {
    study: {
      id: study.id,
      title: study.title,
      description: study.description,
      selectionCriteria: study.selectionCriteria ?? '',
      legalBasis: LEGAL_BASIS[study.legalBasis] ?? study.legalBasis,
      ethicsApproval: study.ethicsApproval,
      questions: questions.map((q) => ({ id: q.id, label: q.label, text: q.text })),
    },
    generatedAt: clock().toISOString(),
    options,
    method: {
      families: families.length,
      documents,
      entries,
      annotations,
      codings: allCodings.length,
      caseworkers: roles.filter((r) => r === 'caseworker').length,
      researchers: roles.filter((r) => r === 'researcher' || r === 'lead').length,
      firstYear: years.length ? Math.min(...years) : null,
      lastYear: years.length ? Math.max(...years) : null,
    },
    families: reportFamilies,
    findings,
    reflections,
    charts,
    bibliography,
  };
}
