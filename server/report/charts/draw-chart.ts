// Vega-Lite → standalone SVG with Vega's headless renderer (no DOM). Runs in the chart worker
// (chart-job.ts): compiling and drawing a chart takes tens to hundreds of milliseconds, the first
// ones of a process far more, and the server must answer meanwhile.
import { compile, type TopLevelSpec } from 'vega-lite';
import * as vega from 'vega';
import { labelled, prefixIds, withoutInlineStyles, type SvgLabel } from './svg-markup.ts';

export async function drawChart(spec: TopLevelSpec, label?: SvgLabel): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    const svg = withoutInlineStyles(await view.toSVG());
    return label ? labelled(prefixIds(svg, label.id), label) : svg;
  } finally {
    view.finalize();
  }
}
