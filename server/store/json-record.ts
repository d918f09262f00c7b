// One JSON file held in memory (lowdb `Low`) with durable, serialised, all-or-nothing mutations.
import { Low, type Adapter } from 'lowdb';

/**
 * A lowdb document whose changes go through `mutate()`: the change is applied to a copy, written
 * durably, and only then becomes visible. A throwing change or a failed write leaves both the
 * file and the in-memory data untouched — there are no partial writes.
 */
export class JsonRecord<T> {
  #db: Low<T>;
  #adapter: Adapter<T>;
  #lock: Promise<unknown> = Promise.resolve();

  private constructor(adapter: Adapter<T>, defaults: T) {
    this.#adapter = adapter;
    this.#db = new Low(adapter, defaults);
  }

  /** Reads the file (a missing file yields `defaults`). */
  static async open<T>(adapter: Adapter<T>, defaults: T): Promise<JsonRecord<T>> {
    const record = new JsonRecord(adapter, defaults);
    await record.#db.read();
    return record;
  }

  /** The current, acknowledged data. Treat as read-only: change it only through `mutate()`. */
  get data(): T {
    return this.#db.data;
  }

  /** Applies `change` to a copy, persists it durably, then publishes it. Changes run one at a time. */
  mutate<R>(change: (draft: T) => R): Promise<R> {
    const run = this.#lock.then(async () => {
      const draft = structuredClone(this.#db.data);
      const result = change(draft);
      await this.#adapter.write(draft);
      this.#db.data = draft;
      return result;
    });
    this.#lock = run.catch(() => undefined);
    return run;
  }
}
