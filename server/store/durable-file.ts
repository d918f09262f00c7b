// A lowdb adapter that makes an acknowledged write survive kill -9 and power loss:
// write a temp file, fsync it, rename it over the target, fsync the directory, then resolve.
// lowdb's stock JSONFile (steno) renames without fsync and merges in-flight writes.
import { open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/** Writes `data` to `path` atomically and durably (file mode 600). */
export function writeFileDurably(path: string, data: string | Uint8Array): Promise<void> {
  return writeFilesDurably(dirname(path), [{ name: basename(path), data }]);
}

/**
 * A file's contents, or a function that makes them when the file is written: a batch of several hundred
 * files then serialises one at a time, between the writes, not all in one turn of the event loop.
 */
export type FileData = string | Uint8Array | (() => string | Uint8Array);

/** Temp files written and fsynced at once by writeFilesDurably: the disk batches concurrent fsyncs. */
const PARALLEL_WRITES = 16;

/**
 * Writes several files into one directory, each atomically (temp file, fsync, rename), and then
 * fsyncs the directory once for all the renames. The temp files are written and fsynced several at
 * a time, so a batch costs about one flush of the disk's journal rather than one per file; nothing
 * is renamed before every file is on disk, and the call resolves only after the directory is.
 */
export async function writeFilesDurably(dir: string, files: { name: string; data: FileData }[]): Promise<void> {
  const temps = files.map(({ name }) => join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`));
  const created: string[] = [];
  const writeTemp = async (i: number) => {
    const file = await open(temps[i]!, 'wx', 0o600);
    created.push(temps[i]!);
    try {
      const { data } = files[i]!;
      await file.writeFile(typeof data === 'function' ? data() : data);
      await file.sync();
    } finally {
      await file.close();
    }
  };
  try {
    let next = 0;
    let failed = false;
    const writer = async () => {
      try {
        while (next < files.length && !failed) await writeTemp(next++);
      } catch (error) {
        failed = true; // the other writers stop after their current file
        throw error;
      }
    };
    // allSettled: a failed write must not leave others running while the temps are removed.
    const results = await Promise.allSettled(Array.from({ length: Math.min(PARALLEL_WRITES, files.length) }, writer));
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (rejected) throw rejected.reason;
    for (const [i, { name }] of files.entries()) await rename(temps[i]!, join(dir, name));
  } catch (error) {
    await Promise.all(created.map((t) => rm(t, { force: true })));
    throw error;
  }
  await syncDirectory(dir);
}

/** Replaces `path` atomically (temp file + rename) without waiting for the disk: for checkpoints only. */
export async function writeFileAtomically(path: string, data: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(tmp, data, { mode: 0o600 });
  await rename(tmp, path);
}

const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;
/** Older than this, a temp file belongs to a write that was interrupted (a write takes milliseconds). */
export const STALE_TEMP_MS = 60_000;

/**
 * Removes temp files left by writes that a crash interrupted before their rename. Only old ones:
 * another process (the command line beside a running server) may be writing a fresh one right now.
 */
export async function removeStaleTemps(dir: string, now = Date.now()): Promise<number> {
  const names = await readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [] as string[];
    throw e;
  });
  let removed = 0;
  for (const name of names.filter((n) => TEMP_FILE.test(n))) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info && now - info.mtimeMs > STALE_TEMP_MS) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}

/** Flushes a directory entry (a rename or a new file) to disk. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** JSON file adapter for lowdb: a missing file reads as null (defaults); any other error is rethrown. */
export class DurableJSONFile<T> implements Adapter<T> {
  #path: string;
  // Writes run one at a time in call order; each resolves only when its own bytes are durable.
  #queue: Promise<void> = Promise.resolve();

  constructor(path: string) {
    this.#path = path;
  }

  get path(): string {
    return this.#path;
  }

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.#path, 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  write(data: T): Promise<void> {
    // Serialise now, so a later mutation of `data` cannot change what this write stores.
    const json = JSON.stringify(data);
    const done = this.#queue.then(() => writeFileDurably(this.#path, json));
    this.#queue = done.catch(() => undefined);
    return done;
  }
}
