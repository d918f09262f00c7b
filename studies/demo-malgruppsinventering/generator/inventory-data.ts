// Draws the demo inventory: 576 fictitious children (unit, age band, caseworker) and the caseworkers'
// ratings, reproducing the seed's picture (6–7 % complex among those rated, alike in both units), with a
// double-rated sample of 60 whose second ratings mostly agree. Pure and seeded: same seed, same rows.
import { mulberry32 } from '../../../server/domain/seeded-random.ts';
import { hashSeed, Picker } from '../../demo-komplexa-familjer/generator/prng.ts';
import { REASONS } from './phrases.ts';

export const SEED = 20142015;
export const CHILD_COUNT = 576;
export const CASEWORKERS = ['socsek1', 'socsek2'] as const;
/** Children each caseworker has left unrated, so a demo user has something to rate. */
export const UNRATED_PER_CASEWORKER = 8;
export const SAMPLE_SIZE = 60;
/** Second ratings one step off the first (the rest agree): 12 of 60, 20 %. */
export const SAMPLE_DISAGREEMENTS = 12;

export const LEVELS = ['ingen', 'enkel', 'mattlig', 'komplex'] as const;
/** Shares of the rated children per level, in each unit alike; 'ingen' takes the rest. */
const LEVEL_SHARES: Record<string, number> = { enkel: 0.34, mattlig: 0.17, komplex: 0.066 };
const UNIT_WEIGHTS: Array<[string, number]> = [['utredning', 0.45], ['insats', 0.55]];
const AGE_WEIGHTS: Array<[string, number]> = [['0-5', 0.3], ['6-12', 0.4], ['13-17', 0.3]];
/** How many criteria a rating at each level ticks: [count, weight] pairs. */
const CRITERIA_COUNTS: Record<string, Array<[number, number]>> = {
  ingen: [[0, 0.8], [1, 0.2]],
  enkel: [[0, 0.1], [1, 0.6], [2, 0.3]],
  mattlig: [[1, 0.1], [2, 0.45], [3, 0.35], [4, 0.1]],
  komplex: [[3, 0.2], [4, 0.35], [5, 0.3], [6, 0.15]],
};

export interface ChildRow {
  /** "Barn 001" … */
  pseudonym: string;
  unit: string;
  ageBand: string;
  /** The caseworker's username. */
  caseworker: string;
}

export interface RatingRow {
  pseudonym: string;
  /** The rater's username: the caseworker, or the other caseworker for a second rating. */
  rater: string;
  level: string;
  /** Criterion ids in the checklist's order. */
  criteria: string[];
  reason: string;
}

export interface DemoInventory {
  children: ChildRow[];
  ratings: RatingRow[];
}

const weighted = (p: Picker, items: Array<[string, number]>): string => items[p.weighted(items.map(([, w]) => w))]![0];

function shuffled<T>(p: Picker, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = p.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** `n` levels in the fixed shares, shuffled. */
function levelDeck(p: Picker, n: number): string[] {
  const counts = Object.entries(LEVEL_SHARES).map(([level, share]) => [level, Math.round(n * share)] as const);
  const deck: string[] = [];
  for (const [level, count] of counts) for (let i = 0; i < count; i++) deck.push(level);
  while (deck.length < n) deck.push('ingen');
  return shuffled(p, deck);
}

function pickCriteria(p: Picker, level: string, criteria: readonly string[]): string[] {
  const counts = CRITERIA_COUNTS[level]!;
  const k = Math.min(counts[p.weighted(counts.map(([, w]) => w))]![0], criteria.length);
  const chosen = new Set(shuffled(p, criteria).slice(0, k));
  return criteria.filter((c) => chosen.has(c));
}

/** One step up or down the scale, staying on it. */
function neighbour(p: Picker, level: string): string {
  const i = LEVELS.indexOf(level as (typeof LEVELS)[number]);
  const step = i === 0 ? 1 : i === LEVELS.length - 1 ? -1 : p.chance(0.5) ? 1 : -1;
  return LEVELS[i + step]!;
}

/** `criteria`: the template's criterion ids, in its order. */
export function generateInventory(criteria: readonly string[], seed = SEED): DemoInventory {
  const p = new Picker(mulberry32(hashSeed(seed, 'children')));
  const children: ChildRow[] = [];
  for (let i = 1; i <= CHILD_COUNT; i++) {
    children.push({
      pseudonym: `Barn ${String(i).padStart(3, '0')}`,
      unit: weighted(p, UNIT_WEIGHTS),
      ageBand: weighted(p, AGE_WEIGHTS),
      caseworker: p.pick(CASEWORKERS),
    });
  }

  const r = new Picker(mulberry32(hashSeed(seed, 'ratings')));
  const unrated = new Set<ChildRow>();
  for (const cw of CASEWORKERS) {
    for (const c of shuffled(r, children.filter((c) => c.caseworker === cw)).slice(0, UNRATED_PER_CASEWORKER)) unrated.add(c);
  }
  const first = new Map<ChildRow, RatingRow>();
  for (const [unit] of UNIT_WEIGHTS) {
    const rated = children.filter((c) => c.unit === unit && !unrated.has(c));
    const deck = levelDeck(r, rated.length);
    rated.forEach((c, i) => {
      const level = deck[i]!;
      first.set(c, { pseudonym: c.pseudonym, rater: c.caseworker, level, criteria: pickCriteria(r, level, criteria), reason: r.deck(REASONS[level]!) });
    });
  }

  const s = new Picker(mulberry32(hashSeed(seed, 'sample')));
  const sample = shuffled(s, children.filter((c) => first.has(c))).slice(0, SAMPLE_SIZE);
  const disagree = new Set(shuffled(s, sample).slice(0, SAMPLE_DISAGREEMENTS));
  const second = new Map<ChildRow, RatingRow>();
  for (const c of sample) {
    const a = first.get(c)!;
    const rater = CASEWORKERS.find((u) => u !== c.caseworker)!;
    const level = disagree.has(c) ? neighbour(s, a.level) : a.level;
    // Agreeing on the level, the second rater mostly sees the same criteria too.
    const crit = level === a.level && s.chance(0.7) ? a.criteria : pickCriteria(s, level, criteria);
    second.set(c, { pseudonym: c.pseudonym, rater, level, criteria: crit, reason: s.deck(REASONS[level]!) });
  }

  const ratings: RatingRow[] = [];
  for (const c of children) {
    const a = first.get(c);
    if (a) ratings.push(a);
    const b = second.get(c);
    if (b) ratings.push(b);
  }
  return { children, ratings };
}

const field = (v: string): string => {
  if (/[;"\n\r]/.test(v)) throw new Error(`A demo field must not need quoting: ${v}`);
  return v;
};
const line = (cells: string[]): string => cells.map(field).join(';');

/** children.csv: the list a lead imports (pseudonym;enhet;åldersgrupp;handläggare). */
export function childrenCsv(rows: readonly ChildRow[]): string {
  return [line(['pseudonym', 'enhet', 'åldersgrupp', 'handläggare']), ...rows.map((c) => line([c.pseudonym, c.unit, c.ageBand, c.caseworker]))].join('\n') + '\n';
}

/** ratings.csv: one line per rating; criteria comma-separated. */
export function ratingsCsv(rows: readonly RatingRow[]): string {
  return [line(['pseudonym', 'bedömare', 'nivå', 'kriterier', 'motivering']), ...rows.map((r) => line([r.pseudonym, r.rater, r.level, r.criteria.join(','), r.reason]))].join('\n') + '\n';
}
