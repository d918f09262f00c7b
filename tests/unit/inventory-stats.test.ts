// The inventory statistics against published values: the Wilson score interval (Newcombe 1998) and
// weighted κ (worked examples in tests/fixtures/agreement, provenance in its SOURCES.md). Every
// expected number is copied from a publication or worked out by hand in a comment, never taken from
// the code under test.
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { wilsonInterval, Z_95 } from '../../server/domain/inventory/wilson.ts';
import { weightedKappa, type OrdinalWeights } from '../../server/domain/inventory/weighted-kappa.ts';
import { cohenKappa } from '../../server/domain/agreement/cohen-kappa.ts';

const round4 = (x: number): number => Math.round(x * 10000) / 10000;
const interval4 = (r: [number, number] | null): [number, number] => {
  assert.ok(r, 'expected an interval');
  return [round4(r[0]), round4(r[1])];
};

const wilson = suite('wilsonInterval');

// Newcombe RG (1998) "Two-sided confidence intervals for the single proportion: comparison of seven
// methods", Statistics in Medicine 17:857–872, Table I, 95 % intervals printed to 4 decimals.
// Method 3 = Wilson score without continuity correction, method 4 = with it.
const NEWCOMBE_TABLE_I: Array<{ x: number; n: number; method3: [number, number]; method4: [number, number] }> = [
  { x: 81, n: 263, method3: [0.2553, 0.3662], method4: [0.2535, 0.3682] },
  { x: 15, n: 148, method3: [0.0624, 0.1605], method4: [0.0598, 0.1644] },
  { x: 0, n: 20, method3: [0.0, 0.1611], method4: [0.0, 0.2005] },
  { x: 1, n: 29, method3: [0.0061, 0.1718], method4: [0.0018, 0.1963] },
];

wilson('matches Newcombe (1998) Table I, method 3 (no continuity correction)', () => {
  for (const { x, n, method3 } of NEWCOMBE_TABLE_I) assert.equal(interval4(wilsonInterval(x, n)), method3, `${x}/${n}`);
});

wilson('matches Newcombe (1998) Table I, method 4 (continuity correction)', () => {
  for (const { x, n, method4 } of NEWCOMBE_TABLE_I) {
    assert.equal(interval4(wilsonInterval(x, n, Z_95, { continuityCorrection: true })), method4, `${x}/${n}`);
  }
});

wilson("the seed's 37 of 576 (6.4 %), worked by hand", () => {
  // p = 37/576 = 0.0642361; z = 1.959964, z² = 3.8414588.
  // 2np + z² = 74 + 3.8414588 = 77.8414588
  // 4np(1−p) = 4 · 37 · 539/576 = 138.4930556; + z² = 142.3345144; √ = 11.9304029; · z = 23.3831601
  // 2(n + z²) = 2 · 579.8414588 = 1159.6829176
  // lo = (77.8414588 − 23.3831601) / 1159.6829176 = 54.4582987 / 1159.6829176 = 0.046960
  // hi = (77.8414588 + 23.3831601) / 1159.6829176 = 101.2246189 / 1159.6829176 = 0.087286
  const r = wilsonInterval(37, 576);
  assert.ok(r);
  assert.ok(Math.abs(r[0] - 0.046960) < 5e-6, `lo ${r[0]}`);
  assert.ok(Math.abs(r[1] - 0.087286) < 5e-6, `hi ${r[1]}`);
  assert.equal(interval4(r), [0.047, 0.0873]);
});

wilson('edges: n = 0 gives null, all successes reach 1, a wider z gives a wider interval', () => {
  assert.is(wilsonInterval(0, 0), null);
  // 20/20 mirrors 0/20: [1 − 0.1611, 1].
  assert.equal(interval4(wilsonInterval(20, 20)), [0.8389, 1]);
  const narrow = wilsonInterval(15, 148)!;
  const wide = wilsonInterval(15, 148, 2.575829303549)!;
  assert.ok(wide[0] < narrow[0] && wide[1] > narrow[1]);
  assert.throws(() => wilsonInterval(5, 4), RangeError);
  assert.throws(() => wilsonInterval(-1, 4), RangeError);
  assert.throws(() => wilsonInterval(1.5, 4), RangeError);
});

wilson.run();

interface KappaFixture {
  data: (number | null)[][];
  expected: number;
  tolerance: number;
  additional?: Array<{ weights: string; expected: number }>;
}
const fixture = (name: string): KappaFixture =>
  JSON.parse(readFileSync(new URL(`../fixtures/agreement/${name}.json`, import.meta.url), 'utf8')) as KappaFixture;

