// The slide deck drawn from the study report: slidesFrom(model) is pure (no DOM), so the deck's order,
// titles and speaker notes are tested in Node. Slides: title, purpose and method, the families, one per
// finding (its top codes with a quote or two, and its charts), the aligned families ("Kunde de ha
// upptäckts tidigare?") and a closing slide with questions for discussion and a short bibliography.
// Example: const slides = slidesFrom(model); slides[0].title === model.study.title
import type {
  ReportChart, ReportCodeFinding, ReportCount, ReportFamily, ReportModel, ReportQuote,
} from '../../../server/report/report-types.ts';
import { formatDateLong, formatDateTime, t } from '../../i18n/sv.ts';

/** A code on a finding slide: its name, its numbers as printed, and the quotes shown (shortened). */
export interface SlideCode {
  name: string;
  color: string;
  count: ReportCount;
  families: ReportCount;
  quotes: { text: string; familyName: string; date: string | null }[];
}

interface SlideBase {
  /** Stable within a deck, e.g. "finding-tidiga-tecken". */
  id: string;
  title: string;
  /** Speaker notes, one paragraph each: the numbers behind the slide, chart alt texts, full quotes. */
  notes: string[];
}

export type Slide = SlideBase & (
  | { kind: 'title'; subtitle: string; brand: string }
  | { kind: 'method'; purpose: string; criteria: string; counts: { label: string; value: string }[] }
  | { kind: 'families'; families: { name: string; years: string; entries: number }[] }
  | { kind: 'finding'; codes: SlideCode[]; charts: ReportChart[] }
  | { kind: 'chart'; chart: ReportChart }
  | { kind: 'closing'; questions: string[]; bibliography: string[]; more: number }
);

/** How many codes a finding slide shows, quotes per code, the longest quote on a slide, references. */
export const TOP_CODES = 3;
export const QUOTES_PER_CODE = 2;
export const QUOTE_MAX = 220;
export const BIBLIOGRAPHY_MAX = 5;

/** The chart of the families aligned on their first intervention: its id is, or starts with, this. */
export const ALIGNED_CHART_ID = 'aligned';

/** A count for sorting: a suppressed count ("< 5") is below every number shown. */
function countValue(count: ReportCount): number {
  return typeof count === 'number' ? count : -1;
}

/** Codes by count, highest first (the report's order breaks ties). */
export function topCodes(codes: ReportCodeFinding[], n = TOP_CODES): ReportCodeFinding[] {
  return codes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => countValue(b.c.count) - countValue(a.c.count) || a.i - b.i)
    .slice(0, n)
    .map(({ c }) => c);
}

/** The text cut at a word before `max` characters, with "…" when cut. */
export function shorten(text: string, max = QUOTE_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')} …`;
}

function years(first: number | null, last: number | null): string {
  if (first === null && last === null) return '–';
  if (first === null || last === null || first === last) return String(first ?? last);
  return `${first}–${last}`;
}

function quoteNote(q: ReportQuote): string {
  return t('slide.notes.quote', { text: q.text, family: q.familyName, date: q.date ? `, ${formatDateLong(q.date)}` : '' });
}

function chartNotes(chart: ReportChart): string[] {
  return [
    t('slide.notes.chart', { n: chart.figure, title: chart.title, alt: chart.alt }),
    ...chart.table.rows.map((row) => row.map((cell, i) => `${chart.table.columns[i] ?? ''}: ${cell}`).join(', ')),
  ];
}

function isAligned(chart: ReportChart): boolean {
  return chart.id === ALIGNED_CHART_ID || chart.id.startsWith(`${ALIGNED_CHART_ID}-`);
}

function titleSlide(model: ReportModel): Slide {
  const date = formatDateLong(model.generatedAt);
  const notes = [t('slide.notes.generated', { date: formatDateTime(model.generatedAt) })];
  if (model.study.description) notes.push(t('slide.notes.description', { text: model.study.description }));
  return { kind: 'title', id: 'title', title: model.study.title, subtitle: t('slide.title.subtitle', { date }), brand: t('presentation.brand'), notes };
}

