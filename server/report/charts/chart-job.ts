// The chart worker's body (chart-worker.mjs): draws each spec it is sent (draw-chart.ts).
import type { TopLevelSpec } from 'vega-lite';
import { serveCalls } from '../../workers/worker-client.ts';
import { drawChart } from './draw-chart.ts';
import type { SvgLabel } from './svg-markup.ts';

export interface ChartRequest {
  spec: TopLevelSpec;
  label?: SvgLabel;
}

export function serveCharts(): void {
  serveCalls((request: ChartRequest) => drawChart(request.spec, request.label));
}
