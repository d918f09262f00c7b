// The målgruppsinventering's distribution: the share of rated children at each level of the scale,
// for all children and per unit, as grouped bars with the 95 % Wilson interval as error bars. Bars
// differ in lightness (viridis) and are outlined, so the chart holds in grey-scale print.
import type { TopLevelSpec } from 'vega-lite';
import type { InventoryConfig, InventorySummary } from '../../domain/inventory/inventory-types.ts';
import { CHART_CONFIG, palette } from './chart-style.ts';
import { vegaLiteToSvg } from './render-svg.ts';

const percent = (x: number) => `${(x * 100).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} %`;

export function inventoryChartSpec(config: InventoryConfig, summary: InventorySummary): TopLevelSpec {
  const groups = [
    { name: 'Alla enheter', rated: summary.rated, levels: summary.levels },
    ...summary.units.map((u) => ({ name: config.units.find((x) => x.id === u.unit)?.label ?? u.unit, rated: u.rated, levels: u.levels })),
  ];
  const levelLabels = config.scale.map((l) => l.label);
  const values = groups.flatMap((g) => g.levels.map((l) => ({
    group: `${g.name} (n = ${g.rated})`,
    level: config.scale.find((s) => s.id === l.level)?.label ?? l.level,
    share: l.share,
    lo: l.ci95?.[0] ?? 0,
    hi: l.ci95?.[1] ?? 0,
  })));
  const x = { field: 'level', type: 'nominal', sort: levelLabels, title: null, axis: { labels: false, ticks: false } } as const;
  return {
    config: CHART_CONFIG,
    data: { values },
    facet: { column: { field: 'group', type: 'nominal', title: null, sort: groups.map((g) => `${g.name} (n = ${g.rated})`) } },
    spec: {
      width: 160,
      height: 200,
      layer: [
        {
          mark: { type: 'bar', stroke: '#222222', strokeWidth: 0.5 },
          encoding: {
            x,
            y: { field: 'share', type: 'quantitative', title: 'Andel av bedömda barn', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
            color: { field: 'level', type: 'nominal', title: 'Nivå', sort: levelLabels, scale: { domain: levelLabels, range: palette(levelLabels.length) } },
          },
        },
        {
          mark: { type: 'rule', color: '#000000', strokeWidth: 1.2 },
          encoding: { x, y: { field: 'lo', type: 'quantitative' }, y2: { field: 'hi' } },
        },
      ],
    },
  };
}

/** The chart as standalone SVG with a <title> and a <desc> that gives every number in words. */
export async function inventoryChartSvg(config: InventoryConfig, summary: InventorySummary): Promise<string> {
  const title = 'Målgruppsinventering: andel barn per nivå, totalt och per enhet';
  const levels = summary.levels.map((l) => {
    const label = config.scale.find((s) => s.id === l.level)?.label ?? l.level;
    return `${label} ${l.n} (${percent(l.share)}${l.ci95 ? `, 95 % KI ${percent(l.ci95[0])}–${percent(l.ci95[1])}` : ''})`;
  });
  const desc = `Stapeldiagram med felstaplar för 95 % Wilson-intervall. ${summary.rated} av ${summary.total} barn är bedömda. `
    + (summary.rated ? `Alla enheter: ${levels.join('; ')}.` : 'Inget barn är bedömt än.');
  return vegaLiteToSvg(inventoryChartSpec(config, summary), { id: 'inventory', title, desc });
}
