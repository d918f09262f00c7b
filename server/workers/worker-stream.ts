// Bytes made in a one-shot worker thread and read on the calling thread as they are made, with
// back-pressure: the worker stays at most PIECES_AHEAD pieces ahead of its reader, so a large export
// is never held whole on either side. Each piece's buffer is transferred, not copied.
import { parentPort, Worker } from 'node:worker_threads';

const PIECES_AHEAD = 4;

/** Worker → reader: a piece, the end, or the name of what went wrong (never a message: it could quote a text). */
export type StreamMessage = { piece: Uint8Array } | { done: true } | { failed: string };
/** Reader → worker, for each piece it has taken. */
const TAKEN = 'taken';

/**
 * In the worker: sends each piece of `make(request)` to the reader (the first message is the
 * request), waiting whenever it is PIECES_AHEAD pieces ahead.
 */
export function servePieces<Req>(make: (request: Req) => Iterable<Uint8Array>): void {
  const port = parentPort!;
  let ahead = 0;
  let wake: (() => void) | undefined;
  port.once('message', (request: Req) => {
    port.on('message', () => {
      ahead--;
      wake?.();
    });
    void send(request);
  });
  async function send(request: Req) {
    try {
      for (const piece of make(request)) {
        port.postMessage({ piece } satisfies StreamMessage, [piece.buffer as ArrayBuffer]);
        ahead++;
        while (ahead >= PIECES_AHEAD) await new Promise<void>((resolve) => (wake = resolve));
      }
      port.postMessage({ done: true } satisfies StreamMessage);
    } catch (error) {
      port.postMessage({ failed: (error as Error).name } satisfies StreamMessage);
    }
  }
}

/**
 * On the calling thread: the pieces a worker started with `request` sends, as an async iterator.
 * Resolves when the first piece (or the end) has come, so a failure at the start is an error
 * before anything is sent; rejects if the worker fails before it. Ending the iteration early
 * (`return()`: a download cancelled) stops the worker.
 */
export async function workerPieces<Req>(url: URL, what: string, request: Req, transfer: ArrayBuffer[]): Promise<AsyncIterableIterator<Uint8Array>> {
  const worker = new Worker(url);
  const inbox: StreamMessage[] = [];
  let waiting: ((message: StreamMessage) => void) | undefined;
  const deliver = (message: StreamMessage) => {
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(message);
    } else inbox.push(message);
  };
  worker.on('message', deliver);
  worker.once('error', (error: Error) => deliver({ failed: error.name }));
  worker.once('exit', (code) => deliver({ failed: `exit ${code}` }));
  const received = () => (inbox.length ? Promise.resolve(inbox.shift()!) : new Promise<StreamMessage>((resolve) => (waiting = resolve)));

  let finished = false;
  const finish = () => {
    finished = true;
    worker.removeAllListeners('message');
    void worker.terminate();
  };
  const take = (message: StreamMessage): IteratorResult<Uint8Array> => {
    if ('failed' in message) {
      finish();
      throw new Error(`The ${what} failed in its worker: ${message.failed}`);
    }
    if ('done' in message) {
      finish();
      return { done: true, value: undefined };
    }
    worker.postMessage(TAKEN);
    return { done: false, value: message.piece };
  };

  worker.postMessage(request, transfer);
  const first = take(await received());
  let firstTaken = false;
  const pieces: AsyncIterableIterator<Uint8Array> = {
    async next() {
      if (!firstTaken) {
        firstTaken = true;
        return first;
      }
      return finished ? { done: true, value: undefined } : take(await received());
    },
    async return() {
      if (!finished) finish();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => pieces,
  };
  return pieces;
}
