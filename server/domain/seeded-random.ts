// Seeded randomness: mulberry32, a tiny 32-bit PRNG. The same seed gives the same sequence on every
// machine, so an agreement round's random sample and the demo study's generated case files can be drawn
// again from their seed.

/** Floats in [0, 1) from `seed`. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
