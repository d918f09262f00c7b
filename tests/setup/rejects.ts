// uvu/assert has no async `rejects`; this one fails the test unless `fn` rejects (with a message
// matching `expected`, when that is a pattern).
import * as assert from 'uvu/assert';

export async function rejects(fn: () => Promise<unknown>, expected: string | RegExp = 'expected a rejection'): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    if (expected instanceof RegExp) assert.match(String((error as Error)?.message ?? error), expected);
    return error;
  }
  assert.unreachable(typeof expected === 'string' ? expected : `expected a rejection matching ${expected}`);
}
