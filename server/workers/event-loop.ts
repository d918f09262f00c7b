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
