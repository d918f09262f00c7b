// The agreement statistics against published worked examples (tests/fixtures/agreement, provenance in
// its SOURCES.md), and the defined behaviour at the edges. Every expected number comes from a fixture
// or is worked out by hand in a comment; none is taken from the code under test.
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  categoryCounts, cohenKappa, cohenKappaFromTable, cohenKappaPairs, coincidenceMatrix, disagreements, fleissKappa,
  fromCoderRows, krippendorffAlpha, percentAgreement, presenceMatrices,
  type AlphaLevel, type Category, type KappaWeights, type MultiCodeData,
} from '../../server/domain/agreement/index.ts';

interface Additional { level: string; weights?: string; expected: number; tolerance?: number }
interface Fixture {
  id: string;
  measure: 'krippendorff_alpha' | 'cohen_kappa' | 'fleiss_kappa';
  orientation: 'coders_x_units' | 'subjects_x_category_counts';
  data: (Category | null)[][];
  level: string;
  expected: number;
  tolerance: number;
  additional?: Additional[];
  contingency?: number[][];
  all_raters?: number[][];
  notes?: string;
  data_label_version?: { value_domain_ordered: string[] };
  value_counts_form?: { values: number[]; counts_units_x_values: number[][] };
  per_subject_P_i_from_source?: number[];
  category_totals_from_source?: Record<string, number>;
}

const load = (name: string): Fixture =>
  JSON.parse(readFileSync(new URL(`../fixtures/agreement/${name}.json`, import.meta.url), 'utf8')) as Fixture;

/** Three decimals at least; the fixture's own tolerance where it is stricter. */
const toleranceOf = (fixture: Fixture, extra?: Additional) => Math.min(0.0005, extra?.tolerance ?? fixture.tolerance);

function close(actual: number | null, expected: number, tolerance: number, what: string) {
  assert.ok(actual !== null, `${what}: expected ${expected}, got null`);
  assert.ok(Math.abs(actual - expected) < tolerance, `${what}: expected ${expected} ± ${tolerance}, got ${actual}`);
}

/** The fixtures' "weights" notes name irr's and sklearn's variants; both map onto linear/quadratic. */
const weightsOf = (note: string | undefined): KappaWeights =>
  note === undefined ? 'none' : /quadratic|squared/.test(note) ? 'quadratic' : /linear|equal/.test(note) ? 'linear' : 'none';

const ALPHA = [
  'krippendorff-alpha-2011-4coders-12units',
  'krippendorff-alpha-2018-p306-3coders-binary',
  'krippendorff-alpha-2018-p310-2coders-letters',
  'krippendorff-alpha-hayes-2007-5coders-40units',
  'krippendorff-alpha-wikipedia-3coders-15units',
];
const KAPPA = [
  'cohen-kappa-artstein-poesio-2008-table1',
  'cohen-kappa-artstein-poesio-2008-table4',
  'cohen-kappa-irr-anxiety-raters2-3',
  'cohen-kappa-sas-3x3-table',
  'cohen-kappa-weighted-3-categories',
];

// ---------------------------------------------------------------------------------------------------

const alpha = suite("Krippendorff's α: published examples");

for (const name of ALPHA) {
  alpha(`${name}: every level the fixture states`, () => {
    const fixture = load(name);
    assert.is(fixture.measure, 'krippendorff_alpha');
    const data = fromCoderRows(fixture.data);
    const levels = [{ level: fixture.level, expected: fixture.expected }, ...(fixture.additional ?? [])];
    for (const entry of levels) {
      const result = krippendorffAlpha(data, { level: entry.level as AlphaLevel });
      close(result.value, entry.expected, toleranceOf(fixture, entry as Additional), `${name} ${entry.level}`);
    }
  });
}

