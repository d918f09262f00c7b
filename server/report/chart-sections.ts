// Where each chart stands in the report, by its id: progress under method, the heat maps under the
// findings, the families' charts (aligned at first contact, chronologies) with the selection of families.
// Figures are numbered in this order.
export type ChartSection = 'method' | 'families' | 'findings';

export const CHART_SECTIONS: readonly ChartSection[] = ['method', 'families', 'findings'];

export function chartSection(chart: { id: string }): ChartSection {
  if (chart.id.startsWith('progress')) return 'method';
  if (chart.id.startsWith('heatmap')) return 'findings';
  return 'families';
}
