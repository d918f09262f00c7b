// A lowdb adapter that makes an acknowledged write survive kill -9 and power loss:
// write a temp file, fsync it, rename it over the target, fsync the directory, then resolve.
// lowdb's stock JSONFile (steno) renames without fsync and merges in-flight writes.
import { open, readFile, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/** Writes `data` to `path` atomically and durably (file mode 600). */
export async function writeFileDurably(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const file = await open(tmp, 'wx', 0o600);
  try {
    await file.writeFile(data);
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(tmp, { force: true });
    throw error;
  }
  await file.close();
  try {
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  await syncDirectory(dirname(path));
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
