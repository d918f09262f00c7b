// Krippendorff's α from a reliability data matrix, by way of the coincidence matrix, following
// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability" (Departmental Papers, Annenberg
// School for Communication, University of Pennsylvania), section C, for any number of coders and
// missing values.
//
// α = 1 − D_o/D_e = 1 − (n−1) · Σ_ck o_ck δ²_ck / Σ_ck n_c n_k δ²_ck
//
// Only pairable values count: a unit with values from m_u ≥ 2 coders contributes each ordered pair of
// its values (from different coders) with weight 1/(m_u − 1), so that each value adds exactly 1 to the
// coincidences. A unit with a single value cannot be compared with anything and drops out, as does a
// unit nobody coded. n_c is then the number of pairable values of category c and n = Σ n_c.
import {
  coderCount, orderValues, pairabilityProblem, tally, valuesOf,
  type Category, type ReliabilityData, type UndefinedReason,
} from './reliability-data.ts';

/** The metric δ² between values: nominal (0/1), ordinal (rank mass between), interval ((c−k)²), ratio. */
export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export interface Coincidences<V extends Category> {
  /** The distinct pairable values, in order (see orderValues). */
  values: V[];
  /** matrix[c][k] = o_ck, coincidences of values[c] with values[k]; symmetric. */
  matrix: number[][];
  /** totals[c] = n_c, the number of pairable values equal to values[c]. */
  totals: number[];
  /** n, the number of pairable values. */
  n: number;
  /** Units with at least two values. */
  pairableUnits: number;
}

/**
 * Krippendorff's coincidence matrix of `data` (units × coders, null = missing). `order` sets the order
 * of the values (needed for ordinal α on strings); by default numbers ascend and strings keep the
 * order they are first met in.
 */
export function coincidenceMatrix<V extends Category>(data: ReliabilityData<V>, order?: readonly V[]): Coincidences<V> {
  return coincidences(data, order, false);
}

function coincidences<V extends Category>(data: ReliabilityData<V>, order: readonly V[] | undefined, ranked: boolean): Coincidences<V> {
  coderCount(data);
  const units = data.map(valuesOf).filter((values) => values.length >= 2);
  const values = orderValues(units.flat(), order, ranked);
  const index = new Map(values.map((v, i) => [v, i]));
  const matrix = values.map(() => new Array<number>(values.length).fill(0));
  const totals = new Array<number>(values.length).fill(0);
  for (const unitValues of units) {
    const m = unitValues.length;
    const counts = [...tally(unitValues)].map(([v, count]) => [index.get(v)!, count] as const);
    for (const [c, nc] of counts) {
      totals[c]! += nc;
      // Pairs of values from different coders: a value is not paired with itself.
      for (const [k, nk] of counts) matrix[c]![k]! += (nc * (c === k ? nk - 1 : nk)) / (m - 1);
    }
  }
  return { values, matrix, totals, n: totals.reduce((s, t) => s + t, 0), pairableUnits: units.length };
}

interface AlphaCounts {
  level: AlphaLevel;
  pairableUnits: number;
  /** n, the number of pairable values. */
  pairableValues: number;
}

export type AlphaResult =
  | (AlphaCounts & {
      value: number;
      reason: null;
      /** D_o = Σ o_ck δ²_ck / n. */
      observedDisagreement: number;
      /** D_e = Σ n_c n_k δ²_ck / (n(n−1)). */
      expectedDisagreement: number;
    })
  | (AlphaCounts & { value: null; reason: UndefinedReason });

export interface AlphaOptions<V extends Category> {
  /** Default 'nominal'. */
  level?: AlphaLevel;
  /** The values' order, for ordinal α on values without a natural order (strings). */
  order?: readonly V[];
}

/**
 * Krippendorff's α of `data` (units × coders, null = missing). Interval and ratio need numbers (ratio:
 * non-negative); ordinal needs numbers or an `order`. Null with a reason when there are no units, fewer
 * than two coders, no unit with two values (`no-pairable-units`) or only one distinct pairable value
 * (`no-variation`: D_o = D_e = 0).
 */
export function krippendorffAlpha<V extends Category>(data: ReliabilityData<V>, options: AlphaOptions<V> = {}): AlphaResult {
  const level = options.level ?? 'nominal';
  // Every value is checked, unpairable ones too, so that a bad value throws whether or not it counts.
  if (level === 'interval' || level === 'ratio') {
    const all = numbers(valuesOf(data.flat()), level);
    if (level === 'ratio' && all.some((v) => v < 0)) throw new RangeError('Ratio α needs non-negative values.');
  }
  const co = coincidences(data, options.order, level !== 'nominal');
  const counts: AlphaCounts = { level, pairableUnits: co.pairableUnits, pairableValues: co.n };
  const problem = pairabilityProblem(data);
  if (problem !== null) return { ...counts, value: null, reason: problem };
  // δ² is positive between any two distinct values at every level, so D_e is zero exactly when a
  // single value occurs: checked on the values rather than by comparing a float with zero.
  if (co.values.length < 2) return { ...counts, value: null, reason: 'no-variation' };
  const delta = metric(level, co);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < co.values.length; c++) {
    for (let k = 0; k < co.values.length; k++) {
      const d = delta(c, k);
      observed += co.matrix[c]![k]! * d;
      expected += co.totals[c]! * co.totals[k]! * d;
    }
  }
  const n = co.n;
  return {
    ...counts,
    value: 1 - ((n - 1) * observed) / expected,
    reason: null,
    observedDisagreement: observed / n,
    expectedDisagreement: expected / (n * (n - 1)),
  };
}

/** δ²(c, k) between values[c] and values[k] of the coincidence matrix, at `level`. */
function metric<V extends Category>(level: AlphaLevel, co: Coincidences<V>): (c: number, k: number) => number {
  switch (level) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'ordinal':
      // The values ranked by mass: all the values from c to k, less half of each end (values come in
      // order, and a value on the scale that no coder used has n_g = 0, so leaving it out is the same).
      return (c, k) => {
        const [lo, hi] = c < k ? [c, k] : [k, c];
        let between = 0;
        for (let g = lo; g <= hi; g++) between += co.totals[g]!;
        return (between - (co.totals[lo]! + co.totals[hi]!) / 2) ** 2;
      };
    case 'interval': {
      const x = numbers(co.values, level);
      return (c, k) => (x[c]! - x[k]!) ** 2;
    }
    case 'ratio': {
      const x = numbers(co.values, level);
      // c + k = 0 only when both are 0, i.e. the same value: no disagreement.
      return (c, k) => (x[c]! + x[k]! === 0 ? 0 : ((x[c]! - x[k]!) / (x[c]! + x[k]!)) ** 2);
    }
  }
}

function numbers(values: readonly Category[], level: AlphaLevel): number[] {
  return values.map((v) => {
    if (typeof v !== 'number') throw new RangeError(`${level} α needs numbers, not ${JSON.stringify(v)}.`);
    return v;
  });
}
