// Runs prepareDocument (normalise, pseudonymise, detect entries: pure and CPU-bound) in long-lived
// worker threads, as many as the machine has cores, so that importing a large archive never blocks
// the server's event loop and a family's documents are prepared side by side. Jobs wait in order for
// a free worker. A worker that crashes fails only the job it was running, with a plain Error (a
// server fault, as the same crash on the main thread would be), and is replaced for the next one.
// Idle workers are unref'd: they never keep the process alive; a busy one does, until it answers.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PreparedDocument, StorablePrepared } from '../domain/prepare-document.ts';
import type { NameRule } from '../domain/pseudonymise-names.ts';
import { fromWire } from './import-errors.ts';
import type { PrepareRequest, PrepareResponse } from './prepare-job.ts';

const WORKER_URL = new URL('./prepare-worker.mjs', import.meta.url);

interface Task {
  request: PrepareRequest;
  /** The caller keeps the bytes: they are copied to the worker, not moved. */
  keep: boolean;
  resolve(prepared: PreparedDocument | StorablePrepared): void;
  reject(error: Error): void;
}

export class PreparePool {
  readonly size: number;
  #url: URL;
  #workers = new Set<Worker>();
  #idle: Worker[] = [];
  #busy = new Map<Worker, Task>();
  #queue: Task[] = [];
  #next = 1;

  /** `workerUrl`: another worker entry speaking the same messages (the tests' crashing one). */
  constructor(size = Math.max(1, availableParallelism()), workerUrl: URL = WORKER_URL) {
    this.size = Math.max(1, size);
    this.#url = workerUrl;
  }

  /** prepareDocument(raw, key, today, names) in a worker: the same result, or the same domain error. */
  prepare(raw: string, key: Uint8Array, today: Date, names: readonly NameRule[] = []): Promise<PreparedDocument> {
    return this.#run(raw, key, today, names, false) as Promise<PreparedDocument>;
  }

  /**
   * As prepare, but only what is stored (the text as UTF-8 bytes; no original, no replacement places): for
   * a commit. Bytes are moved to the worker, unless `keep`: then they are copied as a worker takes them
   * (copying a whole archive's files at once held the server's thread for 400 ms).
   */
  prepareStorable(raw: string | Uint8Array, key: Uint8Array, today: Date, names: readonly NameRule[] = [], { keep = false } = {}): Promise<StorablePrepared> {
    return this.#run(raw, key, today, names, true, keep) as Promise<StorablePrepared>;
  }

  /**
   * Prepares several documents side by side for storing; the results in the order of `raws`. A raw
   * given as bytes (a text file as read, UTF-8) is decoded in the worker and moved there, not copied:
   * it cannot be used here afterwards.
   */
  prepareAll(raws: readonly (string | Uint8Array)[], key: Uint8Array, today: Date, names: readonly NameRule[] = []): Promise<StorablePrepared[]> {
    return Promise.all(raws.map((raw) => this.prepareStorable(raw, key, today, names)));
  }

  #run(raw: string | Uint8Array, key: Uint8Array, today: Date, names: readonly NameRule[], storable: boolean, keep = false): Promise<PreparedDocument | StorablePrepared> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ request: { id: this.#next++, raw, key, today, names: [...names], storable }, keep, resolve, reject });
      this.#dispatch();
    });
  }

  /** Starts the workers now (loading their code takes a moment), to be ready when documents come. */
  warm(): void {
    while (this.#workers.size < this.size) {
      const worker = this.#spawn();
      worker.unref();
      this.#idle.push(worker);
    }
    this.#dispatch();
  }

  /** Ends every worker (tests, shutdown); jobs running or waiting fail. */
  async close(): Promise<void> {
    const workers = [...this.#workers];
    for (const task of this.#queue.splice(0)) task.reject(new Error('The prepare pool was closed.'));
    await Promise.all(workers.map((w) => w.terminate()));
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const worker = this.#idle.pop() ?? (this.#workers.size < this.size ? this.#spawn() : undefined);
      if (!worker) return;
      const task = this.#queue.shift()!;
      this.#busy.set(worker, task);
      worker.ref();
      worker.postMessage(task.request, task.keep ? [] : movable(task.request.raw));
    }
  }

  #spawn(): Worker {
    const worker = new Worker(this.#url);
    this.#workers.add(worker);
    worker.on('message', (response: PrepareResponse) => this.#answer(worker, response));
    worker.on('error', (error: Error & { code?: string }) => {
      // Names and codes only: a message could quote the text.
      console.error(`[backspegel] prepare worker failed: ${error.name} ${error.code ?? ''}`);
      this.#lose(worker);
    });
    worker.on('exit', () => this.#lose(worker));
    return worker;
  }

  #answer(worker: Worker, response: PrepareResponse): void {
    const task = this.#busy.get(worker);
    if (!task || task.request.id !== response.id) return;
    this.#busy.delete(worker);
    worker.unref();
    this.#idle.push(worker);
    if ('prepared' in response) task.resolve(response.prepared);
    // prepareDocument throws only validation errors (422), which fromWire restores whatever the kind.
    else if ('error' in response) task.reject(fromWire(response.error, 'docx'));
    else {
      console.error(`[backspegel] prepare failed: ${response.failed}`);
      task.reject(new Error('The document could not be prepared.'));
    }
    this.#dispatch();
  }

  /** The worker is gone (crashed, ran out of memory, or was closed): its job fails, a new worker takes the queue. */
  #lose(worker: Worker): void {
    if (!this.#workers.delete(worker)) return;
    this.#idle = this.#idle.filter((w) => w !== worker);
    const task = this.#busy.get(worker);
    this.#busy.delete(worker);
    void worker.terminate();
    task?.reject(new Error('The prepare worker stopped.'));
    this.#dispatch();
  }
}

/** A raw text file's memory, when it is its own (not a slice of Node's shared pool) and so can be moved to the worker. */
function movable(raw: string | Uint8Array): ArrayBuffer[] {
  if (typeof raw === 'string' || !(raw.buffer instanceof ArrayBuffer)) return [];
  return raw.byteOffset === 0 && raw.byteLength === raw.buffer.byteLength ? [raw.buffer] : [];
}

/** The one pool the process shares. */
export const preparePool = new PreparePool();
