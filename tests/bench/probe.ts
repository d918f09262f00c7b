// Answer times of /api/health while something else runs on the server: latency-probe.ts in its own
// process asks every 10 ms, so the bench's own work does not delay it.
import { fork } from 'node:child_process';

export const PROBE_EVERY_MS = 10;
const IDLE_MS = 3000;

export interface Probed<T> {
  result: T;
  /** Milliseconds per answer. */
  samples: number[];
  failed: number;
}

/** Runs the probe until `during` settles; its answer times (ms). */
export async function probe<T>(url: string, during: () => Promise<T>): Promise<Probed<T>> {
  const child = fork(new URL('./latency-probe.ts', import.meta.url).pathname, [url, String(PROBE_EVERY_MS)], { execArgv: ['--import', 'tsx'] });
  try {
    await new Promise((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', () => reject(new Error('the latency probe stopped before its first answer')));
    });
    const result = await during();
    const answer = new Promise<{ samples: number[]; failed: number }>((resolve) => child.once('message', resolve as never));
    child.send('stop');
    return { result, ...(await answer) };
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

/** The probe on a server doing nothing else, for 3 s: the baseline. */
export function probeIdle(url: string): Promise<Probed<void>> {
  return probe(url, () => new Promise<void>((resolve) => setTimeout(resolve, IDLE_MS)));
}
