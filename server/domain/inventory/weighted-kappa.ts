// Cohen's weighted κ (Cohen 1968) for two raters on an ordinal scale of k ordered levels, in the
// agreement-weight form of Fleiss, Levin & Paik (2003, ch. 18):
//   p_o = Σ w_ij p_ij,  p_e = Σ w_ij p_i· p_·j,  κ_w = (p_o − p_e) / (1 − p_e),
// with w_ij = 1 − |i−j|/(k−1) (linear), 1 − (i−j)²/(k−1)² (quadratic) or [i = j] (none, which is
// Cohen's unweighted κ). i and j are positions on the given scale, so a level nobody used still
// counts as a step; R irr's kappa2 instead ranks only the levels that occur — pass those as `levels`
// to reproduce it. The agreement module (server/domain/agreement/cohen-kappa.ts) computes the same
// statistic as a disagreement ratio; the two are kept independent so each checks the other.

export type OrdinalWeights = 'none' | 'linear' | 'quadratic';

export interface WeightedKappaResult {
  /** κ_w; null when no pair is left or both raters used one and the same level throughout. */
  kappa: number | null;
  /** p_o, the weighted observed agreement, 0..1 (0 when n = 0). */
  observed: number;
  /** p_e, the weighted agreement expected from the two raters' marginals, 0..1 (0 when n = 0). */
  expected: number;
  /** Pairs where both ratings are present; pairs with a missing rating are skipped. */
  n: number;
}

/**
 * Weighted κ between rater A's ratings `a` and rater B's ratings `b` (same index = same subject), on
 * the ordered scale `levels` (lowest first). A null or undefined rating skips the pair.
 * Throws RangeError for different lengths, fewer than two levels, or a rating not on the scale.
 */
export function weightedKappa<V extends string | number>(
  a: ReadonlyArray<V | null | undefined>,
  b: ReadonlyArray<V | null | undefined>,
  levels: readonly V[],
  weights: OrdinalWeights = 'linear',
): WeightedKappaResult {
  if (a.length !== b.length) throw new RangeError(`Both raters need a rating slot for every subject (${a.length} ≠ ${b.length}).`);
  const k = levels.length;
  if (k < 2) throw new RangeError('The scale needs at least two levels.');
  const position = new Map<V, number>();
  levels.forEach((level, i) => {
    if (position.has(level)) throw new RangeError(`Level ${String(level)} occurs twice on the scale.`);
    position.set(level, i);
  });
  const at = (v: V): number => {
    const i = position.get(v);
    if (i === undefined) throw new RangeError(`Rating ${String(v)} is not on the scale.`);
    return i;
  };
  const table = levels.map(() => new Array<number>(k).fill(0));
  let n = 0;
  for (let u = 0; u < a.length; u++) {
    const x = a[u];
    const y = b[u];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    table[at(x)]![at(y)]!++;
    n++;
  }
  if (n === 0) return { kappa: null, observed: 0, expected: 0, n };
  const w = agreementWeight(weights, k);
  const rows = table.map((row) => row.reduce((s, c) => s + c, 0) / n);
  const cols = levels.map((_, j) => table.reduce((s, row) => s + row[j]!, 0) / n);
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      observed += (w(i, j) * table[i]![j]!) / n;
      expected += w(i, j) * rows[i]! * cols[j]!;
    }
  }
  // p_e = 1 only when both raters put everything on one and the same level: κ is 0/0 there.
  const used = levels.filter((_, i) => rows[i]! + cols[i]! > 0).length;
  return { kappa: used < 2 ? null : (observed - expected) / (1 - expected), observed, expected, n };
}

function agreementWeight(weights: OrdinalWeights, k: number): (i: number, j: number) => number {
  const steps = k - 1;
  switch (weights) {
    case 'linear': return (i, j) => 1 - Math.abs(i - j) / steps;
    case 'quadratic': return (i, j) => 1 - ((i - j) / steps) ** 2;
    case 'none': return (i, j) => (i === j ? 1 : 0);
  }
}
