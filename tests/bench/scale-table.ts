// The scale mode's table: each measurement at ×1 and ×N side by side, their ratio, and the goal the
// ×N value is held to (the goals for ×10: start ≤ 10 s, RSS ≤ 2 GB, search p95 ≤ 20 ms, an
// annotation save as fast as at ×1).
import { formatTable, verdict } from './stats.ts';

/** What one scale's child process measured (see scale-measure.ts); times in ms, memory in MB. */
export interface ScaleMeasurement {
  scale: number;
  families: number;
  textMb: number;
  annotations: number;
  codings: number;
  generateMs: number;
  importMs: number;
  /** The real server: spawn until /api/health answers. */
  coldStartMs: number;
  /** Spawn until the first search answers (the server builds its index in the background after start). */
  firstSearchMs: number;
  rssStartMb: number;
  rssSearchMb: number;
  /** The server's peak resident memory (VmHWM) once the first search has answered. */
  peakRssMb: number;
  /** The peak once the largest exports have been made too. */
  peakAfterExportsMb: number;
  /** The longest /api/health answer while the largest exports were made (see export-responsiveness.ts). */
  exportWaitMs: number;
  /** StudySearch in the bench process: index build, then p95 of the 2-word queries. */
  indexMs: number;
  searchP95: number;
  saveP95: number;
  matrixP95: number;
  /** report.html, the slowest of 3. */
  reportMs: number;
  reportMb: number;
}

export interface ScaleRow {
  what: string;
  one: string;
  many: string;
  ratio: string;
  goal: string;
  ok: boolean | null;
}

/** Acceptable drift of the save p95 from ×1 to ×N: the per-family design should keep it flat. */
export const SAVE_DRIFT = 1.5;
const START_GOAL_MS = 10_000;
const RSS_GOAL_MB = 2048;
const SEARCH_GOAL_MS = 20;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const millis = (ms: number) => `${ms.toFixed(1)} ms`;
const megabytes = (mb: number) => `${Math.round(mb)} MB`;
const count = (n: number) => n.toLocaleString('en');

function ratio(one: number, many: number): string {
  return one > 0 ? `${(many / one).toFixed(2)}×` : '';
}

/** The rows of the table; `one` is the ×1 measurement, `many` the ×N one. */
export function scaleRows(one: ScaleMeasurement, many: ScaleMeasurement): ScaleRow[] {
  const row = (what: string, pick: (m: ScaleMeasurement) => number, show: (v: number) => string, goal = '', ok: boolean | null = null): ScaleRow =>
    ({ what, one: show(pick(one)), many: show(pick(many)), ratio: ratio(pick(one), pick(many)), goal, ok });
  const study = (m: ScaleMeasurement) => `${m.families} families, ${Math.round(m.textMb)} MB, ${count(m.annotations)} ann., ${count(m.codings)} cod.`;
  return [
    { what: 'bench study', one: study(one), many: study(many), ratio: ratio(one.textMb, many.textMb), goal: '', ok: null },
    row('generate case files', (m) => m.generateMs, seconds),
    row('import (seedDemo)', (m) => m.importMs, seconds),
    row('cold start: /api/health answers', (m) => m.coldStartMs, seconds, '≤ 10 s', many.coldStartMs <= START_GOAL_MS),
    row('cold start: first search answers', (m) => m.firstSearchMs, seconds),
    row('server RSS after start', (m) => m.rssStartMb, megabytes, '≤ 2 GB', many.rssStartMb <= RSS_GOAL_MB),
    row('server RSS after first search', (m) => m.rssSearchMb, megabytes, '≤ 2 GB', many.rssSearchMb <= RSS_GOAL_MB),
    row('server peak RSS (VmHWM)', (m) => m.peakRssMb, megabytes, '≤ 2 GB', many.peakRssMb <= RSS_GOAL_MB),
    row('server peak RSS after the largest exports', (m) => m.peakAfterExportsMb, megabytes, '≤ 2 GB', many.peakAfterExportsMb <= RSS_GOAL_MB),
    row('longest /api/health wait during the largest exports', (m) => m.exportWaitMs, millis),
    row('search index build (StudySearch)', (m) => m.indexMs, seconds),
    row('search p95, 2-word query (StudySearch)', (m) => m.searchP95, millis, '≤ 20 ms', many.searchP95 <= SEARCH_GOAL_MS),
    row('annotation save p95 (2,500 in the family)', (m) => m.saveP95, millis, `≤ ${SAVE_DRIFT}× the ×1 value`, many.saveP95 <= SAVE_DRIFT * one.saveP95),
    row('matrix p95 (code × question / family)', (m) => m.matrixP95, millis),
    row('report.html, max of 3', (m) => m.reportMs, seconds),
    row('report.html size', (m) => m.reportMb, (v) => `${v.toFixed(1)} MB`),
  ];
}

/** The table as Markdown lines, the ×N column named after `many.scale`. */
export function formatScaleTable(one: ScaleMeasurement, many: ScaleMeasurement): string[] {
  const cells = scaleRows(one, many).map((r) => [r.what, r.one, r.many, r.ratio, r.goal, r.goal ? verdict(r.ok) : '']);
  return formatTable(['row', '×1', `×${many.scale}`, 'ratio', 'goal (for ×10)', 'result'], cells);
}
