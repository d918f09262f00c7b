// The main thread's side of the name-suggestion worker: one worker per process, started on the
// first request and ended after two idle minutes (the lexicon holds some 250 MB), requests answered
// in order. It keeps the process alive only while a request waits. A failure never fails an
// import: the answer is then null, "no suggestions available".
import { Worker } from 'node:worker_threads';
import type { NameSuggestion } from '../domain/name-suggestions.ts';
import type { NameRequest, NameResponse } from './name-job.ts';

const WORKER_URL = new URL('./name-worker.mjs', import.meta.url);
const IDLE_MS = 2 * 60 * 1000;
/** Building the lexicon takes seconds; a long text a few more. */
const REQUEST_TIMEOUT_MS = 120_000;

interface Waiting {
  resolve(suggestions: NameSuggestion[] | null): void;
  timer: NodeJS.Timeout;
}

export class NameSuggester {
  #worker: Worker | undefined;
  #waiting = new Map<number, Waiting>();
  #next = 1;
  #idle: NodeJS.Timeout | undefined;

  /** The text's name suggestions, or null when the worker failed or took too long. Bytes (UTF-8) are copied to the worker and decoded there. */
  suggest(text: string | Uint8Array, exclude: readonly string[] = []): Promise<NameSuggestion[] | null> {
    clearTimeout(this.#idle);
    const worker = this.#start();
    worker.ref();
    const id = this.#next++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.#settle(id, null), REQUEST_TIMEOUT_MS);
      this.#waiting.set(id, { resolve, timer });
      worker.postMessage({ id, text, exclude: [...exclude] } satisfies NameRequest);
    });
  }

  /** Ends the worker now (tests, shutdown); waiting requests get null. */
  async stop(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    for (const id of [...this.#waiting.keys()]) this.#settle(id, null);
    await worker?.terminate();
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    worker.on('message', (m: NameResponse) => this.#settle(m.id, 'suggestions' in m ? m.suggestions : null, 'failed' in m ? m.failed : undefined));
    worker.on('error', (error: Error & { code?: string }) => {
      console.error(`[backspegel] name worker failed: ${error.name} ${error.code ?? ''}`);
    });
    worker.on('exit', () => {
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      for (const id of [...this.#waiting.keys()]) this.#settle(id, null);
    });
    this.#worker = worker;
    return worker;
  }

  #settle(id: number, suggestions: NameSuggestion[] | null, failure?: string): void {
    const waiting = this.#waiting.get(id);
    if (!waiting) return;
    if (failure) console.error(`[backspegel] name suggestions failed: ${failure}`);
    this.#waiting.delete(id);
    clearTimeout(waiting.timer);
    waiting.resolve(suggestions);
    if (this.#waiting.size > 0 || !this.#worker) return;
    this.#worker.unref();
    const worker = this.#worker;
    this.#idle = setTimeout(() => {
      if (this.#worker === worker && this.#waiting.size === 0) void this.stop();
    }, IDLE_MS);
    this.#idle.unref();
  }
}

/** The one suggester the process shares. */
export const nameSuggester = new NameSuggester();
