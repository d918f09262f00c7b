// Seeded randomness: mulberry32 plus small helpers. Everything the generator draws comes from here,
// so the same seed gives byte-identical output.

export type Rng = () => number;

export { mulberry32 } from '../../../server/domain/seeded-random.ts';

/** FNV-1a over strings, to derive independent seeds, e.g. hashSeed(seed, 'dates'). */
export function hashSeed(...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = String(part) + '\u0000';
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h >>> 0;
}

/**
 * Random choices over one stream. `deck()` draws without replacement per pool and reshuffles only when the
 * pool is spent, so a phrase is not reused until all its siblings have been, which keeps repetition far apart.
 */
export class Picker {
  private readonly decks = new Map<readonly unknown[], { order: number[]; next: number; last: number }>();

  constructor(readonly rng: Rng) {}

  float(): number {
    return this.rng();
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.rng() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.rng() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from empty list');
    return items[Math.floor(this.rng() * items.length)] as T;
  }

  /** Index chosen with probability proportional to its weight. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.rng() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /**
   * Like deck(), but only returns items that pass `ok`; items that fail are skipped in the same deck, so one
   * deck serves every filter over the same pool. Falls back to a plain pick among the passing items.
   */
  deckWhere<T>(items: readonly T[], ok: (item: T) => boolean): T {
    for (let i = 0; i < items.length; i++) {
      const item = this.deck(items);
      if (ok(item)) return item;
    }
    const passing = items.filter(ok);
    return this.pick(passing);
  }

  deck<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('deck from empty list');
    let d = this.decks.get(items);
    if (!d || d.next >= d.order.length) {
      const order = items.map((_, i) => i);
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(this.rng() * (i + 1));
        const tmp = order[i] as number;
        order[i] = order[j] as number;
        order[j] = tmp;
      }
      // Do not start a new round with the item that ended the last one.
      const last = d ? d.last : -1;
      if (order.length > 1 && order[0] === last) {
        const tmp = order[0] as number;
        order[0] = order[order.length - 1] as number;
        order[order.length - 1] = tmp;
      }
      d = { order, next: 0, last };
      this.decks.set(items, d);
    }
    const idx = d.order[d.next++] as number;
    d.last = idx;
    return items[idx] as T;
  }
}
