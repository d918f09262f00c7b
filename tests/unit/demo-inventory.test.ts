// The demo målgruppsinventering (studies/demo-malgruppsinventering) as seeded by seedDemo: the
// children and ratings are counted here from the stored records and the committed CSV files, not with
// the inventory's summary module, and compared with the picture the seed describes (576 children,
// 6–7 % complex, a double-rated sample of 60).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAST_COST } from '../../server/auth/password.ts';
import type { InventoryChild, InventoryRating } from '../../server/domain/inventory/inventory-types.ts';
import { seedDemo } from '../../server/seed/demo.ts';
import { inventoryChildren, inventoryRatings } from '../../server/store/inventory-collections.ts';
import { Store } from '../../server/store/store.ts';
import { childrenCsv, generateInventory, ratingsCsv } from '../../studies/demo-malgruppsinventering/generator/inventory-data.ts';
import { MINI_STUDY_DIR } from '../setup/app.ts';

const DIR = fileURLToPath(new URL('../../studies/demo-malgruppsinventering/', import.meta.url));
const TEMPLATE = JSON.parse(readFileSync(fileURLToPath(new URL('../../studies/malgruppsinventering/template.json', import.meta.url)), 'utf8')) as {
  inventory: { scale: { id: string }[]; criteria: { id: string }[] };
};
const CRITERIA = TEMPLATE.inventory.criteria.map((c) => c.id);
const LEVELS = ['ingen', 'enkel', 'mattlig', 'komplex'];
const NOW = '2026-01-15T09:00:00.000Z';
const STUDY_ID = 'demo-malgruppsinventering';

/** The committed CSV as rows of cells (the demo files need no quoting). */
const csvRows = (file: string): string[][] => readFileSync(join(DIR, file), 'utf8').trimEnd().split('\n').slice(1).map((l) => l.split(';'));

interface Ctx {
  dir: string;
  store: Store;
  children: readonly InventoryChild[];
  ratings: readonly InventoryRating[];
  userId: (u: string) => string;
}
const seeded = suite<Ctx>('the seeded demo inventory');

seeded.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'backspegel-demo-inventory-'));
  ctx.store = await Store.open(ctx.dir, { log: () => undefined });
  await seedDemo(ctx.store, { passwordCost: FAST_COST, clock: () => new Date(NOW) });
  const repo = ctx.store.study(STUDY_ID)!;
  ctx.children = repo.records.list(inventoryChildren);
  ctx.ratings = repo.records.list(inventoryRatings);
  ctx.userId = (u) => ctx.store.app.data.users.find((x) => x.username === u)!.id;
});
seeded.after(async (ctx) => {
  await rm(ctx.dir, { recursive: true, force: true });
});

/** The caseworkers' own (first) ratings, by child id. */
const firstRatings = (children: readonly InventoryChild[], ratings: readonly InventoryRating[]) => {
  const caseworker = new Map(children.map((c) => [c.id, c.caseworkerId]));
  return new Map(ratings.filter((r) => caseworker.get(r.childId) === r.raterId).map((r) => [r.childId, r]));
};

seeded('is a second study beside the case-file demo, an inventory with its template\'s instrument', ({ store, userId }) => {
  assert.equal([...store.app.data.studies].sort(), ['demo-komplexa-familjer', STUDY_ID]);
  const study = store.study(STUDY_ID)!.study;
  assert.is(study.kind, 'inventory');
  assert.is(study.template, 'malgruppsinventering');
  assert.equal(study.inventory, TEMPLATE.inventory);
  assert.equal([study.questions, study.families, study.documents], [[], [], []]);
  assert.equal(study.members.map((m) => [m.role, m.userId]).sort(), [
    ['caseworker', userId('socsek1')], ['caseworker', userId('socsek2')],
    ['lead', userId('projektledare')],
    ['researcher', userId('forskare1')], ['researcher', userId('forskare2')],
  ].sort());
});

