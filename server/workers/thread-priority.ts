// Long work in a worker thread (preparing an archive's case files, parsing Word and PDF files, packing
// a project export) yields the processor to the server's main thread, so that the server keeps
// answering while it runs. On a two-core server the import's two workers took both cores, and the
// main thread, which answers every request, waited its turn (/api/health p99 70–140 ms during an
// archive import). Linux keeps a nice value per thread; elsewhere this does nothing.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The nice value of a worker doing long work: below the main thread, above other idle work on the machine. */
export const WORKER_NICE = 10;

/** This thread's id as the kernel knows it (Linux), or null. */
export function kernelThreadId(): number | null {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) && tid > 0 ? tid : null;
  } catch {
    return null;
  }
}

/** Lowers the calling thread's scheduling priority to WORKER_NICE; true if it could. Raising it back is not allowed, and not needed. */
export function lowerThreadPriority(): boolean {
  const tid = kernelThreadId();
  if (tid === null) return false;
  try {
    setPriority(tid, WORKER_NICE);
    return true;
  } catch {
    return false;
  }
}
