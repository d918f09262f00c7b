// Long lists for a worker thread, sent as serialised slices: postMessage clones its whole message on
// the calling thread in one go (the project export's records: 10 MB, 25–45 ms on the bench study,
// ten times that at ten times its size). Each slice is serialised between turns of the event loop and
// its bytes are handed over, not copied.
import { deserialize, serialize } from 'node:v8';
import { yieldToEventLoop } from './event-loop.ts';

const ITEMS_PER_SLICE = 1000;

/** `list` (each item as `map` gives it) as serialised slices (see fromSlices), made a slice per turn of the event loop. */
export async function toSlices<T>(list: readonly T[], map: (item: T) => unknown = (item) => item): Promise<Uint8Array[]> {
  const slices: Uint8Array[] = [];
  for (let i = 0; i < list.length; i += ITEMS_PER_SLICE) {
    if (i > 0) await yieldToEventLoop();
    slices.push(new Uint8Array(serialize(list.slice(i, i + ITEMS_PER_SLICE).map(map))));
  }
  return slices;
}

/** The buffers to transfer with the slices. */
export const transferables = (slices: readonly Uint8Array[]): ArrayBuffer[] => slices.map((s) => s.buffer as ArrayBuffer);

/** The list again, in the worker. */
export function fromSlices<T>(slices: readonly Uint8Array[]): T[] {
  return slices.flatMap((s) => deserialize(s) as T[]);
}
