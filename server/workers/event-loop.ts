// Long work on the main thread in turns: between turns the event loop answers other requests. A
// resolved await is not enough (its continuation runs before any I/O); setImmediate is.

/** Lets the event loop through once: timers, I/O and other requests run before this resolves. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** `list.map(fn)`, letting the event loop through after every `every` items. */
export async function mapInTurns<T, R>(list: readonly T[], fn: (item: T, index: number) => R, every = 2000): Promise<R[]> {
  const out: R[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    if (i > 0 && i % every === 0) await yieldToEventLoop();
    out[i] = fn(list[i]!, i);
  }
  return out;
}

/**
 * `parts` (made as they are taken) as UTF-8 chunks of about `chunkChars` characters, letting the event
 * loop through between chunks: a large document written and encoded in one go holds up the server.
 */
export async function encodeInTurns(parts: Iterator<string>, chunkChars = 256 * 1024): Promise<Uint8Array[]> {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let pending: string[] = [];
  let length = 0;
  for (let next = parts.next(); !next.done; next = parts.next()) {
    pending.push(next.value);
    length += next.value.length;
    if (length < chunkChars) continue;
    chunks.push(encoder.encode(pending.join('')));
    pending = [];
    length = 0;
    await yieldToEventLoop();
  }
  if (pending.length) chunks.push(encoder.encode(pending.join('')));
  return chunks;
}
