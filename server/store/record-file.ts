// Named collections of versioned records, kept as a lowdb snapshot (`<name>.json`) plus an fsync'd
// journal of the changes since (`<name>.log`, one JSON line per acknowledged change):
//   snapshot  { "seq": 41, "collections": { "annotations": [ {record}, … ], "reflections": [ … ] } }
//   journal   { "seq": 42, "ops": [ { "c": "annotations", "put": {record} }, { "c": "reflections", "del": "summary" } ] }
// A change is one transaction: its operations are appended as one line and fsync'd, and only then
// applied in memory, so readers (caches, the search index) never see a change that is not on disk.
// The journal is folded into the snapshot as it grows; replay skips lines already in the snapshot
// (seq ≤ snapshot seq), so a crash between the two steps, or a backup that copies the journal before
// the snapshot, loses nothing and applies nothing twice. A torn last line — a crash mid-append, never
// acknowledged — is cut back on open, so the next append cannot be glued onto it.
import { ftruncateSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low } from 'lowdb';
import { appendDurably, writeAll } from './append-durably.ts';
import { DurableJSONFile, syncDirectory } from './durable-file.ts';
import { upgradeLine, upgradeSnapshot } from './record-upgrade.ts';

/** What every stored record has; domain types add their own fields. */
export interface StoredRecord {
  id: string;
  version: number;
}

/** A typed handle on a named collection: `tx.put(annotations, a)`. */
export interface Collection<T extends StoredRecord> {
  readonly name: string;
  /** Carries the record type only; never set. */
  readonly record?: T;
}

export const collection = <T extends StoredRecord>(name: string): Collection<T> => ({ name });

export type Operation = { c: string; put: StoredRecord } | { c: string; del: string };

export interface JournalLine {
  seq: number;
  ops: Operation[];
}

export interface Snapshot {
  seq: number;
  collections: Record<string, StoredRecord[]>;
}

export interface RecordFileOptions {
  /** Fold the journal into the snapshot after this many lines. */
  compactAfter?: number;
  /** Where repairs and background failures are reported (never with record content). */
  log?: (message: string) => void;
}

export const DEFAULT_COMPACT_AFTER = 500;

/** Staged changes of one transaction, readable through it before they are committed. */
export class Transaction {
  readonly ops: Operation[] = [];
  #file: RecordFile;
  #staged = new Map<string, Map<string, StoredRecord | null>>();

  constructor(file: RecordFile) {
    this.#file = file;
  }

  get<T extends StoredRecord>(c: Collection<T>, id: string): T | undefined {
    const staged = this.#staged.get(c.name)?.get(id);
    if (staged !== undefined) return (staged ?? undefined) as T | undefined;
    return this.#file.get(c, id);
  }

  /** Stores `record` (new, or replacing the one with its id). */
  put<T extends StoredRecord>(c: Collection<T>, record: T): void {
    this.#stage(c.name, record.id, record);
    this.ops.push({ c: c.name, put: record });
  }

  delete<T extends StoredRecord>(c: Collection<T>, id: string): void {
    this.#stage(c.name, id, null);
    this.ops.push({ c: c.name, del: id });
  }

  #stage(name: string, id: string, value: StoredRecord | null): void {
    let map = this.#staged.get(name);
    if (!map) this.#staged.set(name, (map = new Map()));
    map.set(id, value);
  }
}

/** Listener told about every committed change, after it is durable and applied. */
export type CommitListener = (ops: readonly Operation[]) => void;

export class RecordFile {
  #snapshot: Low<Snapshot>;
  #journalPath: string;
  #collections = new Map<string, Map<string, StoredRecord>>();
  /** Per collection, the seq of its latest change: a reader's cache of one collection outlives changes to others. */
  #changedAt = new Map<string, number>();
  #seq = 0;
  #journalLines = 0;
  /** Bytes of the journal that hold acknowledged lines; anything after them is cut before appending. */
  #journalSize = 0;
  #journalDirty = false;
  #compactAfter: number;
  #log: (message: string) => void;
  #lock: Promise<unknown> = Promise.resolve();
  #listeners: CommitListener[] = [];
  #lists = new Map<string, { seq: number; list: StoredRecord[] }>();

  private constructor(snapshotPath: string, journalPath: string, options: RecordFileOptions) {
    this.#snapshot = new Low(new DurableJSONFile<Snapshot>(snapshotPath), { seq: 0, collections: {} });
    this.#journalPath = journalPath;
    this.#compactAfter = options.compactAfter ?? DEFAULT_COMPACT_AFTER;
    this.#log = options.log ?? ((m) => console.error(`[backspegel] ${m}`));
  }

  /** Reads the snapshot and replays the journal after it; cuts a torn last line. */
  static async open(snapshotPath: string, journalPath: string, options: RecordFileOptions = {}): Promise<RecordFile> {
    const file = new RecordFile(snapshotPath, journalPath, options);
    await file.#load();
    return file;
  }

  /** Increases with every committed change; persists across restarts. */
  get seq(): number {
    return this.#seq;
  }

  get<T extends StoredRecord>(c: Collection<T>, id: string): T | undefined {
    return this.#collections.get(c.name)?.get(id) as T | undefined;
  }

