// Whether work lets the event loop through, measured without a clock: the turns of the loop
// (setImmediate callbacks) that ran while it was under way.

/** Runs `work`, counting the turns of the event loop that ran before it settled. */
export async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  try {
    return { result: await work(), turns };
  } finally {
    running = false;
  }
}
