// uvu/assert has no async `rejects`; this one fails the test unless `fn` rejects.
import * as assert from 'uvu/assert';

export async function rejects(fn: () => Promise<unknown>, message = 'expected a rejection'): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  assert.unreachable(message);
}