seeded('lists the 576 children of children.csv, with ids barn-0001… created by the lead', ({ children, userId }) => {
  assert.is(children.length, 576);
  const rows = csvRows('children.csv');
  assert.is(rows.length, 576);
  const byPseudonym = new Map(children.map((c) => [c.pseudonym, c]));
  rows.forEach(([pseudonym, unit, ageBand, caseworker], i) => {
    assert.is(pseudonym, `Barn ${String(i + 1).padStart(3, '0')}`);
    const c = byPseudonym.get(pseudonym!);
    assert.ok(c, pseudonym);
    assert.equal([c!.id, c!.unit, c!.ageBand, c!.caseworkerId], [`barn-${String(i + 1).padStart(4, '0')}`, unit, ageBand, userId(caseworker!)]);
    assert.equal([c!.createdBy, c!.createdAt, c!.version], [userId('projektledare'), NOW, 1]);
  });
  const count = (f: (c: InventoryChild) => boolean) => children.filter(f).length;
  const utredning = count((c) => c.unit === 'utredning');
  assert.ok(utredning > 576 * 0.38 && utredning < 576 * 0.52, `about 45 % in utredning: ${utredning}`);
  assert.is(utredning + count((c) => c.unit === 'insats'), 576);
  for (const band of ['0-5', '6-12', '13-17']) assert.ok(count((c) => c.ageBand === band) > 100, band);
  for (const cw of ['socsek1', 'socsek2']) assert.ok(count((c) => c.caseworkerId === userId(cw)) > 200, cw);
});

seeded('has all but 16 children rated by their caseworker, 8 left to each', ({ children, ratings, userId }) => {
  const first = firstRatings(children, ratings);
  assert.is(first.size, 560);
  for (const cw of ['socsek1', 'socsek2']) {
    assert.is(children.filter((c) => c.caseworkerId === userId(cw) && !first.has(c.id)).length, 8, cw);
  }
  for (const r of ratings) {
    assert.is(r.id, `${r.childId}:${r.raterId}`);
    assert.equal([r.createdAt, r.updatedAt, r.createdBy, r.updatedBy, r.version], [NOW, NOW, r.raterId, r.raterId, 1]);
    assert.ok(LEVELS.includes(r.level), r.level);
    assert.equal(r.criteria, CRITERIA.filter((c) => r.criteria.includes(c)), 'known criteria, in the template\'s order, once each');
  }
});

seeded('rates 6–7 % of the rated children complex, in both units, and the rest as in the seed', ({ children, ratings }) => {
  const first = firstRatings(children, ratings);
  const rated = [...first.values()];
  const share = (level: string, list = rated) => list.filter((r) => r.level === level).length / list.length;
  const complex = share('komplex');
  assert.ok(complex >= 0.06 && complex <= 0.07, `complex share ${complex}`);
  assert.is(rated.filter((r) => r.level === 'komplex').length, 37);
  for (const [level, expected] of [['ingen', 0.42], ['enkel', 0.34], ['mattlig', 0.17]] as const) {
    assert.ok(Math.abs(share(level) - expected) < 0.02, `${level}: ${share(level)}`);
  }
  const unitOf = new Map(children.map((c) => [c.id, c.unit]));
  for (const unit of ['utredning', 'insats']) {
    const inUnit = rated.filter((r) => unitOf.get(r.childId) === unit);
    const s = share('komplex', inUnit);
    assert.ok(s > 0.055 && s < 0.075, `${unit}: complex share ${s}`);
  }
});

seeded('ticks criteria by level and gives short reasons without numbers', ({ ratings }) => {
  const by = (level: string) => ratings.filter((r) => r.level === level);
  for (const r of by('komplex')) assert.ok(r.criteria.length >= 3, 'a complex child meets several criteria');
  const none = by('ingen');
  assert.ok(none.filter((r) => r.criteria.length === 0).length > none.length * 0.7, 'most children with no problems meet none');
  const mean = (list: InventoryRating[]) => list.reduce((n, r) => n + r.criteria.length, 0) / list.length;
  assert.ok(mean(by('ingen')) < mean(by('enkel')) && mean(by('enkel')) < mean(by('mattlig')) && mean(by('mattlig')) < mean(by('komplex')));
  for (const r of ratings) {
    assert.ok(r.reason.length > 10 && r.reason.length < 120, r.reason);
    assert.not.match(r.reason, /\d/, 'no digits in a reason');
  }
});