alpha('2011: the lone value of unit 12 under coder C (icr) gives the same α as under coder B', () => {
  const fixture = load('krippendorff-alpha-2011-4coders-12units');
  // The icr matrix, as printed in the fixture's notes.
  const icr = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, null],
    [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 3],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
  ];
  const data = fromCoderRows(icr);
  for (const { level, expected } of [{ level: fixture.level, expected: fixture.expected }, ...fixture.additional!]) {
    close(krippendorffAlpha(data, { level: level as AlphaLevel }).value, expected, 0.0005, `icr ${level}`);
  }
});

alpha('2011: the unpairable unit and the pairable value count, counted by hand', () => {
  const data = fromCoderRows(load('krippendorff-alpha-2011-4coders-12units').data);
  // Units 1 and 10 have 3 values, 2–9 have 4, 11 has 2, 12 has 1: 11 pairable units,
  // n = 3 + 8·4 + 3 + 2 = 40 (the n.. = 40 of the paper's coincidence matrix).
  const result = krippendorffAlpha(data);
  assert.is(result.pairableUnits, 11);
  assert.is(result.pairableValues, 40);
  const co = coincidenceMatrix(data);
  assert.equal(co.values, [1, 2, 3, 4, 5]);
  // n_c: value 1 occurs 9 times among the pairable values, 2 thirteen times, 3 ten, 4 five, 5 three.
  assert.equal(co.totals, [9, 13, 10, 5, 3]);
  // Each pairable value adds exactly 1 to its row of the coincidence matrix.
  co.matrix.forEach((row, c) => close(row.reduce((s, o) => s + o, 0), co.totals[c]!, 1e-9, `row ${c}`));
});

alpha('2011: the label version with its value order (nominal and ordinal)', () => {
  const fixture = load('krippendorff-alpha-2011-4coders-12units');
  const labels = fixture.data_label_version!.value_domain_ordered;
  const data = fromCoderRows(fixture.data.map((row) => row.map((v) => (v === null ? null : labels[(v as number) - 1]!))));
  close(krippendorffAlpha(data, { level: 'nominal' }).value, fixture.expected, 0.0005, 'labels nominal');
  const ordinal = fixture.additional!.find((a) => a.level === 'ordinal')!;
  close(krippendorffAlpha(data, { level: 'ordinal', order: labels }).value, ordinal.expected, 0.0005, 'labels ordinal');
  // Strings have no order of their own: ordinal α without one is refused, not guessed alphabetically.
  assert.throws(() => krippendorffAlpha(data, { level: 'ordinal' }), RangeError);
});

alpha('Wikipedia: the value-counts form (which coder gave a value does not matter) gives the same α', () => {
  const fixture = load('krippendorff-alpha-wikipedia-3coders-15units');
  const form = fixture.value_counts_form!;
  // Each unit's values written into the first coder slots, the rest null; 3 slots as in the original.
  const data = form.counts_units_x_values.map((counts) => {
    const values = counts.flatMap((n, j) => new Array<number>(n).fill(form.values[j]!));
    return [...values, ...new Array<null>(3 - values.length).fill(null)];
  });
  close(krippendorffAlpha(data).value, fixture.expected, toleranceOf(fixture), 'value counts nominal');
  // Units 2 and 14 have no value, unit 1 a single one: 12 pairable units; ten with 2 values and two
  // (6 and 7) with 3, so n = 26.
  const result = krippendorffAlpha(fromCoderRows(fixture.data));
  assert.is(result.pairableUnits, 12);
  assert.is(result.pairableValues, 26);
});

alpha.run();

// ---------------------------------------------------------------------------------------------------

const kappa = suite("Cohen's κ: published examples");

for (const name of KAPPA) {
  kappa(`${name}: unweighted and every weighting the fixture states`, () => {
    const fixture = load(name);
    assert.is(fixture.measure, 'cohen_kappa');
    const [a, b] = fixture.data as [Category[], Category[]];
    close(cohenKappa(a, b).value, fixture.expected, toleranceOf(fixture), `${name} unweighted`);
    for (const extra of fixture.additional ?? []) {
      const weights = weightsOf(extra.weights);
      assert.is.not(weights, 'none', extra.weights);
      close(cohenKappa(a, b, { weights }).value, extra.expected, toleranceOf(fixture, extra), `${name} ${weights}`);
    }
  });
}

