// jsonInSlices writes exactly the UTF-8 of what JSON.stringify(value, null, 2) writes, whatever the list
// holds (nested objects, strings with line breaks and quotes, an empty list, more items than a slice).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { jsonInSlices } from '../../server/export/json-in-slices.ts';

const chunks = async (made: AsyncIterable<Uint8Array>) => {
  const all: Uint8Array[] = [];
  for await (const chunk of made) all.push(chunk);
  return all;
};
const text = async (value: Record<string, unknown>, path: string[], map?: (item: any) => unknown) =>
  Buffer.concat(await chunks(jsonInSlices(value, path, map))).toString('utf8');

const test = suite('JSON in slices');

const item = (n: number) => ({ id: `a${n}`, body: { value: `rad 1\nrad "2" – ${n}`, list: [n, { deep: null }] }, empty: {}, none: [] });

test('the same text as JSON.stringify with two spaces, for lists of every length, in more than one chunk', async () => {
  assert.ok((await chunks(jsonInSlices({ items: Array.from({ length: 1200 }, (_, n) => n) }, ['items']))).length > 3, 'a chunk per slice');
  for (const count of [0, 1, 2, 499, 500, 501, 1234]) {
    const doc = { '@context': 'x', total: count, first: { id: 'p', items: Array.from({ length: count }, (_, n) => item(n)), after: true }, last: 'z' };
    assert.is(await text(doc, ['first', 'items']), JSON.stringify(doc, null, 2), `${count} items`);
  }
});

test('a text before the list that looks like a marker stays text', async () => {
  for (const label of ['\u0000backspegel-list\u0000', 'backspegel-list-', '"\u0000backspegel-list\u0000"']) {
    const doc = { label, first: { items: [1, 2] } };
    assert.is(await text(doc, ['first', 'items']), JSON.stringify(doc, null, 2), label);
  }
});

test('a list at the top level, and a path without a list is refused', async () => {
  const doc = { items: [1, 'två', { tre: 3 }] };
  assert.is(await text(doc, ['items']), JSON.stringify(doc, null, 2));
  assert.throws(() => jsonInSlices({ items: 'x' }, ['items']), TypeError);
});

test('each item is mapped as its slice is written, and only then', async () => {
  const mapped: number[] = [];
  const made = jsonInSlices({ items: Array.from({ length: 1200 }, (_, n) => n) }, ['items'], (n: number) => (mapped.push(n), { n }));
  assert.is(mapped.length, 0, 'nothing before the first chunk is asked for');
  await made.next();
  await made.next();
  assert.is(mapped.length, 500, 'one slice for the first chunk of items');
  const rest = Buffer.concat([...(await chunks(made))]).toString('utf8');
  assert.is(mapped.length, 1200);
  const whole = JSON.stringify({ items: Array.from({ length: 1200 }, (_, n) => ({ n })) }, null, 2);
  assert.ok(whole.endsWith(rest), 'the rest of the same text');
});

test.run();
