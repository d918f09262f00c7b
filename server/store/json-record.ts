// One JSON file held in memory (lowdb `Low`) with durable, serialised, all-or-nothing mutations.
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { DurableJSONFile } from './durable-file.ts';

/** What identifies one version of the file on disk: a rename by another writer changes it. */
type Stamp = string | null;

async function stampOf(path: string | undefined): Promise<Stamp> {
  if (!path) return null;
  const s = await stat(path).catch(() => null);
  return s ? `${s.ino}:${s.size}:${s.mtimeMs}` : null;
}

/**
 * A lowdb document whose changes go through `mutate()`, one at a time: the change is applied to the
 * data, written durably, and only then acknowledged. A throwing change or a failed write is undone by
 * reading the file back, so neither the file nor the data keeps a partial change. (Copying the data
 * before each change instead cost more than the write itself on a family with 2,500 annotations.)
 *
 * Another process may replace the file too (the command line adding an account beside a running
 * server): a mutation first reads the file again if it is not the version this process last saw, and
 * `watch()` reloads it as soon as it changes, so an account disabled from the command line is out at once.
 */
export class JsonRecord<T> {
  #db: Low<T>;
  #adapter: Adapter<T>;
  #defaults: T;
  #path: string | undefined;
  #stamp: Stamp = null;
  #lock: Promise<unknown> = Promise.resolve();

  private constructor(adapter: Adapter<T>, defaults: T) {
    this.#adapter = adapter;
    this.#defaults = defaults;
    this.#path = adapter instanceof DurableJSONFile ? adapter.path : undefined;
    this.#db = new Low(adapter, structuredClone(defaults));
  }

  /** Reads the file (a missing file yields `defaults`). */
  static async open<T>(adapter: Adapter<T>, defaults: T): Promise<JsonRecord<T>> {
    const record = new JsonRecord(adapter, defaults);
    await record.#read();
    return record;
  }

  /** The current, acknowledged data. Treat as read-only: change it only through `mutate()`. */
  get data(): T {
    return this.#db.data;
  }

  /** Applies `change`, persists the result durably, then resolves. Changes run one at a time. */
  mutate<R>(change: (draft: T) => R): Promise<R> {
    return this.#locked(async () => {
      if ((await stampOf(this.#path)) !== this.#stamp) await this.#read();
      try {
        const result = change(this.#db.data);
        await this.#adapter.write(this.#db.data);
        this.#stamp = await stampOf(this.#path);
        return result;
      } catch (error) {
        await this.#read();
        throw error;
      }
    });
  }

  /** Reloads the data whenever another process replaces the file. Returns the watcher (unref'd). */
  watch(onReload?: () => void): FSWatcher | undefined {
    if (!this.#path) return undefined;
    const name = basename(this.#path);
    const watcher = watch(dirname(this.#path), (_event, file) => {
      if (file !== name) return;
      void this.#locked(async () => {
        if ((await stampOf(this.#path)) === this.#stamp) return; // our own write
        await this.#read();
        onReload?.();
      }).catch(() => undefined); // a half-visible file is read again on the next event or mutation
    });
    watcher.unref();
    return watcher;
  }

  async #read(): Promise<void> {
    this.#stamp = await stampOf(this.#path);
    this.#db.data = (await this.#adapter.read()) ?? structuredClone(this.#defaults);
  }

  #locked<R>(fn: () => Promise<R>): Promise<R> {
    const run = this.#lock.then(fn);
    this.#lock = run.catch(() => undefined);
    return run;
  }
}