  /** Changes whenever `c` changes (the seq of its latest change); never goes back. */
  seqOf(c: Collection<StoredRecord>): number {
    return this.#changedAt.get(c.name) ?? 0;
  }

  /** The collection's records in the order they were first stored. Treat as read-only. */
  list<T extends StoredRecord>(c: Collection<T>): readonly T[] {
    const cached = this.#lists.get(c.name);
    const seq = this.seqOf(c);
    if (cached?.seq === seq) return cached.list as T[];
    const list = [...(this.#collections.get(c.name)?.values() ?? [])];
    this.#lists.set(c.name, { seq, list });
    return list as T[];
  }

  onCommit(listener: CommitListener): void {
    this.#listeners.push(listener);
  }

  /**
   * Runs `change` against the current records, makes what it staged durable with one journal append,
   * then applies it. Transactions run one at a time. A throwing change, or a failed append, changes
   * nothing. `change` must be synchronous: a check made before an `await` would no longer hold after it.
   */
  transact<R>(change: (tx: Transaction) => R): Promise<R> {
    const run = this.#lock.then(async () => {
      const tx = new Transaction(this);
      const result = change(tx);
      if (result instanceof Promise || typeof (result as { then?: unknown } | undefined)?.then === 'function') {
        throw new TypeError('RecordFile.transact: the change must be synchronous');
      }
      if (!tx.ops.length) return result;
      const line: JournalLine = { seq: this.#seq + 1, ops: tx.ops };
      await this.#append(JSON.stringify(line) + '\n');
      this.#apply(line);
      for (const listener of this.#listeners) {
        try {
          listener(line.ops);
        } catch (error) {
          this.#log(`a listener failed after a committed change: ${(error as Error).name}`);
        }
      }
      if (this.#journalLines >= this.#compactAfter) {
        // The change is durable in the journal already: a failed fold is retried later, never reported as a failed write.
        await this.#compact().catch((error: Error) => this.#log(`folding ${this.#journalPath} failed (${error.message}); will retry`));
      }
      return result;
    });
    this.#lock = run.catch(() => undefined);
    return run;
  }

  /** Folds the journal into the snapshot now. */
  compact(): Promise<void> {
    const run = this.#lock.then(() => this.#compact());
    this.#lock = run.catch(() => undefined);
    return run;
  }

  async #load(): Promise<void> {
    await this.#snapshot.read();
    const snapshot = upgradeSnapshot(this.#snapshot.data);
    this.#snapshot.data = snapshot;
    for (const [name, records] of Object.entries(snapshot.collections)) {
      this.#collections.set(name, new Map(records.map((r) => [r.id, r])));
      this.#changedAt.set(name, snapshot.seq);
    }
    this.#seq = snapshot.seq;
    const bytes = await readFile(this.#journalPath).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return Buffer.alloc(0);
      throw e;
    });
    const end = bytes.lastIndexOf(0x0a) + 1;
    if (end < bytes.length) {
      await this.#truncate(end);
      this.#log(`${this.#journalPath}: cut ${bytes.length - end} bytes of an interrupted write at the end of the journal`);
    }
    this.#journalSize = end;
    const lines = bytes.subarray(0, end).toString('utf8').split('\n');
    lines.pop();
    for (const [i, text] of lines.entries()) {
      if (!text) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new Error(`${this.#journalPath}: line ${i + 1} is not valid JSON; the journal is damaged (restore it from a backup)`);
      }
      const line = upgradeLine(parsed, this.#seq + 1);
      this.#journalLines++;
      if (line.seq <= this.#seq) continue; // already folded into the snapshot
      this.#apply(line);
    }
  }

  #apply(line: JournalLine): void {
    for (const op of line.ops) {
      let map = this.#collections.get(op.c);
      if (!map) this.#collections.set(op.c, (map = new Map()));
      if ('put' in op) map.set(op.put.id, op.put);
      else map.delete(op.del);
      this.#changedAt.set(op.c, line.seq);
    }
    this.#seq = line.seq;
  }

  async #append(text: string): Promise<void> {
    const bytes = Buffer.from(text, 'utf8');
    await appendDurably(this.#journalPath, (fd) => {
      // A failed append may have left part of its line behind: cut it before anything follows it.
      if (this.#journalDirty) {
        ftruncateSync(fd, this.#journalSize);
        this.#journalDirty = false;
      }
      this.#journalDirty = true;
      writeAll(fd, bytes);
    });
    this.#journalDirty = false;
    if (this.#journalSize === 0) await syncDirectory(dirname(this.#journalPath));
    this.#journalSize += bytes.length;
    this.#journalLines++;
  }

  async #truncate(size: number): Promise<void> {
    const handle = await open(this.#journalPath, 'r+');
    try {
      await handle.truncate(size);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  /** Snapshot first (atomically, durably), then an empty journal. */
  async #compact(): Promise<void> {
    const collections: Record<string, StoredRecord[]> = {};
    for (const [name, map] of this.#collections) collections[name] = [...map.values()];
    this.#snapshot.data = { seq: this.#seq, collections };
    await this.#snapshot.write();
    if (this.#journalSize > 0) await this.#truncate(0);
    this.#journalSize = 0;
    this.#journalLines = 0;
  }
}
