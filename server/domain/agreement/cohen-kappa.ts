// Cohen's κ for two coders, unweighted (Cohen 1960) or weighted (Cohen 1968), from their labels or
// from a contingency table.
//
// Every variant is computed as one disagreement ratio,
//   κ = 1 − N·Σ d_ij n_ij / Σ d_ij r_i c_j,
// with n_ij the table, r_i and c_j its row and column totals, N the number of units and d_ij the
// disagreement weight: 1 off the diagonal (unweighted), |i−j| (linear) or (i−j)² (quadratic), i and j
// being category positions. For d = 1 − [i=j] this is (p_o − p_e)/(1 − p_e). Working in counts with
// integer weights keeps the zero denominator (no variation) exact instead of a rounding accident.
//
// Weighted κ needs positions. By default they are the ranks of the categories that occur (in their
// natural order), the convention of R irr's kappa2 and scikit-learn's cohen_kappa_score: a scale value
// nobody used does not stretch the distances. Pass `order` to place categories on a fixed scale
// instead (unused ones then count as steps).
import {
  coderCount, orderValues,
  type Category, type ReliabilityData, type UndefinedReason,
} from './reliability-data.ts';

export type KappaWeights = 'none' | 'linear' | 'quadratic';

export interface KappaOptions<V extends Category> {
  /** Default 'none'. */
  weights?: KappaWeights;
  /**
   * The categories in order. Required for weighted κ on values without a natural order (strings);
   * for weighted κ, categories in it that nobody used still take up a position.
   */
  order?: readonly V[];
}

interface KappaTable<V extends Category> {
  /** Units both coders gave a value; the others are skipped. */
  pairedUnits: number;
  /** Row and column labels of `table`. */
  categories: V[];
  /** table[i][j]: units coder A put in categories[i] and coder B in categories[j]. */
  table: number[][];
}

export type KappaResult<V extends Category> =
  | (KappaTable<V> & {
      value: number;
      reason: null;
      /** p_o (weighted: with agreement weights 1 − d_ij/d_max), 0..1. */
      observedAgreement: number;
      /** p_e, the agreement expected from the two coders' marginals, same weighting. */
      chanceAgreement: number;
    })
  | (KappaTable<V> & { value: null; reason: UndefinedReason });

/**
 * Cohen's κ between coder A's labels `a` and coder B's labels `b` over the same units (same index =
 * same unit). Units where either label is null are skipped. Null with a reason when no unit is left
 * (`no-units` for empty input, `no-pairable-units` otherwise) or when both coders used one and the same
 * category throughout (`no-variation`).
 */
export function cohenKappa<V extends Category>(
  a: ReadonlyArray<V | null>, b: ReadonlyArray<V | null>, options: KappaOptions<V> = {},
): KappaResult<V> {
  if (a.length !== b.length) throw new RangeError(`Both coders need a value slot for every unit (${a.length} ≠ ${b.length}).`);
  // The two label lists as a units × 2 matrix, only for the shared checks (NaN is refused).
  coderCount(a.map((v, u) => [v, b[u]!]));
  const pairs: [V, V][] = [];
  a.forEach((x, u) => {
    const y = b[u]!;
    if (x !== null && y !== null) pairs.push([x, y]);
  });
  const weights = options.weights ?? 'none';
  const used = pairs.flat();
  let categories: V[];
  if (weights !== 'none' && options.order) {
    // The fixed scale, unused steps included; orderValues only checks that every value is on it.
    orderValues(used, options.order, true);
    categories = [...new Set(options.order)];
  } else {
    categories = orderValues(used, options.order, weights !== 'none');
  }
  const index = new Map(categories.map((c, i) => [c, i]));
  const table = categories.map(() => new Array<number>(categories.length).fill(0));
  for (const [x, y] of pairs) table[index.get(x)!]![index.get(y)!]!++;
  if (a.length === 0) return { value: null, reason: 'no-units', pairedUnits: 0, categories, table };
  return { ...kappaFromCounts(table, weights), pairedUnits: pairs.length, categories, table };
}

/**
 * Cohen's κ from a square contingency table (rows coder A, columns coder B, categories in the same
 * order on both; for weighted κ that order is the scale). The result names the categories by their
 * indices 0..k−1.
 */
export function cohenKappaFromTable(
  table: ReadonlyArray<ReadonlyArray<number>>, options: { weights?: KappaWeights } = {},
): KappaResult<number> {
  const k = table.length;
  for (const row of table) {
    if (row.length !== k) throw new RangeError('The contingency table must be square.');
    for (const n of row) if (!Number.isInteger(n) || n < 0) throw new RangeError(`Cells must be counts, not ${n}.`);
  }
  const copy = table.map((row) => [...row]);
  const pairedUnits = copy.flat().reduce((s, n) => s + n, 0);
  const categories = copy.map((_, i) => i);
  return { ...kappaFromCounts(copy, options.weights ?? 'none'), pairedUnits, categories, table: copy };
}

type KappaCore =
  | { value: number; reason: null; observedAgreement: number; chanceAgreement: number }
  | { value: null; reason: UndefinedReason };

function kappaFromCounts(table: number[][], weights: KappaWeights): KappaCore {
  const k = table.length;
  const rows = table.map((row) => row.reduce((s, n) => s + n, 0));
  const cols = table.map((_, j) => table.reduce((s, row) => s + row[j]!, 0));
  const n = rows.reduce((s, r) => s + r, 0);
  if (n === 0) return { value: null, reason: 'no-pairable-units' };
  // Both marginals on one and the same category is the only way the expected disagreement is zero
  // (any other mass puts a count off the diagonal, where every weight is positive).
  const usedCategories = table.filter((_, i) => rows[i]! + cols[i]! > 0).length;
  if (usedCategories < 2) return { value: null, reason: 'no-variation' };
  const d = (i: number, j: number): number =>
    weights === 'linear' ? Math.abs(i - j) : weights === 'quadratic' ? (i - j) ** 2 : i === j ? 0 : 1;
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      observed += d(i, j) * table[i]![j]!;
      expected += d(i, j) * rows[i]! * cols[j]!;
    }
  }
  // Agreement weights 1 − d/d_max, as irr and SAS report p_o and p_e for weighted κ.
  const dMax = d(0, k - 1);
  return {
    value: 1 - (n * observed) / expected,
    reason: null,
    observedAgreement: 1 - observed / (n * dMax),
    chanceAgreement: 1 - expected / (n * n * dMax),
  };
}

/** Cohen's κ for one pair of coders (column indices into the data). */
export interface CoderPairKappa<V extends Category> {
  coders: [number, number];
  kappa: KappaResult<V>;
}

/**
 * Cohen's κ for every pair of coders (i < j) in `data` (units × coders), each over the units both coded.
 * Each pair is a cohenKappa call with the same options; for weighted κ pass `order` to put every pair on
 * the same scale.
 */
export function cohenKappaPairs<V extends Category>(data: ReliabilityData<V>, options: KappaOptions<V> = {}): CoderPairKappa<V>[] {
  const coders = coderCount(data);
  const out: CoderPairKappa<V>[] = [];
  for (let i = 0; i < coders; i++) {
    for (let j = i + 1; j < coders; j++) {
      out.push({ coders: [i, j], kappa: cohenKappa(data.map((unit) => unit[i]!), data.map((unit) => unit[j]!), options) });
    }
  }
  return out;
}