kappa('contingency tables give the same κ as the label vectors', () => {
  for (const name of ['cohen-kappa-artstein-poesio-2008-table1', 'cohen-kappa-sas-3x3-table']) {
    const fixture = load(name);
    close(cohenKappaFromTable(fixture.contingency!).value, fixture.expected, toleranceOf(fixture), `${name} table`);
    for (const extra of fixture.additional ?? []) {
      close(cohenKappaFromTable(fixture.contingency!, { weights: weightsOf(extra.weights) }).value, extra.expected,
        toleranceOf(fixture, extra), `${name} table ${extra.weights}`);
    }
    // The labels are cross-tabulated into exactly the published table (rows coder 1).
    const [a, b] = fixture.data as [number[], number[]];
    assert.equal(cohenKappa(a, b).table, fixture.contingency);
  }
});

kappa('SAS table: a category one coder never used keeps its all-zero column', () => {
  const fixture = load('cohen-kappa-sas-3x3-table');
  const [a, b] = fixture.data as [number[], number[]];
  const result = cohenKappa(a, b, { weights: 'linear' });
  assert.equal(result.categories, [0, 1, 2]);
  assert.equal(result.table.map((row) => row[0]), [0, 0, 0]);
});

kappa('Artstein & Poesio table 1: symmetric in the coders, and 1 for a coder with itself (as the source checks)', () => {
  const fixture = load('cohen-kappa-artstein-poesio-2008-table1');
  const [a, b] = fixture.data as [number[], number[]];
  close(cohenKappa(b, a).value, fixture.expected, toleranceOf(fixture), 'swapped');
  assert.is(cohenKappa(a, a).value, 1);
});

kappa('units missing for either coder are skipped', () => {
  const fixture = load('cohen-kappa-artstein-poesio-2008-table1');
  const [a, b] = fixture.data as [number[], number[]];
  // Three extra units: one coded by A only, one by B only, one by nobody. κ stays the published value.
  const result = cohenKappa<number>([...a, 1, null, null], [...b, null, 0, null]);
  close(result.value, fixture.expected, toleranceOf(fixture), 'with missing');
  assert.is(result.pairedUnits, 100);
});

kappa('irr anxiety: pairs of coders from the full matrix; weights over the categories used (irr), not the raw scale', () => {
  const fixture = load('cohen-kappa-irr-anxiety-raters2-3');
  const data = fromCoderRows(fixture.all_raters!);
  const pairs = cohenKappaPairs(data);
  assert.equal(pairs.map((p) => p.coders), [[0, 1], [0, 2], [1, 2]]);
  // Raters 2 and 3 are coders 1 and 2 here.
  close(pairs[2]!.kappa.value, fixture.expected, toleranceOf(fixture), 'pair (2, 3)');
  const linear = fixture.additional!.find((e) => weightsOf(e.weights) === 'linear')!;
  close(cohenKappaPairs(data, { weights: 'linear' })[2]!.kappa.value, linear.expected, toleranceOf(fixture, linear), 'pair (2, 3) linear');
  // The value 5 is never used, so the default scale is 1,2,3,4,6 with 4 and 6 one step apart, as the
  // fixture notes. Forcing the full 1–6 scale is a different statistic, and misses the published value.
  const [a, b] = fixture.data as [number[], number[]];
  const onFullScale = cohenKappa(a, b, { weights: 'linear', order: [1, 2, 3, 4, 5, 6] }).value!;
  assert.ok(Math.abs(onFullScale - linear.expected) > 0.001, `full scale ${onFullScale}`);
});

kappa.run();

// ---------------------------------------------------------------------------------------------------

const fleiss = suite("Fleiss' κ: published examples");

