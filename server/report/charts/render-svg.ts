// Charts for the report and the instruments: Vega-Lite specs drawn as SVG (draw-chart.ts) in a worker
// thread of their own, so that drawing never holds up the server (the first report after a start
// stopped it for half a second), and remembered by their spec.
import { createHash } from 'node:crypto';
import type { TopLevelSpec } from 'vega-lite';
import { Lru } from '../../store/lru.ts';
import { WorkerClient } from '../../workers/worker-client.ts';
import type { SvgLabel } from './svg-markup.ts';
import type { ChartRequest } from './chart-job.ts';

export type { SvgLabel } from './svg-markup.ts';

export const CHART_FONT = 'sans-serif';

const charts = new WorkerClient<ChartRequest, string>(new URL('./chart-worker.mjs', import.meta.url), 'chart');

// Drawn charts by a hash of their spec and label. The spec carries the chart's data, so the key
// changes with every change that shows: a report asked for again, or after an edit to one family,
// draws only the charts whose data changed (Vega takes most of a report's time). A chart being drawn
// is shared by concurrent requests; a failed drawing is not kept.
const drawn = new Lru<string, Promise<string>>(256);

/** Draws a Vega-Lite spec as SVG markup. With `label`, the SVG is labelled and its ids prefixed. */
export function vegaLiteToSvg(spec: TopLevelSpec, label?: SvgLabel): Promise<string> {
  const key = createHash('sha256').update(JSON.stringify([spec, label ?? null])).digest('base64');
  let svg = drawn.get(key);
  if (!svg) {
    svg = charts.call({ spec, label });
    drawn.set(key, svg);
    svg.catch(() => drawn.delete(key));
  }
  return svg;
}

/** Starts the chart worker (it loads Vega, about a second), so the first report does not wait for it. */
export function warmUpCharts(): void {
  charts.warm();
}