function methodSlide(model: ReportModel): Slide {
  const m = model.method;
  const counts = [
    { label: t('slide.method.families'), value: String(m.families) },
    { label: t('slide.method.documents'), value: String(m.documents) },
    { label: t('slide.method.entries'), value: String(m.entries) },
    { label: t('slide.method.annotations'), value: String(m.annotations) },
    { label: t('slide.method.codings'), value: String(m.codings) },
    { label: t('slide.method.readers'), value: t('slide.method.readersValue', { caseworkers: m.caseworkers, researchers: m.researchers }) },
    { label: t('slide.method.years'), value: years(m.firstYear, m.lastYear) },
  ];
  const notes = counts.map((c) => t('slide.notes.count', c));
  if (model.study.legalBasis) notes.push(t('slide.notes.legalBasis', { text: model.study.legalBasis }));
  notes.push(model.study.ethicsApproval ? t('slide.notes.ethics', { text: model.study.ethicsApproval }) : t('slide.notes.noEthics'));
  if (model.options.suppressBelow > 1) notes.push(t('slide.notes.suppressed', { n: model.options.suppressBelow }));
  return {
    kind: 'method', id: 'method', title: t('slide.method.title'),
    purpose: model.study.description, criteria: model.study.selectionCriteria, counts, notes,
  };
}

function familiesSlide(families: ReportFamily[]): Slide {
  const rows = families.map((f) => ({ name: f.name, years: years(f.firstYear, f.lastYear), entries: f.entries }));
  return {
    kind: 'families', id: 'families', title: t('slide.families.title'), families: rows,
    notes: rows.map((f) => t('slide.notes.family', { name: f.name, years: f.years, entries: f.entries })),
  };
}

function findingSlides(model: ReportModel): Slide[] {
  return model.findings.map((finding) => {
    const shown = topCodes(finding.codes);
    const codes: SlideCode[] = shown.map((c) => ({
      name: c.code.name,
      color: c.code.color,
      count: c.count,
      families: c.families,
      quotes: c.quotes.slice(0, QUOTES_PER_CODE).map((q) => ({ text: shorten(q.text), familyName: q.familyName, date: q.date })),
    }));
    // One chart per slide (the first of the finding's, code × question): two do not fit beside the quotes.
    const charts = finding.charts
      .map((figure) => model.charts.find((c) => c.figure === figure))
      .filter((c): c is ReportChart => c !== undefined)
      .slice(0, 1);
    const notes = [
      t('slide.notes.annotations', { n: finding.annotations }),
      ...finding.codes.map((c) => t('slide.notes.code', { path: c.code.path, count: c.count, families: c.families })),
      ...charts.flatMap(chartNotes),
      ...shown.flatMap((c) => c.quotes.slice(0, QUOTES_PER_CODE).map(quoteNote)),
    ];
    return { kind: 'finding', id: `finding-${finding.question.id}`, title: finding.question.label, codes, charts, notes } satisfies Slide;
  });
}

function closingSlide(model: ReportModel): Slide {
  const questions = [t('slide.closing.recognise'), ...model.study.questions.map((q) => q.label), t('slide.closing.change')];
  const all = model.bibliography.map((b) => b.text);
  const notes = all.length ? [t('slide.notes.bibliography'), ...all] : [];
  return {
    kind: 'closing', id: 'closing', title: t('slide.closing.title'), questions,
    bibliography: all.slice(0, BIBLIOGRAPHY_MAX), more: Math.max(0, all.length - BIBLIOGRAPHY_MAX), notes,
  };
}

/** The deck for a report, in presentation order. */
export function slidesFrom(model: ReportModel): Slide[] {
  const slides: Slide[] = [titleSlide(model), methodSlide(model)];
  if (model.families.length) slides.push(familiesSlide(model.families));
  slides.push(...findingSlides(model));
  const aligned = model.charts.find(isAligned);
  if (aligned) slides.push({ kind: 'chart', id: 'aligned', title: t('slide.aligned.title'), chart: aligned, notes: chartNotes(aligned) });
  slides.push(closingSlide(model));
  return slides;
}
