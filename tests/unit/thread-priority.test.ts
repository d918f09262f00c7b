// Long work in worker threads yields the processor to the server's main thread: the import's prepare
// workers lower their own priority (a nice value per thread on Linux), the main thread keeps its own.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readdirSync } from 'node:fs';
import { getPriority } from 'node:os';
import { PreparePool } from '../../server/import/prepare-pool.ts';
import { kernelThreadId, WORKER_NICE } from '../../server/workers/thread-priority.ts';

const test = suite('worker thread priority');

/** This process's threads at the workers' nice value. */
const lowered = () => readdirSync('/proc/self/task').map(Number).filter((tid) => {
  try {
    return getPriority(tid) === WORKER_NICE;
  } catch {
    return false; // the thread ended meanwhile
  }
});

test("the prepare pool's workers run at WORKER_NICE; the main thread keeps its priority", async () => {
  const main = kernelThreadId();
  if (main === null) return; // not Linux: there is no per-thread priority to lower
  const before = getPriority(main);
  const already = lowered().length;
  const pool = new PreparePool(2);
  try {
    await pool.prepareAll(['2020-01-01 Anteckning', '2020-01-02 Anteckning'], new Uint8Array(32), new Date('2026-01-01'));
    assert.is(lowered().length - already, 2, 'both workers lowered their priority');
    assert.is(getPriority(main), before);
    assert.not.ok(lowered().includes(main));
  } finally {
    await pool.close();
  }
});

test.run();
