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
  const drawn = pool.slice(0, size).map((child) => {
    let best: string | undefined;
    for (const id of raters) {
      if (id === child.caseworkerId) continue;
      if (best === undefined || load.get(id)! < load.get(best)!) best = id;
    }
    load.set(best!, load.get(best!)! + 1);
    return { child, secondRaterId: best! };
  });
  rebalance(drawn, raters, load);
  return drawn.map(({ child, secondRaterId }) => ({ childId: child.id, secondRaterId }));
}

/**
 * One child at a time to the least busy rater can leave the spread uneven: with three caseworkers of
 * one child each, A's child to B and B's child to A leaves C's child to A or B, and C with none. While
 * a chain of moves leads from a busiest rater to one with at least two fewer — each move handing one
 * newly drawn child to a rater who is not its caseworker — the chain is made (earlier draws stay).
 */
function rebalance(drawn: { child: InventoryChild; secondRaterId: string }[], raters: readonly string[], load: Map<string, number>): void {
  for (;;) {
    const max = Math.max(...raters.map((id) => load.get(id)!));
    // Breadth first from the busiest raters: who could take a child from whom.
    const via = new Map<string, { from: string; index: number }>();
    const queue = raters.filter((id) => load.get(id) === max);
    for (const id of queue) via.set(id, { from: '', index: -1 });
    let end: string | undefined;
    while (queue.length && !end) {
      const from = queue.shift()!;
      for (const [index, d] of drawn.entries()) {
        if (d.secondRaterId !== from) continue;
        for (const to of raters) {
          if (to === d.child.caseworkerId || via.has(to)) continue;
          via.set(to, { from, index });
          if (load.get(to)! <= max - 2) {
            end = to;
            break;
          }
          queue.push(to);
        }
        if (end) break;
      }
    }
    if (!end) return;
    load.set(end, load.get(end)! + 1);
    for (let at = end; via.get(at)!.index >= 0; ) {
      const { from, index } = via.get(at)!;
      drawn[index]!.secondRaterId = at;
      if (via.get(from)!.index < 0) load.set(from, load.get(from)! - 1);
      at = from;
    }
  }
}
