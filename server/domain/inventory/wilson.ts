// The Wilson score interval for a binomial proportion (Wilson 1927), with Newcombe's optional
// continuity correction (Newcombe 1998, methods 3 and 4). Unlike the Wald interval it stays inside
// [0, 1] and behaves at 0/n and n/n, which is what small case-file counts need.

/** z for a two-sided 95 % interval: the 0.975 quantile of the standard normal. */
export const Z_95 = 1.959963984540054;

export interface WilsonOptions {
  /** Newcombe's continuity-corrected variant (method 4). Default false (method 3). */
  continuityCorrection?: boolean;
}

/**
 * The Wilson score interval [lo, hi] for `successes` out of `n`. Returns null for n = 0: with no
 * observations there is no estimate, and [0, 1] would look like a computed result.
 * Without correction:  (2np + z² ± z·√(z² + 4np(1−p))) / (2(n + z²)).
 * With correction:     lo = (2np + z² − 1 − z·√(z² − 2 − 1/n + 4p(n(1−p) + 1))) / (2(n + z²)),
 *                      hi = (2np + z² + 1 + z·√(z² + 2 − 1/n + 4p(n(1−p) − 1))) / (2(n + z²)),
 *                      with lo = 0 when successes = 0 and hi = 1 when successes = n.
 */
export function wilsonInterval(
  successes: number, n: number, z: number = Z_95, options: WilsonOptions = {},
): [number, number] | null {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a count, not ${n}.`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be a count between 0 and n (${n}), not ${successes}.`);
  }
  if (!(z > 0) || !Number.isFinite(z)) throw new RangeError(`z must be positive, not ${z}.`);
  if (n === 0) return null;
  const p = successes / n;
  const q = 1 - p;
  const z2 = z * z;
  const denominator = 2 * (n + z2);
  if (!options.continuityCorrection) {
    const centre = 2 * n * p + z2;
    const half = z * Math.sqrt(z2 + 4 * n * p * q);
    // Exact 0 and 1 at the edges instead of rounding noise.
    return [successes === 0 ? 0 : (centre - half) / denominator, successes === n ? 1 : (centre + half) / denominator];
  }
  const lo = successes === 0 ? 0 : (2 * n * p + z2 - 1 - z * Math.sqrt(z2 - 2 - 1 / n + 4 * p * (n * q + 1))) / denominator;
  const hi = successes === n ? 1 : (2 * n * p + z2 + 1 + z * Math.sqrt(z2 + 2 - 1 / n + 4 * p * (n * q - 1))) / denominator;
  return [Math.max(0, lo), Math.min(1, hi)];
}
