// Runs each parse in its own worker thread, so that mammoth or pdfjs never block the server's event
// loop: a fresh worker per job (its heap is gone with it), with resourceLimits on the heap and a
// wall-clock limit, at most MAX_PARALLEL_PARSES at once and the rest queued in order. While parses
// run, the process's resident memory is watched too, since the heap limit leaves ArrayBuffers out.
// A worker out of time or memory is ended and the upload refused as "too big or too complex".
// Preparing the extracted text (pseudonymising …) is trusted, bounded work and runs in the long-lived
// workers of prepare-pool.ts instead: a parse keeps its own worker, so a hostile file's heap dies with it.
import { Worker } from 'node:worker_threads';
import type { ParseJob, WorkerMessage } from './extract-job.ts';
import { fromWire, tooComplex, unreadable } from './import-errors.ts';
import type { ProgressCallback } from './pdf-text.ts';
import { MAX_PARALLEL_PARSES, parseHeapMb, parseMemoryMb, parseTimeoutMs } from './upload-limits.ts';

const WORKER_URL = new URL('./extract-worker.mjs', import.meta.url);
/** After terminate(), how long to wait for the exit event before giving the slot back anyway. */
const EXIT_GRACE_MS = 10_000;
const MEMORY_CHECK_MS = 100;
/** How long a worker may take to load mammoth or pdfjs before it counts as broken (a server fault). */
const STARTUP_MS = 60_000;

type Outcome = { text: string } | { error: Error };

interface RunningParse {
  /** Settles once the worker has exited, so its memory is released before the next job starts. */
  result: Promise<string>;
  /** Ends the parse with this error. */
  abort(error: Error): void;
}

/** Starts one job in one worker. */
function startWorker(job: ParseJob, onProgress?: ProgressCallback): RunningParse {
  let abort!: (error: Error) => void;
  const result = new Promise<string>((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: parseHeapMb(), maxYoungGenerationSizeMb: 64 },
    });
    let ready = false;
    let outcome: Outcome | undefined;
    let grace: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(timer);
      clearTimeout(grace);
      const end = outcome ?? { error: ready ? unreadable(job.kind) : new Error('The parse worker exited before it started.') };
      if ('text' in end) resolve(end.text);
      else reject(end.error);
    };
    const settle = (end: Outcome) => {
      outcome ??= end;
      clearTimeout(timer);
      grace ??= setTimeout(finish, EXIT_GRACE_MS);
      void worker.terminate();
    };
    abort = (error) => settle({ error });
    // The time limit is for parsing the file: it starts once the worker has loaded its code, which on a
    // loaded machine can take a while itself (a worker that never gets there is stopped after STARTUP_MS).
    const tooSlow = () => settle({ error: tooComplex('det tog för lång tid') });
    let timer = setTimeout(() => settle({ error: new Error('The parse worker did not start in time.') }), STARTUP_MS);

    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        ready = true;
        clearTimeout(timer);
        timer = setTimeout(tooSlow, parseTimeoutMs());
      }
      else if (message.type === 'progress') onProgress?.(message.fraction);
      else if (message.type === 'done') settle({ text: message.text });
      else settle({ error: fromWire(message.error, job.kind) });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') return settle({ error: tooComplex('det krävde för mycket minne') });
      // Names and codes only: a message could quote the file.
      console.error(`[backspegel] parse worker ${ready ? 'failed' : 'did not start'}: ${error.name} ${error.code ?? ''}`);
      // Before "ready" the fault is the server's (a 500); after it, the file's.
      settle({ error: ready ? unreadable(job.kind) : new Error('The parse worker did not start.') });
    });
    worker.on('exit', finish);
  });
  return { result, abort };
}

/** A counting semaphore in front of startWorker, and the memory watch over the running parses. */
export class WorkerPool {
  #running = 0;
  #waiting: (() => void)[] = [];
  #active = new Set<RunningParse>();
  #watch: NodeJS.Timeout | undefined;
  #baseline = 0;

  constructor(readonly size: number) {}

  /** Jobs being parsed now. */
  get running(): number {
    return this.#running;
  }

  /** Jobs waiting for a free worker. */
  get queued(): number {
    return this.#waiting.length;
  }

  /** Parses the job when a worker is free; the text, or a domain error. */
  async run(job: ParseJob, onProgress?: ProgressCallback): Promise<string> {
    if (this.#running < this.size) this.#running++;
    else await new Promise<void>((wake) => this.#waiting.push(wake)); // the slot is handed over
    const parse = startWorker(job, onProgress);
    this.#track(parse);
    try {
      return await parse.result;
    } finally {
      this.#untrack(parse);
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }

  #track(parse: RunningParse): void {
    if (this.#active.size === 0) {
      this.#baseline = process.memoryUsage.rss();
      this.#watch = setInterval(() => this.#checkMemory(), MEMORY_CHECK_MS);
      this.#watch.unref();
    }
    this.#active.add(parse);
  }

  #untrack(parse: RunningParse): void {
    this.#active.delete(parse);
    if (this.#active.size === 0) clearInterval(this.#watch);
  }

  /** Over the allowance, every running parse is ended: which one grew cannot be told from here. */
  #checkMemory(): void {
    if (process.memoryUsage.rss() - this.#baseline <= parseMemoryMb() * 1024 * 1024) return;
    for (const parse of this.#active) parse.abort(tooComplex('det krävde för mycket minne'));
  }
}

/** The one pool every upload shares. */
export const parsePool = new WorkerPool(MAX_PARALLEL_PARSES);
