// Percent agreement: how often coders give the same value, without any correction for chance.
//
// The headline `value` is pairwise: for each pairable unit, the share of its coder pairs that agree,
// then the mean over pairable units. A unit with m values has m(m−1)/2 pairs, and n_c values in
// category c make n_c(n_c−1)/2 agreeing pairs, so the unit's share is Σ n_c(n_c−1) / (m(m−1)). This
// is Fleiss' (1971) P_i and P̄, and the multi-coder observed agreement of Artstein & Poesio (2008,
// "Inter-coder agreement for computational linguistics", Computational Linguistics 34(4)). Pairwise
// agreement gives credit when four coders of five agree, which unanimity does not, so it is the one
// that matches κ and α. For two coders both readings are the same number: the share of units coded by
// both on which they agree (Cohen's p_o). `unanimous` gives the stricter share too.
//
// Units count equally whatever their number of coders, as in P̄. (Krippendorff's observed agreement
// 1 − D_o instead weights each unit by its number of values, so with missing data it can differ.)
import {
  pairabilityProblem, tally, valuesOf,
  type Category, type ReliabilityData, type UndefinedReason,
} from './reliability-data.ts';

interface PercentAgreementCounts {
  /** Units with values from at least two coders; only these count. */
  pairableUnits: number;
  /** Per unit (same indices as the data): its share of agreeing pairs; null when not pairable. */
  perUnit: (number | null)[];
}

export type PercentAgreementResult =
  | (PercentAgreementCounts & {
      /** Mean share of agreeing coder pairs over pairable units, 0..1. */
      value: number;
      reason: null;
      /** Pairable units on which every value is the same. */
      unanimousUnits: number;
      /** unanimousUnits / pairableUnits, 0..1. */
      unanimous: number;
    })
  | (PercentAgreementCounts & { value: null; reason: UndefinedReason });

/**
 * Percent agreement (as a proportion 0..1) over the pairable units of `data` (units × coders, null =
 * missing). Undefined (null with a reason) when there are no units, fewer than two coders or no unit
 * with two values. All coders agreeing on one category throughout is defined: 1.
 */
export function percentAgreement<V extends Category>(data: ReliabilityData<V>): PercentAgreementResult {
  const problem = pairabilityProblem(data);
  const perUnit = data.map((unit): number | null => {
    const values = valuesOf(unit);
    const m = values.length;
    if (m < 2) return null;
    let agreeing = 0;
    for (const n of tally(values).values()) agreeing += n * (n - 1);
    return agreeing / (m * (m - 1));
  });
  const shares = perUnit.filter((p): p is number => p !== null);
  const pairableUnits = shares.length;
  if (problem !== null) return { value: null, reason: problem, pairableUnits, perUnit };
  const unanimousUnits = shares.filter((p) => p === 1).length;
  return {
    value: shares.reduce((sum, p) => sum + p, 0) / pairableUnits,
    reason: null,
    pairableUnits,
    perUnit,
    unanimousUnits,
    unanimous: unanimousUnits / pairableUnits,
  };
}
