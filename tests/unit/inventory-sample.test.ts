// Drawing the double-rated sample: only children not yet in it, never their own caseworker as second
// rater, the load spread evenly, and the same seed drawing the same children.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { drawSample } from '../../server/domain/inventory/inventory-sample.ts';
import { mulberry32 } from '../../server/domain/seeded-random.ts';
import type { InventoryChild } from '../../server/domain/inventory/inventory-types.ts';

const child = (id: string, caseworkerId: string, secondRaterId: string | null = null): InventoryChild => ({
  id, pseudonym: id, unit: 'u', ageBand: '0-5', caseworkerId, secondRaterId, version: 1, createdAt: '', createdBy: 'lead',
});

const sample = suite('drawSample');

sample('with two caseworkers every drawn child goes to the other one', () => {
  const children = [child('b1', 'A'), child('b2', 'A'), child('b3', 'B'), child('b4', 'B')];
  const drawn = drawSample(children, ['A', 'B'], 4, 7);
  assert.equal(drawn.map((d) => `${d.childId}>${d.secondRaterId}`).sort(), ['b1>B', 'b2>B', 'b3>A', 'b4>A']);
});

sample('children already in the sample are not drawn again', () => {
  const children = [child('b1', 'A', 'B'), child('b2', 'A'), child('b3', 'B', 'A')];
  assert.equal(drawSample(children, ['A', 'B'], 1, 99), [{ childId: 'b2', secondRaterId: 'B' }]);
});

sample('the caseworker with the fewest second ratings gets the next one', () => {
  // B already has two second ratings, C none: A's child goes to C.
  const children = [child('b1', 'C', 'B'), child('b2', 'C', 'B'), child('b3', 'A')];
  assert.equal(drawSample(children, ['A', 'B', 'C'], 1, 1), [{ childId: 'b3', secondRaterId: 'C' }]);
  // Equal loads: the first in sorted order (B before C) gets it.
  assert.equal(drawSample([child('b1', 'A')], ['C', 'A', 'B'], 1, 1), [{ childId: 'b1', secondRaterId: 'B' }]);
});

sample('12 children of A shared by B, C and D: 4 each', () => {
  const children = Array.from({ length: 12 }, (_, i) => child(`b${i}`, 'A'));
  const drawn = drawSample(children, ['A', 'B', 'C', 'D'], 12, 3);
  const load = (id: string) => drawn.filter((d) => d.secondRaterId === id).length;
  assert.equal([load('A'), load('B'), load('C'), load('D')], [0, 4, 4, 4]);
});

sample('three caseworkers with one child each: one second rating each, whatever the seed', () => {
  const children = [child('b1', 'A'), child('b2', 'B'), child('b3', 'C')];
  for (let seed = 1; seed <= 300; seed++) {
    const drawn = drawSample(children, ['A', 'B', 'C'], 3, seed);
    assert.equal(['A', 'B', 'C'].map((id) => drawn.filter((d) => d.secondRaterId === id).length), [1, 1, 1], `seed ${seed}`);
  }
});

sample('the busiest second rater has as few as any assignment allows, never their own child, earlier draws kept', () => {
  const rnd = mulberry32(11);
  const raters = ['A', 'B', 'C', 'D'];
  for (let round = 0; round < 200; round++) {
    const people = raters.slice(0, 2 + Math.floor(rnd() * 3));
    const n = 1 + Math.floor(rnd() * 7);
    // Some children were drawn before: their second raters stay, and count.
    const children = Array.from({ length: n + 2 }, (_, i) => {
      const own = people[Math.floor(rnd() ** 2 * people.length)]!;
      const earlier = i >= n && rnd() < 0.7 ? people.find((p) => p !== own)! : null;
      return child(`b${i}`, own, earlier);
    });
    const open = children.filter((c) => c.secondRaterId === null);
    const drawn = drawSample(children, people, open.length, round);
    const before = (id: string) => children.filter((c) => c.secondRaterId === id).length;
    const max = Math.max(...people.map((id) => before(id) + drawn.filter((d) => d.secondRaterId === id).length));
    // Every way of giving each open child to another caseworker: the smallest busiest load.
    let best = Infinity;
    const choices = open.map((c) => people.filter((p) => p !== c.caseworkerId));
    const walk = (i: number, load: Map<string, number>) => {
      if (i === open.length) return void (best = Math.min(best, Math.max(...people.map((id) => load.get(id) ?? 0))));
      for (const p of choices[i]!) walk(i + 1, new Map(load).set(p, (load.get(p) ?? 0) + 1));
    };
    walk(0, new Map(people.map((id) => [id, before(id)])));
    assert.is(max, best, `round ${round}: ${JSON.stringify(drawn)}`);
    for (const d of drawn) assert.is.not(d.secondRaterId, children.find((c) => c.id === d.childId)!.caseworkerId);
  }
});

sample('the same seed draws the same children; the draw is a subset of the candidates without repeats', () => {
  const children = Array.from({ length: 20 }, (_, i) => child(`b${String(i).padStart(2, '0')}`, i % 2 ? 'A' : 'B'));
  const a = drawSample(children, ['A', 'B'], 5, 42);
  assert.equal(drawSample(children, ['A', 'B'], 5, 42), a);
  assert.is(new Set(a.map((d) => d.childId)).size, 5);
  const seeds = [1, 2, 3, 4, 5].map((s) => drawSample(children, ['A', 'B'], 5, s).map((d) => d.childId).sort().join());
  assert.ok(new Set(seeds).size > 1, 'different seeds draw different children');
});

sample('refuses fewer than two caseworkers, size 0 and more than the children left', () => {
  const children = [child('b1', 'A'), child('b2', 'B', 'A')];
  assert.throws(() => drawSample(children, ['A'], 1, 1), /minst två/);
  assert.throws(() => drawSample(children, ['A', 'B'], 0, 1), /mellan 1 och 1/);
  assert.throws(() => drawSample(children, ['A', 'B'], 2, 1), /mellan 1 och 1/);
});

sample.run();
