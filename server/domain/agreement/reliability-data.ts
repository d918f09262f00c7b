// The shared data shape of the agreement statistics: a reliability data matrix with one row per unit and
// one column per coder, null where a coder gave no value. Units, not coders, are the rows because every
// statistic here works unit by unit (a unit is pairable or not, agreed on or not); fromCoderRows turns
// the coders × units layout that the published examples print into this one.
// Pure: no I/O, no state. Malformed input (ragged rows, NaN) throws a RangeError; a statistic that is
// undefined for well-formed data is returned as `{ value: null, reason }`, never as NaN.

/** A category (nominal), a rank (ordinal) or a measurement (interval, ratio). */
export type Category = string | number | boolean;

/** units × coders; `data[u][c]` is coder c's value for unit u, null when coder c gave none. */
export type ReliabilityData<V extends Category = Category> = ReadonlyArray<ReadonlyArray<V | null>>;

/**
 * Why a statistic has no value.
 * - `no-units`: there are no units at all.
 * - `fewer-than-two-coders`: agreement needs at least two coders (per unit, for Fleiss' κ).
 * - `no-pairable-units`: no unit has values from two or more coders (for κ: no unit coded by both), so
 *   there is not one pair of values to compare.
 * - `no-variation`: every pairable value is the same category. Observed and expected disagreement are
 *   both zero and the chance-corrected measures are 0/0: perfect agreement, but nothing to tell it
 *   apart from chance.
 * - `unequal-coders-per-unit`: Fleiss' κ needs the same number of ratings on every unit.
 */
export type UndefinedReason =
  | 'no-units'
  | 'fewer-than-two-coders'
  | 'no-pairable-units'
  | 'no-variation'
  | 'unequal-coders-per-unit';

/** Turns the coders × units layout (one row per coder) into units × coders. */
export function fromCoderRows<V extends Category>(coderRows: ReadonlyArray<ReadonlyArray<V | null>>): (V | null)[][] {
  const units = coderRows[0]?.length ?? 0;
  for (const row of coderRows) {
    if (row.length !== units) throw new RangeError(`Every coder row needs ${units} values; one has ${row.length}.`);
  }
  return Array.from({ length: units }, (_, u) => coderRows.map((row) => row[u]!));
}

/**
 * Checks that the matrix is rectangular and its numbers finite, and returns the number of coders
 * (0 for no units). NaN is refused because it would silently become a category of its own.
 */
export function coderCount(data: ReliabilityData): number {
  const coders = data[0]?.length ?? 0;
  for (const unit of data) {
    if (unit.length !== coders) throw new RangeError(`Every unit needs a value slot for each of ${coders} coders; one has ${unit.length}.`);
    for (const v of unit) {
      if (typeof v === 'number' && !Number.isFinite(v)) throw new RangeError(`Values must be finite numbers, not ${v}.`);
    }
  }
  return coders;
}

/** A unit's values, missing ones left out. */
export function valuesOf<V extends Category>(unit: ReadonlyArray<V | null>): V[] {
  return unit.filter((v): v is V => v !== null);
}

/** How many times each category occurs among `values`, in first-seen order. */
export function tally<V extends Category>(values: readonly V[]): Map<V, number> {
  const counts = new Map<V, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/**
 * The reason no pairwise statistic can be computed, or null when at least one unit has two values.
 * Checked in this order so that the reason names the most basic shortfall.
 */
export function pairabilityProblem(data: ReliabilityData): UndefinedReason | null {
  const coders = coderCount(data);
  if (data.length === 0) return 'no-units';
  if (coders < 2) return 'fewer-than-two-coders';
  if (!data.some((unit) => valuesOf(unit).length >= 2)) return 'no-pairable-units';
  return null;
}

/**
 * The categories' own order when they have one: numbers ascending, false before true. Strings have
 * none that can be trusted (alphabetical order is rarely the scale's order), so they give null.
 */
export function naturalOrder<V extends Category>(values: Iterable<V>): V[] | null {
  const distinct = [...new Set(values)];
  if (distinct.every((v) => typeof v === 'number')) return distinct.sort((a, b) => (a as number) - (b as number));
  if (distinct.every((v) => typeof v === 'boolean')) return distinct.sort((a, b) => Number(a) - Number(b));
  return null;
}

/**
 * The distinct `values` in the order to report or rank them: the caller's `order` when given (every
 * value must be in it), else their natural order, else first-seen order. With `ranked`, first-seen
 * order is not good enough and the call throws, since ordinal and weighted measures depend on it.
 */
export function orderValues<V extends Category>(values: Iterable<V>, order: readonly V[] | undefined, ranked: boolean): V[] {
  const distinct = [...new Set(values)];
  if (order) {
    const known = new Set(order);
    const stray = distinct.find((v) => !known.has(v));
    if (stray !== undefined) throw new RangeError(`The value ${JSON.stringify(stray)} is not in the given order.`);
    const present = new Set(distinct);
    return [...known].filter((v) => present.has(v));
  }
  const natural = naturalOrder(distinct);
  if (natural) return natural;
  if (ranked) throw new RangeError('Ordered measures on non-numeric values need an explicit `order`.');
  return distinct;
}

/** A pairable unit on which the coders did not all give the same value. */
export interface Disagreement<V extends Category> {
  /** Index of the unit in the data. */
  unit: number;
  /** Every coder's value for the unit (null: no value), in coder order. */
  values: (V | null)[];
}

/**
 * The pairable units (two or more values) whose values are not all equal, in unit order. Units with a
 * single value are left out: with nobody to disagree with, they are neither agreement nor disagreement.
 */
export function disagreements<V extends Category>(data: ReliabilityData<V>): Disagreement<V>[] {
  coderCount(data);
  const out: Disagreement<V>[] = [];
  data.forEach((unit, u) => {
    const values = valuesOf(unit);
    if (values.length >= 2 && new Set(values).size > 1) out.push({ unit: u, values: [...unit] });
  });
  return out;
}
