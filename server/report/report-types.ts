// The study report as data: what the lead chose to include (ReportOptions) and what the report holds
// (ReportModel). The Markdown and HTML reports, the preview and the presentation view are all drawn
// from one ReportModel, so they cannot disagree. Everything in it is pseudonymised: families by their
// pseudonym, people by display name, texts as stored (pseudonymised at import).

/** What goes into the report. Lists are ids; null means all. */
export interface ReportOptions {
  questions: string[] | null;
  codes: string[] | null;
  families: string[] | null;
  /** Quotes shown per code and question (0–20). */
  quotesPerCode: number;
  /** Counts from 1 to this − 1 are shown as "< N" in tables and charts; 0 shows every count. */
  suppressBelow: number;
}

export const DEFAULT_REPORT_OPTIONS: ReportOptions = {
  questions: null,
  codes: null,
  families: null,
  quotesPerCode: 3,
  suppressBelow: 5,
};

/** A count as the report prints it: the number, or the suppression mark ("< 5") for a small cell. */
export type ReportCount = number | string;

/** A table of numbers: beside every chart, and on its own. */
export interface ReportTable {
  caption: string;
  columns: string[];
  rows: ReportCount[][];
}

/** One chart: an SVG drawn by Vega-Lite from `table`'s numbers, with a text alternative. */
export interface ReportChart {
  /** Stable within a report, e.g. "progress", "heatmap-code-question", "chronology-familj-a". */
  id: string;
  title: string;
  /** "Figur 3" in the report; given in order of appearance. */
  figure: number;
  /** Standalone SVG markup: no scripts, no <style>, no style attributes (the CSP allows none). */
  svg: string;
  table: ReportTable;
  /** One or two sentences saying what the chart shows, for screen readers and the print. */
  alt: string;
}

/** A quote: the coded or annotated passage, with where it comes from and a link to it in the reader. */
export interface ReportQuote {
  text: string;
  familyId: string;
  familyName: string;
  /** The entry's date in the case file (ISO), when known. */
  date: string | null;
  /** The client route that opens the passage: "#/studier/s/familjer/f/dokument/doc/offset". */
  href: string;
}

export interface ReportCodeFinding {
  code: { id: string; name: string; color: string; /** "Förälder › Kod" */ path: string };
  /** Segments coded with the code (and its sub-codes) under this question. */
  count: ReportCount;
  families: ReportCount;
  quotes: ReportQuote[];
}

export interface ReportFinding {
  question: { id: string; label: string };
  annotations: ReportCount;
  codes: ReportCodeFinding[];
  /** The figure numbers of the charts that belong to this finding. */
  charts: number[];
}

export interface ReportFamily {
  id: string;
  name: string;
  firstYear: number | null;
  lastYear: number | null;
  entries: number;
  /** Attribute label → value, as the study shows them (e.g. "Antal barn" → "3"). */
  attributes: Record<string, string>;
}

export interface ReportReflection {
  questionId: string | null;
  /** The question's label, or "Sammanfattning" for the family summary. */
  label: string;
  /** The caseworkers' text (Markdown). */
  text: string;
  /** `text` rendered safely (raw HTML escaped), its `[@key]` citations formatted author–year. */
  html: string;
  /** Researchers' meta-reflections on it (Markdown, and rendered as `html`), with their authors' display names. */
  metaReflections: { author: string; body: string; html: string }[];
}

export interface ReportModel {
  study: {
    id: string;
    title: string;
    description: string;
    selectionCriteria: string;
    legalBasis: string;
    ethicsApproval: string | null;
    /** The questions in scope, with the full question as put to the caseworkers. */
    questions: { id: string; label: string; text: string }[];
  };
  generatedAt: string;
  options: ReportOptions;
  method: {
    families: number;
    documents: number;
    entries: number;
    annotations: number;
    codings: number;
    caseworkers: number;
    researchers: number;
    firstYear: number | null;
    lastYear: number | null;
  };
  families: ReportFamily[];
  findings: ReportFinding[];
  reflections: { familyId: string; familyName: string; items: ReportReflection[] }[];
  charts: ReportChart[];
  /** Every cited reference, formatted in APA 7 with Swedish terms. */
  bibliography: { id: string; text: string; html: string }[];
}
