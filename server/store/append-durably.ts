// Appending to a journal or log durably, with one trip to the thread pool. Opening, the write itself
// (into the page cache) and closing take microseconds and are made synchronously; only the fsync,
// which waits for the disk, runs in the thread pool. With FileHandle every step was a thread-pool round
// trip of its own: the ten of an annotation save (its journal line and its audit line) cost more than
// its two fsyncs.
import { closeSync, fsync, openSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';

const fsyncAsync = promisify(fsync);

/**
 * Opens `path` for appending (created with mode 600), lets `write` write with the descriptor, fsyncs,
 * closes, and resolves with what `write` returned only once the bytes are on disk.
 */
export async function appendDurably<R>(path: string, write: (fd: number) => R): Promise<R> {
  const fd = openSync(path, 'a', 0o600);
  try {
    const result = write(fd);
    await fsyncAsync(fd);
    return result;
  } finally {
    closeSync(fd);
  }
}

/** Writes all of `bytes` at the descriptor's position (a write may take fewer bytes than it was given). */
export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}