fleiss('Wikipedia: 10 subjects × 14 raters, from category counts; P_i per subject', () => {
  const fixture = load('fleiss-kappa-wikipedia-10subjects-14raters');
  assert.is(fixture.orientation, 'subjects_x_category_counts');
  const result = fleissKappa(fixture.data as number[][]);
  close(result.value, fixture.expected, toleranceOf(fixture), 'κ');
  assert.ok(result.reason === null);
  // The source gives P_i to three decimals.
  result.perUnit.forEach((p, i) => close(p, fixture.per_subject_P_i_from_source![i]!, 0.0005, `P_${i + 1}`));
  assert.is(result.ratersPerUnit, 14);
});

fleiss('irr diagnoses: 30 patients × 6 raters, counted from the raters’ labels', () => {
  const fixture = load('fleiss-kappa-irr-diagnoses-30subjects-6raters');
  const { categories, counts } = categoryCounts(fromCoderRows(fixture.data));
  assert.equal(categories, [1, 2, 3, 4, 5]);
  const totals = categories.map((_, j) => counts.reduce((s, row) => s + row[j]!, 0));
  assert.equal(totals, categories.map((c) => fixture.category_totals_from_source![String(c)]!));
  close(fleissKappa(counts).value, fixture.expected, toleranceOf(fixture), 'κ');
});

fleiss.run();

// ---------------------------------------------------------------------------------------------------

const percent = suite('Percent agreement and disagreements');

percent('two coders: the share of units both coded on which they agree (the published tables’ diagonal)', () => {
  for (const name of ['cohen-kappa-artstein-poesio-2008-table1', 'cohen-kappa-sas-3x3-table']) {
    const fixture = load(name);
    const table = fixture.contingency!;
    const diagonal = table.reduce((s, row, i) => s + row[i]!, 0);
    const total = table.flat().reduce((s, n) => s + n, 0);
    const result = percentAgreement(fromCoderRows(fixture.data));
    close(result.value, diagonal / total, 1e-12, name); // 70/100 and 13/19
    close(result.reason === null ? result.unanimous : null, diagonal / total, 1e-12, `${name} unanimous`);
  }
});

percent('many coders: per unit the share of agreeing pairs (Fleiss’ P_i in the Wikipedia example)', () => {
  const fixture = load('fleiss-kappa-wikipedia-10subjects-14raters');
  const categories = ['1', '2', '3', '4', '5'];
  // The counts written out as 14 labels per subject; which rater gave which label does not matter here.
  const data = (fixture.data as number[][]).map((counts) => counts.flatMap((n, j) => new Array<string>(n).fill(categories[j]!)));
  const expected = fixture.per_subject_P_i_from_source!;
  const result = percentAgreement(data);
  result.perUnit.forEach((p, i) => close(p, expected[i]!, 0.0005, `unit ${i + 1}`));
  // The mean of ten values each rounded to three decimals is within 0.0005 of the mean.
  close(result.value, expected.reduce((s, p) => s + p, 0) / expected.length, 0.0005, 'mean');
  assert.ok(result.reason === null);
  assert.is(result.unanimousUnits, 1); // subject 1, all 14 raters in category 5
});

percent('missing data (Krippendorff 2011): single-value units drop out; worked by hand', () => {
  const data = fromCoderRows(load('krippendorff-alpha-2011-4coders-12units').data);
  const result = percentAgreement(data);
  // Pair shares per unit: 1: [1,1,1] 1 · 2: [2,2,3,2] 3/6 · 3–5: 1 · 6: [1,2,3,4] 0 · 7: 1 ·
  // 8: [1,1,2,1] 3/6 · 9: 1 · 10: [5,5,5] 1 · 11: [1,1] 1 · 12: one value, not pairable.
  assert.equal(result.perUnit, [1, 0.5, 1, 1, 1, 0, 1, 0.5, 1, 1, 1, null]);
  assert.is(result.pairableUnits, 11);
  close(result.value, 9 / 11, 1e-12, 'mean');
  assert.ok(result.reason === null);
  assert.is(result.unanimousUnits, 8);
  close(result.unanimous, 8 / 11, 1e-12, 'unanimous');
  // The units that are not unanimous, with every coder's value.
  assert.equal(disagreements(data), [
    { unit: 1, values: [2, 2, 3, 2] },
    { unit: 5, values: [1, 2, 3, 4] },
    { unit: 7, values: [1, 1, 2, 1] },
  ]);
});