seeded('has no pseudonym that looks like a personnummer', ({ children }) => {
  for (const c of children) {
    assert.match(c.pseudonym, /^Barn \d{3}$/);
    assert.not.match(c.pseudonym, /\d{6}/);
  }
});

seeded('double-rates a sample of 60 by the other caseworker, one step apart in 12, linear κ 0.7–0.85', ({ children, ratings, userId }) => {
  const sample = children.filter((c) => c.secondRaterId !== null);
  assert.is(sample.length, 60);
  const other = (id: string) => (id === userId('socsek1') ? userId('socsek2') : userId('socsek1'));
  const pairs: [number, number][] = [];
  for (const c of sample) {
    assert.is(c.secondRaterId, other(c.caseworkerId));
    const mine = ratings.filter((r) => r.childId === c.id);
    assert.equal(mine.map((r) => r.raterId).sort(), [c.caseworkerId, c.secondRaterId!].sort(), c.pseudonym);
    const level = (rater: string) => LEVELS.indexOf(mine.find((r) => r.raterId === rater)!.level);
    pairs.push([level(c.caseworkerId), level(c.secondRaterId!)]);
  }
  for (const c of children.filter((x) => x.secondRaterId === null)) {
    assert.ok(ratings.filter((r) => r.childId === c.id).length <= 1, 'outside the sample: only the caseworker rates');
  }
  const diffs = pairs.map(([a, b]) => Math.abs(a - b));
  assert.is(diffs.filter((d) => d === 1).length, 12);
  assert.is(diffs.filter((d) => d > 1).length, 0);
  // Linearly weighted κ, by its definition: weights 1 − |i − j| / 3 on the four levels.
  const k = LEVELS.length;
  const w = (i: number, j: number) => 1 - Math.abs(i - j) / (k - 1);
  const n = pairs.length;
  const po = pairs.reduce((s, [a, b]) => s + w(a, b), 0) / n;
  const rowShare = (i: number) => pairs.filter(([a]) => a === i).length / n;
  const colShare = (j: number) => pairs.filter(([, b]) => b === j).length / n;
  let pe = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) pe += w(i, j) * rowShare(i) * colShare(j);
  const kappa = (po - pe) / (1 - pe);
  assert.ok(kappa >= 0.7 && kappa <= 0.85, `κ ${kappa}`);
});

seeded.run();

const files = suite('the demo inventory\'s files');

files('are what the generator writes from its fixed seed', () => {
  const { children, ratings } = generateInventory(CRITERIA);
  assert.ok(childrenCsv(children) === readFileSync(join(DIR, 'children.csv'), 'utf8'), 'children.csv: run the generator');
  assert.ok(ratingsCsv(ratings) === readFileSync(join(DIR, 'ratings.csv'), 'utf8'), 'ratings.csv: run the generator');
  assert.ok(ratingsCsv(generateInventory(CRITERIA, 7).ratings) !== ratingsCsv(ratings), 'another seed, other ratings');
});

files('give every rating a child of the list and a rater who is a caseworker', () => {
  const children = new Map(csvRows('children.csv').map(([p, , , cw]) => [p!, cw!]));
  const rows = csvRows('ratings.csv');
  assert.is(rows.length, 560 + 60);
  for (const [pseudonym, rater, level] of rows) {
    assert.ok(children.has(pseudonym!), pseudonym);
    assert.ok(['socsek1', 'socsek2'].includes(rater!), rater);
    assert.ok(LEVELS.includes(level!), level);
  }
});

files('is not seeded with another study (the tests\' mini study)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'backspegel-demo-inventory-'));
  try {
    const store = await Store.open(dir, { log: () => undefined });
    await seedDemo(store, { passwordCost: FAST_COST, dir: MINI_STUDY_DIR });
    assert.equal(store.app.data.studies, ['mini']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

files.run();
