// One JSON file held in memory (lowdb `Low`) with durable, serialised, all-or-nothing mutations.
import { Low, type Adapter } from 'lowdb';

/**
 * A lowdb document whose changes go through `mutate()`, one at a time: the change is applied to the
 * data, written durably, and only then acknowledged. A throwing change or a failed write is undone by
 * reading the file back, so neither the file nor the data keeps a partial change. (Copying the data
 * before each change instead cost more than the write itself on a family with 2,500 annotations.)
 */
export class JsonRecord<T> {
  #db: Low<T>;
  #adapter: Adapter<T>;
  #defaults: T;
  #lock: Promise<unknown> = Promise.resolve();

  private constructor(adapter: Adapter<T>, defaults: T) {
    this.#adapter = adapter;
    this.#defaults = defaults;
    this.#db = new Low(adapter, structuredClone(defaults));
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

  /** Applies `change`, persists the result durably, then resolves. Changes run one at a time. */
  mutate<R>(change: (draft: T) => R): Promise<R> {
    const run = this.#lock.then(async () => {
      try {
        const result = change(this.#db.data);
        await this.#adapter.write(this.#db.data);
        return result;
      } catch (error) {
        this.#db.data = (await this.#adapter.read()) ?? structuredClone(this.#defaults);
        throw error;
      }
    });
    this.#lock = run.catch(() => undefined);
    return run;
  }
}
