// Fleiss' κ (Fleiss 1971, "Measuring nominal scale agreement among many raters", Psychological
// Bulletin 76(5)) for a fixed number of raters per unit, who need not be the same people on every unit.
// It works on counts (units × categories: how many raters put the unit in each category), the form in
// which the published examples give it; categoryCounts makes those counts from reliability data.
//
//   P_i = (Σ_j n_ij² − m) / (m(m−1)),  P̄ = mean P_i,  p_j = Σ_i n_ij / (N m),  P_e = Σ p_j²,
//   κ = (P̄ − P_e) / (1 − P_e)
//
// With missing values the rater count varies between units and the formula does not apply; use
// Krippendorff's α there.
import {
  coderCount, orderValues, valuesOf,
  type Category, type ReliabilityData, type UndefinedReason,
} from './reliability-data.ts';

export interface CategoryCounts<V extends Category> {
  /** Column labels of `counts`. */
  categories: V[];
  /** counts[u][j]: how many coders put unit u in categories[j] (missing values are not counted). */
  counts: number[][];
}

/** Counts per unit and category of `data` (units × coders, null = missing). */
export function categoryCounts<V extends Category>(data: ReliabilityData<V>, order?: readonly V[]): CategoryCounts<V> {
  coderCount(data);
  const categories = orderValues(valuesOf(data.flat()), order, false);
  const index = new Map(categories.map((c, j) => [c, j]));
  const counts = data.map((unit) => {
    const row = new Array<number>(categories.length).fill(0);
    for (const v of valuesOf(unit)) row[index.get(v)!]!++;
    return row;
  });
  return { categories, counts };
}

interface FleissCounts {
  units: number;
  /** m, the number of ratings on each unit (0 when they differ). */
  ratersPerUnit: number;
}

export type FleissResult =
  | (FleissCounts & {
      value: number;
      reason: null;
      /** P̄, the mean share of agreeing rater pairs per unit. */
      observedAgreement: number;
      /** P_e = Σ p_j². */
      chanceAgreement: number;
      /** P_i per unit. */
      perUnit: number[];
    })
  | (FleissCounts & { value: null; reason: UndefinedReason });

/**
 * Fleiss' κ from `counts` (units × categories). Null with a reason when there are no units, the units
 * have different numbers of ratings (`unequal-coders-per-unit`), fewer than two each, or all ratings
 * fall in one category (`no-variation`).
 */
export function fleissKappa(counts: ReadonlyArray<ReadonlyArray<number>>): FleissResult {
  const k = counts[0]?.length ?? 0;
  for (const row of counts) {
    if (row.length !== k) throw new RangeError(`Every unit needs a count for each of ${k} categories.`);
    for (const n of row) if (!Number.isInteger(n) || n < 0) throw new RangeError(`Counts must be non-negative integers, not ${n}.`);
  }
  const units = counts.length;
  const perUnitRaters = counts.map((row) => row.reduce((s, n) => s + n, 0));
  const m = perUnitRaters[0] ?? 0;
  if (units === 0) return { units, ratersPerUnit: 0, value: null, reason: 'no-units' };
  if (perUnitRaters.some((r) => r !== m)) return { units, ratersPerUnit: 0, value: null, reason: 'unequal-coders-per-unit' };
  if (m < 2) return { units, ratersPerUnit: m, value: null, reason: 'fewer-than-two-coders' };
  const totals = Array.from({ length: k }, (_, j) => counts.reduce((s, row) => s + row[j]!, 0));
  // P_e = 1 exactly when one category takes every rating; checked on the counts, not on a float.
  if (totals.filter((t) => t > 0).length < 2) return { units, ratersPerUnit: m, value: null, reason: 'no-variation' };
  const perUnit = counts.map((row) => (row.reduce((s, n) => s + n * n, 0) - m) / (m * (m - 1)));
  const observed = perUnit.reduce((s, p) => s + p, 0) / units;
  const chance = totals.reduce((s, t) => s + (t / (units * m)) ** 2, 0);
  return {
    units,
    ratersPerUnit: m,
    value: (observed - chance) / (1 - chance),
    reason: null,
    observedAgreement: observed,
    chanceAgreement: chance,
    perUnit,
  };
}
