// What every chart shares: font, a colour-blind-safe palette whose colours also differ in lightness
// (so they stay apart in grey-scale print), point shapes, and the Vega-Lite config.
import type { Config } from 'vega-lite';
import { CHART_FONT } from './render-svg.ts';

// Sampled from viridis (colour-blind safe, lightness rises monotonically).
const VIRIDIS = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'];

/** `n` colours far apart in lightness; past five they repeat (shapes or labels tell them apart). */
export function palette(n: number): string[] {
  if (n <= 1) return [VIRIDIS[1]!];
  if (n > VIRIDIS.length) return Array.from({ length: n }, (_, i) => VIRIDIS[i % VIRIDIS.length]!);
  return Array.from({ length: n }, (_, i) => VIRIDIS[Math.round((i * (VIRIDIS.length - 1)) / (n - 1))]!);
}

export const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down', 'triangle-right', 'triangle-left'];

export function shapes(n: number): string[] {
  return Array.from({ length: n }, (_, i) => SHAPES[i % SHAPES.length]!);
}

export const CHART_CONFIG: Config = {
  font: CHART_FONT,
  background: 'white',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 220 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 260, orient: 'bottom', direction: 'vertical' },
  title: { fontSize: 14, anchor: 'start' },
};
