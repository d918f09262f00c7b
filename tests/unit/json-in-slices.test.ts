// jsonInSlices writes exactly the UTF-8 of what JSON.stringify(value, null, 2) writes, whatever the list
// holds (nested objects, strings with line breaks and quotes, an empty list, more items than a slice).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { jsonInSlices } from '../../server/export/json-in-slices.ts';

const text = async (value: Record<string, unknown>, path: string[]) => Buffer.concat(await jsonInSlices(value, path)).toString('utf8');

const test = suite('JSON in slices');

const item = (n: number) => ({ id: `a${n}`, body: { value: `rad 1\nrad "2" – ${n}`, list: [n, { deep: null }] }, empty: {}, none: [] });

test('the same text as JSON.stringify with two spaces, for lists of every length, in more than one chunk', async () => {
  assert.ok((await jsonInSlices({ items: Array.from({ length: 1200 }, (_, n) => n) }, ['items'])).length > 3, 'a chunk per slice');
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
  await jsonInSlices({ items: 'x' }, ['items']).then(() => assert.unreachable(), (e) => assert.instance(e, TypeError));
});

test.run();
