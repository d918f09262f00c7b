// Login throttling per account and per client address: after too many failures in a window,
// further attempts are refused (429) until the window has passed.
import { TooManyAttemptsError } from '../domain/errors.ts';

const WINDOW_MS = 15 * 60 * 1000;
const MAX_PER_ACCOUNT = 5;
const MAX_PER_ADDRESS = 20;

export class LoginThrottle {
  #clock: () => Date;
  #failures = new Map<string, number[]>();

  constructor(clock: () => Date) {
    this.#clock = clock;
  }

  /** Throws TooManyAttemptsError when the account or the address is locked out. */
  check(username: string, address: string): void {
    if (this.#recent(`u:${username}`) >= MAX_PER_ACCOUNT || this.#recent(`a:${address}`) >= MAX_PER_ADDRESS) {
      throw new TooManyAttemptsError();
    }
  }

  fail(username: string, address: string): void {
    const now = this.#clock().getTime();
    for (const key of [`u:${username}`, `a:${address}`]) {
      this.#failures.set(key, [...(this.#failures.get(key) ?? []), now].slice(-MAX_PER_ADDRESS));
    }
  }

  succeed(username: string): void {
    this.#failures.delete(`u:${username}`);
  }

  #recent(key: string): number {
    const since = this.#clock().getTime() - WINDOW_MS;
    const kept = (this.#failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length) this.#failures.set(key, kept);
    else this.#failures.delete(key);
    return kept.length;
  }
}
