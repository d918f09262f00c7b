// From multi-code units to one binary reliability matrix per code. When a coder may give a unit any
// number of codes, "which category" has no single answer, so agreement is measured code by code: did
// the coder apply this code to this unit or not. Each matrix then goes to κ, α or percent agreement.
//
// A coder who looked at a unit and gave it no codes said "absent" to every code; a coder who never
// coded the unit said nothing. The first becomes false, the second null (missing), so that α leaves
// unseen units out instead of counting them as agreement on absence.
import { coderCount, orderValues, type ReliabilityData } from './reliability-data.ts';

/** A coder's codes for one unit: a list or set of code ids, or null when the coder did not code it. */
export type CodeSet<C extends string | number> = ReadonlyArray<C> | ReadonlySet<C> | null;

/** units × coders of code sets. */
export type MultiCodeData<C extends string | number> = ReadonlyArray<ReadonlyArray<CodeSet<C>>>;

/**
 * One presence/absence matrix (units × coders; true = applied, false = not applied, null = unit not
 * coded by that coder) per code. `codes` chooses the codes and their order; codes outside it are
 * ignored, and a listed code nobody used gets an all-false matrix. By default: every code used, numbers
 * ascending, other ids in the order first met.
 */
export function presenceMatrices<C extends string | number>(
  data: MultiCodeData<C>, codes?: readonly C[],
): Map<C, ReliabilityData<boolean>> {
  coderCount(data.map((unit) => unit.map(() => null)));
  const sets = data.map((unit) => unit.map((cell) => (cell === null ? null : new Set<C>(cell))));
  const chosen = codes ?? orderValues(sets.flatMap((unit) => unit.flatMap((s) => (s ? [...s] : []))), undefined, false);
  return new Map(chosen.map((code) => [code, sets.map((unit) => unit.map((s) => (s === null ? null : s.has(code))))]));
}