function close(actual: number | null, expected: number, tolerance: number, what: string): void {
  assert.ok(actual !== null, `${what}: expected ${expected}, got null`);
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: expected ${expected} ± ${tolerance}, got ${actual}`);
}

const kappa = suite('weightedKappa');

kappa('R irr kappa2 on the anxiety data, raters 2 and 3 (values printed by irr, via statsmodels tests)', () => {
  const f = fixture('cohen-kappa-irr-anxiety-raters2-3');
  const [a, b] = f.data as [number[], number[]];
  // irr ranks the levels that occur: 5 is never used, so the scale is 1, 2, 3, 4, 6.
  const scale = [1, 2, 3, 4, 6];
  close(weightedKappa(a, b, scale, 'none').kappa, -0.006289308, 1e-6, 'unweighted');
  close(weightedKappa(a, b, scale, 'linear').kappa, 0.1459075, 1e-6, 'equal (linear)');
  close(weightedKappa(a, b, scale, 'quadratic').kappa, 0.2520325, 1e-6, 'squared (quadratic)');
  // Same numbers in the fixture itself, so a transcription slip here would show.
  assert.equal(f.additional!.map((x) => x.expected), [0.1459075, 0.2520325]);
  // On the full 1..6 scale the unused 5 is a step between 4 and 6: the weighted value changes.
  const full = weightedKappa(a, b, [1, 2, 3, 4, 5, 6], 'linear').kappa!;
  assert.ok(Math.abs(full - 0.1459075) > 1e-3, `full scale ${full}`);
  assert.is(weightedKappa(a, b, scale, 'none').n, 20);
});

kappa('scikit-learn weighting example: none .9315, linear .9412, quadratic .9541', () => {
  const f = fixture('cohen-kappa-weighted-3-categories');
  const [a, b] = f.data as [number[], number[]];
  const expected: Array<[OrdinalWeights, number]> = [['none', 0.9315], ['linear', 0.9412], ['quadratic', 0.9541]];
  for (const [w, value] of expected) close(weightedKappa(a, b, [0, 1, 2], w).kappa, value, 5e-5, w);
});

kappa('SAS PROC FREQ 3×3 table (statsmodels tests): unweighted 0.4842, linear 0.4701', () => {
  const f = fixture('cohen-kappa-sas-3x3-table');
  const [a, b] = f.data as [number[], number[]];
  close(weightedKappa(a, b, [0, 1, 2], 'none').kappa, 0.4842, 5e-5, 'unweighted');
  close(weightedKappa(a, b, [0, 1, 2], 'linear').kappa, 0.4701, 5e-5, 'linear');
});

kappa('observed and expected agreement, worked by hand on a 2×2 table', () => {
  // Table [[20, 20], [10, 50]] (Artstein & Poesio 2008, table 1), n = 100.
  // p_o = (20 + 50)/100 = 0.70; row margins 0.40, 0.60; column margins 0.30, 0.70;
  // p_e = 0.40·0.30 + 0.60·0.70 = 0.12 + 0.42 = 0.54; κ = (0.70 − 0.54)/(1 − 0.54) = 0.16/0.46 = 0.347826.
  const a = [...Array(40).fill('ja'), ...Array(60).fill('nej')] as string[];
  const b = [...Array(20).fill('ja'), ...Array(20).fill('nej'), ...Array(10).fill('ja'), ...Array(50).fill('nej')] as string[];
  const r = weightedKappa(a, b, ['ja', 'nej'], 'none');
  close(r.observed, 0.7, 1e-12, 'p_o');
  close(r.expected, 0.54, 1e-12, 'p_e');
  close(r.kappa, 0.347826, 1e-6, 'κ');
  assert.is(r.n, 100);
});

kappa('pairs with a missing rating are skipped', () => {
  const f = fixture('cohen-kappa-irr-anxiety-raters2-3');
  const [a, b] = f.data as [number[], number[]];
  const scale = [1, 2, 3, 4, 6];
  const withGaps = weightedKappa([...a, null, 3, undefined], [...b, 4, null, 2], scale, 'quadratic');
  assert.is(withGaps.n, 20);
  close(withGaps.kappa, 0.2520325, 1e-6, 'quadratic with gaps');
});

kappa('agrees with the agreement module’s cohenKappa on the same data', () => {
  const f = fixture('cohen-kappa-irr-anxiety-raters2-3');
  const [a, b] = f.data as [number[], number[]];
  const full = [1, 2, 3, 4, 5, 6];
  const none = cohenKappa(a, b).value;
  assert.ok(none !== null);
  assert.ok(Math.abs(weightedKappa(a, b, full, 'none').kappa! - none) < 1e-12, 'unweighted');
  for (const w of ['linear', 'quadratic'] as const) {
    const other = cohenKappa(a, b, { weights: w, order: full });
    assert.ok(other.value !== null && other.reason === null);
    const mine = weightedKappa(a, b, full, w);
    assert.ok(Math.abs(mine.kappa! - other.value) < 1e-12, w);
    assert.ok(Math.abs(mine.observed - other.observedAgreement) < 1e-12, `${w} p_o`);
    assert.ok(Math.abs(mine.expected - other.chanceAgreement) < 1e-12, `${w} p_e`);
  }
});

kappa('undefined and invalid cases', () => {
  assert.equal(weightedKappa([], [], [1, 2, 3]), { kappa: null, observed: 0, expected: 0, n: 0 });
  assert.equal(weightedKappa([null, 2], [1, null], [1, 2, 3]), { kappa: null, observed: 0, expected: 0, n: 0 });
  // Both raters always on level 2: no variation, κ is 0/0.
  const flat = weightedKappa([2, 2, 2], [2, 2, 2], [1, 2, 3], 'quadratic');
  assert.is(flat.kappa, null);
  assert.is(flat.n, 3);
  // Perfect agreement with variation is 1.
  assert.is(weightedKappa([1, 2, 3], [1, 2, 3], [1, 2, 3], 'linear').kappa, 1);
  assert.throws(() => weightedKappa([1], [1, 2], [1, 2]), RangeError);
  assert.throws(() => weightedKappa([1], [7], [1, 2]), RangeError);
  assert.throws(() => weightedKappa([1], [1], [1]), RangeError);
});

kappa.run();
