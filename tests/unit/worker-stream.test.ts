// Pieces made in a worker thread and read as they are made (server/workers/worker-stream.ts): all of
// them in order, the worker never far ahead of its reader, a failure before the first piece an error
// before anything is read, and one after it an error where it happened, naming no message.
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { workerPieces } from '../../server/workers/worker-stream.ts';

const WORKER = new URL('../fixtures/counting-pieces-worker.mjs', import.meta.url);

function start(count: number, failAt = -1) {
  const made = new SharedArrayBuffer(4);
  const pieces = workerPieces(WORKER, 'test', { count, failAt, made }, []);
  return { pieces, made: () => Atomics.load(new Int32Array(made), 0) };
}

test('every piece arrives, in order, and the iteration ends', async () => {
  const { pieces } = start(300);
  const got: number[] = [];
  for await (const piece of await pieces) {
    assert.is(piece.byteLength, 4);
    got.push(piece[0]!);
  }
  assert.equal(got, Array.from({ length: 300 }, (_, i) => i % 256));
});

test('the worker waits for its reader: a few pieces ahead at most, however long the reader pauses', async () => {
  const { pieces, made } = start(1000);
  const iterator = await pieces;
  for (let read = 1; read <= 3; read++) {
    assert.is((await iterator.next()).done, false);
    // Time enough for a worker without back-pressure to make all 1000.
    await sleep(150);
    assert.ok(made() <= read + 4, `${made()} made after ${read} read`);
    assert.ok(made() >= read, `${made()} made`);
  }
  assert.equal(await iterator.return!(), { done: true, value: undefined });
  assert.is((await iterator.next()).done, true, 'nothing after return()');
});

test('a failure before the first piece rejects at once; the error names the kind, not the message', async () => {
  const { pieces } = start(10, 0);
  try {
    await pieces;
    assert.unreachable('should fail');
  } catch (error) {
    assert.is((error as Error).message, 'The test failed in its worker: RangeError');
  }
});

test('a failure after some pieces is an error where it happened', async () => {
  const { pieces } = start(10, 6);
  const got: number[] = [];
  try {
    for await (const piece of await pieces) got.push(piece[0]!);
    assert.unreachable('should fail');
  } catch (error) {
    assert.match((error as Error).message, /failed in its worker: RangeError$/);
  }
  assert.equal(got, [0, 1, 2, 3, 4, 5]);
});

test.run();
