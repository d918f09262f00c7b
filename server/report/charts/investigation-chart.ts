// Days per decided investigation against its start (a year axis), with a dashed rule at the four-month
// limit (about 122 days). Over and within the limit differ in shape and fill, not colour alone, so the
// chart reads in grey-scale print.
import type { TopLevelSpec } from 'vega-lite';
import type { InvestigationView } from '../../domain/checklist/checklist-types.ts';
import { CHART_CONFIG } from './chart-style.ts';
import { decimalYear, plural } from './chart-format.ts';
import { vegaLiteToSvg } from './render-svg.ts';

/** Four calendar months in days, for the rule: the exact limit of each investigation is its own date. */
export const FOUR_MONTHS_DAYS = 122;

const OVER = 'Över fyra månader';
const WITHIN = 'Inom fyra månader';

export function investigationChart(views: readonly InvestigationView[]): Promise<string> {
  const title = 'Utredningstid per utredning och startår';
  const decided = views.filter((v) => v.days !== null);
  const values = decided.map((v) => ({ year: decimalYear(v.start), days: v.days, status: v.overLimit ? OVER : WITHIN }));
  const years = decided.map((v) => Number(v.start.slice(0, 4)));
  const domain = years.length ? [Math.min(...years), Math.max(...years) + 1] : [2000, 2001];
  const spec: TopLevelSpec = {
    config: CHART_CONFIG,
    title,
    width: 480,
    height: 260,
    layer: [
      {
        data: { values },
        mark: { type: 'point', size: 60, strokeWidth: 1.5, color: '#222222', opacity: 1 },
        encoding: {
          x: { field: 'year', type: 'quantitative', title: 'Startår', scale: { domain, zero: false }, axis: { format: 'd', tickMinStep: 1 } },
          y: { field: 'days', type: 'quantitative', title: 'Dagar från start till beslut', scale: { zero: true } },
          shape: { field: 'status', type: 'nominal', title: null, scale: { domain: [WITHIN, OVER], range: ['circle', 'triangle-up'] } },
          // Same field, title and domain as the shape: Vega-Lite merges the two into one legend.
          fill: { field: 'status', type: 'nominal', title: null, scale: { domain: [WITHIN, OVER], range: ['#ffffff', '#222222'] } },
        },
      },
      {
        data: { values: [{ days: FOUR_MONTHS_DAYS, label: 'Fyra månader' }] },
        layer: [
          { mark: { type: 'rule', strokeDash: [6, 4], color: '#555555' }, encoding: { y: { field: 'days', type: 'quantitative' } } },
          {
            mark: { type: 'text', align: 'left', dx: 4, dy: -6, fontSize: 10, fill: '#000000', x: 0 },
            encoding: { y: { field: 'days', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
          },
        ],
      },
    ],
  };
  const over = decided.filter((v) => v.overLimit).length;
  const open = views.length - decided.length;
  const desc = `Punktdiagram över ${plural(decided.length, 'beslutad utredning', 'beslutade utredningar')}: dagar från start till beslut per startår, `
    + `med en streckad linje vid fyra månader (${FOUR_MONTHS_DAYS} dagar). ${plural(over, 'utredning', 'utredningar')} tog längre tid än fyra månader.`
    + (open ? ` ${plural(open, 'utredning', 'utredningar')} utan beslut visas inte.` : '');
  return vegaLiteToSvg(spec, { id: 'investigations', title, desc });
}
