// The study's progress: per family, the annotations per reflection question (stacked bars) and how many
// of the questions have a written reflection.
import type { TopLevelSpec } from 'vega-lite';
import type { ReportChart, ReportTable } from '../report-types.ts';
import { CHART_CONFIG, palette } from './chart-style.ts';
import { plural } from './chart-format.ts';
import { vegaLiteToSvg } from './render-svg.ts';

export interface ProgressInput {
  questions: { id: string; label: string }[];
  families: {
    id: string;
    name: string;
    /** Question id → annotations made under it. */
    annotations: Record<string, number>;
    /** Questions (and the summary) with a written reflection. */
    reflections: number;
  }[];
}

export function progressTable(input: ProgressInput): ReportTable {
  return {
    caption: 'Annoteringar per familj och reflektionsfråga, och antal skrivna reflektioner',
    columns: ['Familj', ...input.questions.map((q) => q.label), 'Annoteringar totalt', 'Skrivna reflektioner'],
    rows: input.families.map((f) => {
      const counts = input.questions.map((q) => f.annotations[q.id] ?? 0);
      return [f.name, ...counts, counts.reduce((a, b) => a + b, 0), f.reflections];
    }),
  };
}

export async function progressChart(input: ProgressInput): Promise<Omit<ReportChart, 'figure'>> {
  const id = 'progress';
  const title = 'Studiens framsteg: annoteringar per familj och fråga';
  const table = progressTable(input);
  const q = input.questions.length;
  const values = input.families.flatMap((f) => input.questions.map((question, i) => ({
    family: f.name, question: question.label, order: i, count: f.annotations[question.id] ?? 0,
  }))).filter((v) => v.count > 0);
  const totals = table.rows.map((r) => ({
    family: r[0] as string, total: r[q + 1] as number, label: `${r[q + 1]} annot. · ${r[q + 2]} refl.`,
  }));
  const families = input.families.map((f) => f.name);
  const spec: TopLevelSpec = {
    config: CHART_CONFIG,
    title,
    width: 420,
    height: { step: 26 },
    layer: [
      {
        data: { values },
        mark: { type: 'bar', stroke: '#222222', strokeWidth: 0.5 },
        encoding: {
          y: { field: 'family', type: 'nominal', sort: families, title: 'Familj', scale: { domain: families } },
          x: { field: 'count', type: 'quantitative', stack: 'zero', title: 'Antal annoteringar', axis: { format: 'd', tickMinStep: 1 } },
          color: {
            field: 'question', type: 'nominal', title: 'Reflektionsfråga',
            scale: { domain: input.questions.map((x) => x.label), range: palette(q) },
          },
          order: { field: 'order', type: 'quantitative' },
        },
      },
      {
        data: { values: totals },
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, fill: '#000000' },
        encoding: {
          y: { field: 'family', type: 'nominal', sort: families, scale: { domain: families } },
          x: { field: 'total', type: 'quantitative' },
          text: { field: 'label', type: 'nominal' },
        },
      },
    ],
  };
  const total = table.rows.reduce((s, r) => s + (r[q + 1] as number), 0);
  const reflections = table.rows.reduce((s, r) => s + (r[q + 2] as number), 0);
  const alt = `Stapeldiagram över ${plural(input.families.length, 'familj', 'familjer')}: sammanlagt ${plural(total, 'annotering', 'annoteringar')} `
    + `fördelade på ${plural(q, 'reflektionsfråga', 'reflektionsfrågor')} och ${plural(reflections, 'skriven reflektion', 'skrivna reflektioner')}.`;
  const svg = await vegaLiteToSvg(spec, { id, title, desc: alt });
  return { id, title, svg, table, alt };
}
