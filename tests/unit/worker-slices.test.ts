// Long lists go to worker threads as serialised slices (server/workers/slices.ts): what comes out is
// the list that went in, in order, whatever its length; and the slices can be handed over (transferred).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { MessageChannel } from 'node:worker_threads';
import { fromSlices, toSlices, transferables } from '../../server/workers/slices.ts';

const test = suite('lists in slices');

test('the same list back, for lengths around a slice', async () => {
  for (const length of [0, 1, 999, 1000, 1001, 2500]) {
    const list = Array.from({ length }, (_, i) => ({ id: `a${i}`, text: `rad ${i} – å`, at: new Date(i), tags: i % 2 ? ['x'] : [] }));
    const slices = await toSlices(list);
    assert.is(slices.length, Math.ceil(length / 1000), `${length} items`);
    assert.equal(fromSlices(slices), list);
  }
});

test('the slices are transferred, not copied: the buffers of the sender are emptied', async () => {
  const slices = await toSlices(Array.from({ length: 1500 }, (_, i) => i));
  const { port1, port2 } = new MessageChannel();
  const received = new Promise<Uint8Array[]>((resolve) => port2.once('message', resolve));
  port1.postMessage(slices, transferables(slices));
  assert.ok(slices.every((s) => s.byteLength === 0), 'detached after the transfer');
  assert.equal(fromSlices(await received), Array.from({ length: 1500 }, (_, i) => i));
  port1.close();
});

test.run();