percent.run();

// ---------------------------------------------------------------------------------------------------

const presence = suite('Presence/absence per code');

presence('p306 read as one code applied or not: the binary matrix, its α and its complement', () => {
  const fixture = load('krippendorff-alpha-2018-p306-3coders-binary');
  const binary = fromCoderRows(fixture.data as number[][]);
  // 1 = the coder gave the unit code X, 0 = gave it code Y instead.
  const sets: MultiCodeData<string> = binary.map((unit) => unit.map((v) => (v === 1 ? ['X'] : ['Y'])));
  const matrices = presenceMatrices(sets);
  // By default the codes come in the order first met: every coder gave unit 1 a 0, so Y first.
  assert.equal([...matrices.keys()], ['Y', 'X']);
  assert.equal(matrices.get('X'), binary.map((unit) => unit.map((v) => v === 1)));
  // Nominal α does not depend on the category names, so "Y present" gives the published value too.
  close(krippendorffAlpha(matrices.get('X')!).value, fixture.expected, toleranceOf(fixture), 'X');
  close(krippendorffAlpha(matrices.get('Y')!).value, fixture.expected, toleranceOf(fixture), 'Y');
});

presence('Artstein & Poesio table 1 as one code: κ per code per pair of coders', () => {
  const fixture = load('cohen-kappa-artstein-poesio-2008-table1');
  const sets = fromCoderRows(fixture.data as number[][]).map((unit) => unit.map((v) => new Set(v === 1 ? ['X'] : [])));
  const pairs = cohenKappaPairs(presenceMatrices(sets).get('X')!);
  assert.is(pairs.length, 1);
  close(pairs[0]!.kappa.value, fixture.expected, toleranceOf(fixture), 'κ for X');
});

presence('an empty set is "absent"; a unit the coder did not code is missing', () => {
  const sets: MultiCodeData<string> = [
    [['a', 'b'], ['a'], null],
    [[], ['b'], ['b']],
    [null, null, ['a']],
  ];
  const m = presenceMatrices(sets, ['a', 'b', 'c']);
  assert.equal(m.get('a'), [[true, true, null], [false, false, false], [null, null, true]]);
  assert.equal(m.get('b'), [[true, false, null], [false, true, true], [null, null, false]]);
  // A listed code nobody used: all absent where coded, so α has no variation to measure.
  assert.equal(m.get('c'), [[false, false, null], [false, false, false], [null, null, false]]);
  assert.is(krippendorffAlpha(m.get('c')!).reason, 'no-variation');
  // Code a: unit 1 [T,T] and unit 2 [F,F,F] are pairable and agree; unit 3 has one value. By hand:
  // n_T = 2, n_F = 3, n = 5, no disagreeing coincidences, so α = 1.
  const a = krippendorffAlpha(m.get('a')!);
  assert.is(a.value, 1);
  assert.is(a.pairableUnits, 2);
  assert.is(a.pairableValues, 5);
});

presence.run();

// ---------------------------------------------------------------------------------------------------

const edges = suite('Agreement edge cases');

edges('all coders always agree on one category: κ, α and Fleiss’ κ are undefined, percent agreement is 1', () => {
  const data = [['x', 'x', 'x'], ['x', 'x', null], ['x', 'x', 'x']];
  const alphaResult = krippendorffAlpha(data);
  assert.is(alphaResult.value, null);
  assert.is(alphaResult.reason, 'no-variation');
  for (const level of ['ordinal', 'interval', 'ratio'] as const) {
    assert.is(krippendorffAlpha([[3, 3], [3, 3]], { level }).reason, 'no-variation');
  }
  for (const weights of ['none', 'linear', 'quadratic'] as const) {
    const k = cohenKappa([2, 2, 2], [2, 2, 2], { weights });
    assert.is(k.value, null);
    assert.is(k.reason, 'no-variation');
  }
  assert.is(fleissKappa([[3, 0], [3, 0]]).reason, 'no-variation');
  assert.is(percentAgreement(data).value, 1);
  assert.equal(disagreements(data), []);
});

