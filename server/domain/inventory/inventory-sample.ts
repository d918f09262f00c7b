// Drawing the double-rated sample of a målgruppsinventering: `size` more children, not yet in the
// sample, drawn with a seeded generator (the same seed draws the same children again), each given a
// second rater among the other caseworkers, so that every caseworker gets about as many as the next.
import { ValidationError } from '../errors.ts';
import { mulberry32 } from '../seeded-random.ts';
import type { InventoryChild } from './inventory-types.ts';

export interface SampleAssignment {
  childId: string;
  secondRaterId: string;
}

/**
 * The children to add to the sample and their second raters. `caseworkers` are the study's
 * caseworkers' user ids; a child's second rater is never its own caseworker. Among the other
 * caseworkers the one with the fewest second ratings so far (earlier draws included) gets it; a tie
 * goes to the first in `caseworkers`' sorted order. Throws ValidationError when the draw cannot be made.
 */
export function drawSample(children: readonly InventoryChild[], caseworkers: readonly string[], size: number, seed: number): SampleAssignment[] {
  const raters = [...new Set(caseworkers)].sort();
  if (raters.length < 2) throw new ValidationError('Det behövs minst två socialsekreterare i studien för att dubbelbedöma barn.', 'too_few_caseworkers');
  const candidates = children.filter((c) => c.secondRaterId === null).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (!Number.isInteger(size) || size < 1 || size > candidates.length) {
    throw new ValidationError(`Ange ett urval mellan 1 och ${candidates.length} barn (så många är inte dubbelbedömda än).`, 'invalid_size');
  }
  // Fisher–Yates, stopped after `size` places.
  const random = mulberry32(seed);
  const pool = [...candidates];
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const load = new Map(raters.map((id) => [id, 0]));
  for (const c of children) if (c.secondRaterId !== null && load.has(c.secondRaterId)) load.set(c.secondRaterId, load.get(c.secondRaterId)! + 1);
  return pool.slice(0, size).map((child) => {
    let best: string | undefined;
    for (const id of raters) {
      if (id === child.caseworkerId) continue;
      if (best === undefined || load.get(id)! < load.get(best)!) best = id;
    }
    load.set(best!, load.get(best!)! + 1);
    return { childId: child.id, secondRaterId: best! };
  });
}
