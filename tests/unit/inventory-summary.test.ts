// The målgruppsinventering's summary on ten hand-made children; every number below was worked out by
// hand (the Wilson bounds with the formula on paper, to four decimals).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { inventorySummary } from '../../server/domain/inventory/inventory-summary.ts';
import type { InventoryChild, InventoryConfig, InventoryRating } from '../../server/domain/inventory/inventory-types.ts';

const config: InventoryConfig = {
  scale: ['ingen', 'enkel', 'mattlig', 'komplex'].map((id) => ({ id, label: id, description: '' })),
  criteria: [{ id: 'a', label: 'A', help: '' }, { id: 'b', label: 'B', help: '' }],
  units: [{ id: 'u1', label: 'U1' }, { id: 'u2', label: 'U2' }],
  ageBands: ['0-5'],
};

// c1–c5: caseworker A, unit u1; c6: B, u1; c7–c10: B, u2. Sample: c2, c5, c6, c8, c9, c10.
const second: Record<string, string> = { c2: 'B', c5: 'B', c6: 'A', c8: 'A', c9: 'A', c10: 'A' };
const children: InventoryChild[] = Array.from({ length: 10 }, (_, i) => {
  const id = `c${i + 1}`;
  return {
    id, pseudonym: `Barn ${i + 1}`, unit: i < 6 ? 'u1' : 'u2', ageBand: '0-5', caseworkerId: i < 5 ? 'A' : 'B',
    secondRaterId: second[id] ?? null, version: 1, createdAt: '', createdBy: 'lead',
  };
});
const rating = (childId: string, raterId: string, level: string, criteria: string[] = []): InventoryRating => ({
  id: `${childId}:${raterId}`, childId, raterId, level, criteria, reason: '', version: 1, createdAt: '', createdBy: raterId, updatedAt: '', updatedBy: raterId,
});
const ratings = [
  rating('c1', 'A', 'ingen'), rating('c2', 'A', 'enkel', ['a']), rating('c3', 'A', 'enkel', ['b']),
  rating('c4', 'A', 'mattlig', ['a', 'b']), rating('c5', 'A', 'komplex', ['a', 'b']),
  rating('c7', 'B', 'ingen'), rating('c8', 'B', 'enkel', ['a']), rating('c9', 'B', 'komplex', ['a', 'b']),
  // Second ratings: they enter κ only, never the distribution or the criteria counts.
  rating('c2', 'B', 'enkel', ['a', 'b']), rating('c5', 'B', 'mattlig', ['b']), rating('c8', 'A', 'enkel'),
  rating('c9', 'A', 'komplex'), rating('c6', 'A', 'enkel', ['a']),
];

const close = (actual: number | null | undefined, expected: number, what: string) =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) < 1e-4, `${what}: ${actual} ≠ ${expected}`);

const summary = suite('inventorySummary');

summary('counts the caseworkers\' ratings only: 8 of 10 rated, shares and Wilson intervals', () => {
  const s = inventorySummary(config, children, ratings);
  assert.is(s.total, 10);
  assert.is(s.rated, 8);
  assert.equal(s.levels.map((l) => [l.level, l.n, l.share]), [['ingen', 2, 0.25], ['enkel', 3, 0.375], ['mattlig', 1, 0.125], ['komplex', 2, 0.25]]);
  const komplex = s.levels[3]!.ci95!;
  close(komplex[0], 0.0715, 'komplex lo (2/8)');
  close(komplex[1], 0.5907, 'komplex hi (2/8)');
  close(s.levels[1]!.ci95![0], 0.1368, 'enkel lo (3/8)');
  close(s.levels[2]!.ci95![1], 0.4709, 'mattlig hi (1/8)');
});

summary('per unit: u1 has 6 children, 5 rated; u2 has 4, 3 rated, none at mattlig', () => {
  const [u1, u2] = inventorySummary(config, children, ratings).units;
  assert.equal([u1!.unit, u1!.total, u1!.rated, u1!.levels.map((l) => l.n)], ['u1', 6, 5, [1, 2, 1, 1]]);
  assert.equal([u2!.unit, u2!.total, u2!.rated, u2!.levels.map((l) => l.n)], ['u2', 4, 3, [1, 1, 0, 1]]);
  close(u1!.levels[1]!.ci95![0], 0.1176, 'u1 enkel lo (2/5)');
  assert.is(u2!.levels[2]!.ci95![0], 0);
  close(u2!.levels[2]!.ci95![1], 0.5615, 'u2 mattlig hi (0/3)');
});

summary('criteria are counted over the first ratings: a 5 times, b 4 times', () => {
  assert.equal(inventorySummary(config, children, ratings).criteria, [{ criterion: 'a', n: 5 }, { criterion: 'b', n: 4 }]);
});

summary('κ over the 4 complete pairs of a sample of 6: 3 exact agreements, one step apart once', () => {
  const k = inventorySummary(config, children, ratings).kappa!;
  assert.is(k.n, 4);
  assert.is(k.sample, 6);
  assert.is(k.observed, 0.75);
  // p_o = 3/4, p_e = 3/8 → 0.6; linear: 11/12 vs 2/3 → 0.75; quadratic: 35/36 vs 29/36 → 6/7.
  close(k.unweighted, 0.6, 'unweighted');
  close(k.linear, 0.75, 'linear');
  close(k.quadratic, 6 / 7, 'quadratic');
});

summary('no ratings: shares 0 with no interval, no κ', () => {
  const s = inventorySummary(config, children, []);
  assert.is(s.rated, 0);
  assert.equal(s.levels.map((l) => [l.n, l.share, l.ci95]), [[0, 0, null], [0, 0, null], [0, 0, null], [0, 0, null]]);
  assert.is(s.kappa, null);
});

summary.run();
