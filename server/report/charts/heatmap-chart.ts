// Code × question and code × family: how often each code was applied, one cell per count, the count
// written in the cell. Small counts (1 … suppressBelow − 1) are suppressed: the table says "< N" and the
// chart draws a hatched cell labelled "< N"; the real number is never put into the chart's data.
import type { TopLevelSpec } from 'vega-lite';
import type { ReportChart, ReportTable } from '../report-types.ts';
import { CHART_CONFIG } from './chart-style.ts';
import { plural, reportCount } from './chart-format.ts';
import { vegaLiteToSvg } from './render-svg.ts';

export interface HeatmapInput {
  /** What the columns are: reflection questions or families. */
  columns: 'question' | 'family';
  /** Codes in codebook order; depth 0 for a top-level code. */
  rows: { id: string; label: string; depth: number }[];
  cols: { id: string; label: string }[];
  /** cells[row][col]: codings of the code (with its sub-codes) in the column. */
  cells: number[][];
}

const COLUMN_NOUN = { question: { one: 'fråga', title: 'Reflektionsfråga', caption: 'reflektionsfråga' }, family: { one: 'familj', title: 'Familj', caption: 'familj' } };

/** Row labels as shown: indented by depth, made unique where two codes share a name. */
function rowLabels(rows: HeatmapInput['rows']): string[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const base = `${'· '.repeat(r.depth)}${r.label}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

export function heatmapTable(input: HeatmapInput, suppressBelow: number): ReportTable {
  const noun = COLUMN_NOUN[input.columns];
  const labels = rowLabels(input.rows);
  return {
    caption: `Kodningar per kod och ${noun.caption} (koder med underkoder)${suppressBelow > 1 ? `; antal under ${suppressBelow} visas som ”< ${suppressBelow}”` : ''}`,
    columns: ['Kod', ...input.cols.map((c) => c.label)],
    rows: input.rows.map((_, r) => [labels[r]!, ...input.cols.map((_, c) => reportCount(input.cells[r]?.[c] ?? 0, suppressBelow))]),
  };
}

export async function heatmapChart(input: HeatmapInput, suppressBelow: number): Promise<Omit<ReportChart, 'figure'>> {
  const noun = COLUMN_NOUN[input.columns];
  const id = `heatmap-code-${input.columns}`;
  const title = `Koder per ${noun.one}`;
  const table = heatmapTable(input, suppressBelow);
  const labels = rowLabels(input.rows);
  const colLabels = input.cols.map((c) => c.label);
  const shown: { row: string; col: string; count: number; label: string }[] = [];
  const hidden: { row: string; col: string; label: string }[] = [];
  table.rows.forEach((row, r) => row.slice(1).forEach((v, c) => {
    if (typeof v === 'number') shown.push({ row: labels[r]!, col: colLabels[c]!, count: v, label: String(v) });
    else hidden.push({ row: labels[r]!, col: colLabels[c]!, label: v });
  }));
  const max = Math.max(1, ...shown.map((s) => s.count));
  const hatch = `${id}-hatch`;
  const x = { field: 'col', type: 'nominal', sort: colLabels, scale: { domain: colLabels }, title: noun.title, axis: { orient: 'top', labelAngle: -35 } } as const;
  const y = { field: 'row', type: 'nominal', sort: labels, scale: { domain: labels }, title: 'Kod', axis: { labelLimit: 320 } } as const;
  const spec: TopLevelSpec = {
    config: CHART_CONFIG,
    title,
    width: { step: 64 },
    height: { step: 24 },
    layer: [
      {
        data: { values: shown },
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
        encoding: { x, y, color: { field: 'count', type: 'quantitative', scale: { domain: [0, max], range: ['#f7fbff', '#08306b'] }, legend: null } },
      },
      {
        data: { values: hidden },
        mark: { type: 'rect', fill: `url(#${hatch})`, stroke: '#ffffff', strokeWidth: 1 },
        encoding: { x, y },
      },
      {
        data: { values: [...shown, ...hidden] },
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          x, y,
          text: { field: 'label', type: 'nominal' },
          color: { condition: { test: `datum.count > ${max * 0.55}`, value: '#ffffff' }, value: '#000000' },
        },
      },
    ],
  };
  const top = [...shown].sort((a, b) => b.count - a.count)[0];
  const alt = `Värmekarta med ${plural(input.rows.length, 'kod', 'koder')} som rader och ${input.columns === 'question' ? plural(input.cols.length, 'fråga', 'frågor') : plural(input.cols.length, 'familj', 'familjer')} som kolumner; `
    + (top && top.count > 0 ? `flest kodningar har ${top.row.replace(/^(· )+/, '')} × ${top.col} (${top.count}). ` : 'inga kodningar ännu. ')
    + (hidden.length ? `${plural(hidden.length, 'cell', 'celler')} med färre än ${suppressBelow} kodningar visas utan sitt antal.` : '');
  const defs = `<pattern id="${hatch}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">`
    + '<rect width="6" height="6" fill="#e6e6e6"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8c8c8c" stroke-width="2"/></pattern>';
  const svg = await vegaLiteToSvg(spec, { id, title, desc: alt, defs });
  return { id, title, svg, table, alt };
}
