// One long-lived worker thread answering calls in order of arrival, for work that would hold up the
// server's event loop (drawing charts). Started on the first call; kept while the process runs, but
// never keeps it alive when idle. A worker that fails or exits fails the calls it had and is started
// again by the next one. Failures carry the error's name only: a message could quote a study's text.
import { parentPort, Worker } from 'node:worker_threads';

type Call<Req> = { id: number; request: Req };
type Answer<Res> = { id: number; result: Res } | { id: number; failed: string };

export class WorkerClient<Req, Res> {
  #url: URL;
  #what: string;
  #worker: Worker | undefined;
  #pending = new Map<number, { resolve(result: Res): void; reject(error: Error): void }>();
  #next = 1;

  /** `what` names the work in errors ("chart"). */
  constructor(url: URL, what: string) {
    this.#url = url;
    this.#what = what;
  }

  /** Starts the worker now (loading its code takes a moment), to be ready for the first call. */
  warm(): void {
    this.#worker ??= this.#start();
  }

  call(request: Req): Promise<Res> {
    const worker = (this.#worker ??= this.#start());
    const id = this.#next++;
    return new Promise<Res>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, request } satisfies Call<Req>);
    });
  }

  #start(): Worker {
    const worker = new Worker(this.#url);
    worker.on('message', (answer: Answer<Res>) => {
      const call = this.#pending.get(answer.id);
      if (!call) return;
      this.#pending.delete(answer.id);
      if ('result' in answer) call.resolve(answer.result);
      else call.reject(new Error(`The ${this.#what} worker failed: ${answer.failed}`));
      if (this.#pending.size === 0) worker.unref();
    });
    const lost = (why: string) => {
      if (this.#worker !== worker) return;
      this.#worker = undefined;
      for (const call of this.#pending.values()) call.reject(new Error(`The ${this.#what} worker stopped: ${why}`));
      this.#pending.clear();
      void worker.terminate();
    };
    worker.on('error', (error: Error) => lost(error.name));
    worker.on('exit', (code) => lost(`exit ${code}`));
    worker.unref();
    return worker;
  }
}

/** In the worker: answers each call with `handle`'s result, or the name of its error. */
export function serveCalls<Req, Res>(handle: (request: Req) => Promise<Res> | Res): void {
  parentPort!.on('message', ({ id, request }: Call<Req>) => {
    Promise.resolve()
      .then(() => handle(request))
      .then(
        (result) => parentPort!.postMessage({ id, result } satisfies Answer<Res>),
        (error: Error) => parentPort!.postMessage({ id, failed: error?.name ?? 'Error' } satisfies Answer<Res>),
      );
  });
}