edges('agreement on several categories is α = κ = 1', () => {
  assert.is(krippendorffAlpha([[1, 1], [2, 2], [2, 2]]).value, 1);
  assert.is(cohenKappa([1, 2, 2], [1, 2, 2]).value, 1);
});

edges('fewer than two pairable values', () => {
  // Every unit coded by one coder only: nothing to pair.
  const lone = [[1, null], [null, 2], [null, null]];
  assert.is(krippendorffAlpha(lone).reason, 'no-pairable-units');
  assert.is(krippendorffAlpha(lone).pairableValues, 0);
  assert.is(percentAgreement(lone).reason, 'no-pairable-units');
  assert.is(cohenKappa([1, null], [null, 2]).reason, 'no-pairable-units');
  assert.is(cohenKappaFromTable([[0, 0], [0, 0]]).reason, 'no-pairable-units');
  // Exactly one pair, and it disagrees. By hand: o_12 = o_21 = 1, n_1 = n_2 = 1, n = 2, so
  // α = 1 − (n−1)·2/(1·1 + 1·1) = 0; κ: table [[0,1],[0,0]], p_o = 0, p_e = 0, κ = 0.
  assert.is(krippendorffAlpha([[1, 2], [3, null]]).value, 0);
  assert.is(cohenKappa([1], [2]).value, 0);
});

edges('one coder only', () => {
  const one = [[1], [2], [1]];
  assert.is(krippendorffAlpha(one).reason, 'fewer-than-two-coders');
  assert.is(percentAgreement(one).reason, 'fewer-than-two-coders');
  assert.equal(cohenKappaPairs(one), []);
  assert.is(fleissKappa([[1, 0], [0, 1]]).reason, 'fewer-than-two-coders');
});

edges('empty data', () => {
  const alphaResult = krippendorffAlpha([]);
  assert.is(alphaResult.value, null);
  assert.is(alphaResult.reason, 'no-units');
  assert.is(percentAgreement([]).reason, 'no-units');
  assert.is(cohenKappa([], []).reason, 'no-units');
  assert.is(fleissKappa([]).reason, 'no-units');
  assert.equal(disagreements([]), []);
  assert.equal(presenceMatrices([]).size, 0);
  assert.equal(fromCoderRows([]), []);
});

edges('Fleiss’ κ needs the same number of ratings on every unit', () => {
  assert.is(fleissKappa([[2, 1], [1, 1]]).reason, 'unequal-coders-per-unit');
});

edges('malformed input throws', () => {
  assert.throws(() => krippendorffAlpha([[1, 2], [1]]), RangeError);
  assert.throws(() => fromCoderRows([[1, 2], [1]]), RangeError);
  assert.throws(() => krippendorffAlpha([[1, Number.NaN]]), RangeError);
  assert.throws(() => cohenKappa([1, 2], [1]), RangeError);
  assert.throws(() => cohenKappaFromTable([[1, 2]]), RangeError);
  assert.throws(() => fleissKappa([[1, -1]]), RangeError);
  assert.throws(() => krippendorffAlpha([['a', 'b']], { level: 'interval' }), RangeError);
  assert.throws(() => krippendorffAlpha([[-1, 2]], { level: 'ratio' }), RangeError);
  assert.throws(() => cohenKappa(['a', 'b'], ['b', 'a'], { weights: 'linear' }), RangeError);
  assert.throws(() => cohenKappa([1, 7], [1, 2], { weights: 'linear', order: [1, 2, 3] }), RangeError);
});

edges.run();
