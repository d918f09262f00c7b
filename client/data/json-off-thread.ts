// GET a large JSON answer through a worker (client/workers/json-worker.ts), so that reading and
// parsing it does not take the page's thread. Where workers are not available, or the worker cannot
// start, the answer is fetched on the page as usual.

export interface JsonWorkerRequest {
  id: number;
  url: string;
}

/** The answer's status and, when it is OK, the parsed body; otherwise the body's text (for the error). */
export type JsonWorkerAnswer = { id: number; status: number; data: unknown } | { id: number; status: number; text: string };

/** Where the built worker is served from. */
const WORKER_PATH = '/json-worker.js';

export class JsonOffThread {
  #worker: Worker | null | undefined;
  #next = 1;
  #waiting = new Map<number, (answer: JsonWorkerAnswer | null) => void>();
  readonly #base: string;

  constructor(base: string) {
    this.#base = base;
  }

  /** Starts the worker ahead of the first large answer (loading its script is a round trip). */
  start(): void {
    this.#started();
  }

  /** The answer to GET `url`, or null when no worker could take it (the caller fetches it itself). */
  get(url: string): Promise<JsonWorkerAnswer | null> {
    const worker = this.#started();
    if (!worker) return Promise.resolve(null);
    const id = this.#next++;
    return new Promise((resolve) => {
      this.#waiting.set(id, resolve);
      worker.postMessage({ id, url } satisfies JsonWorkerRequest);
    });
  }

  #started(): Worker | null {
    if (this.#worker !== undefined) return this.#worker;
    if (typeof Worker === 'undefined') return (this.#worker = null);
    try {
      const worker = new Worker(this.#base + WORKER_PATH, { type: 'module' });
      worker.onmessage = ({ data }: MessageEvent<JsonWorkerAnswer>) => {
        this.#waiting.get(data.id)?.(data);
        this.#waiting.delete(data.id);
      };
      // The worker could not load (an old build, a proxy): from now on, every answer on the page.
      worker.onerror = () => this.#fail();
      return (this.#worker = worker);
    } catch {
      return (this.#worker = null);
    }
  }

  #fail(): void {
    this.#worker?.terminate();
    this.#worker = null;
    for (const resolve of this.#waiting.values()) resolve(null);
    this.#waiting.clear();
  }
}
