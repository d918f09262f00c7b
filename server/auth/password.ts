// Password hashing with scrypt from node:crypto (N=2^17, r=8, p=1, maxmem 256 MiB).
// The parameters are stored with the hash, so tests may hash cheaply and still verify for real.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface PasswordCost {
  log2N: number;
  r: number;
  p: number;
}

export const PRODUCTION_COST: PasswordCost = { log2N: 17, r: 8, p: 1 };
/** For tests and the demo's throwaway accounts only. */
export const FAST_COST: PasswordCost = { log2N: 10, r: 8, p: 1 };

const KEY_LENGTH = 32;
const MAXMEM = 256 * 1024 * 1024;

const observers = new Set<(cost: PasswordCost) => void>();

/**
 * Calls `observer` with the cost of every scrypt derivation (hashing or verifying) until the returned
 * function is called. For tests that check how much work a request does without timing it.
 */
export function observeDerive(observer: (cost: PasswordCost) => void): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

function derive(password: string, salt: Buffer, cost: PasswordCost): Promise<Buffer> {
  for (const observe of observers) observe({ ...cost });
  const options: ScryptOptions = { N: 2 ** cost.log2N, r: cost.r, p: cost.p, maxmem: MAXMEM };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** Hashes a password: `scrypt$17$8$1$<salt>$<hash>` (base64). */
export async function hashPassword(password: string, cost: PasswordCost = PRODUCTION_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.log2N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** The cost parameters recorded in a stored hash, or null when it is not a well-formed scrypt hash. */
export function costOf(stored: string): PasswordCost | null {
  const [scheme, log2N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return null;
  const cost = { log2N: Number(log2N), r: Number(r), p: Number(p) };
  const valid = [cost.log2N, cost.r, cost.p].every((n) => Number.isInteger(n) && n > 0);
  return valid && cost.log2N <= 20 ? cost : null;
}

/** Checks a password against a stored hash in constant time; a malformed hash never verifies. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const cost = costOf(stored);
  const [, , , , salt, hash] = stored.split('$');
  if (!cost || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), cost);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

const decoys = new Map<string, string>();

/**
 * The hash an unknown (or disabled) username is checked against, so that a miss costs the same scrypt
 * work as a wrong password for a real account: it carries the cost most of `accountHashes` carry
 * (the higher one on a tie; PRODUCTION_COST when there are none). It is random salt and random "hash",
 * so no password ever matches it, and it is made once per cost without deriving anything.
 */
export function decoyHashFor(accountHashes: readonly string[]): string {
  const counts = new Map<string, { cost: PasswordCost; n: number }>();
  for (const stored of accountHashes) {
    const cost = costOf(stored);
    if (!cost) continue;
    const key = `${cost.log2N}$${cost.r}$${cost.p}`;
    counts.set(key, { cost, n: (counts.get(key)?.n ?? 0) + 1 });
  }
  let best: { cost: PasswordCost; n: number } | undefined;
  for (const c of counts.values()) {
    if (!best || c.n > best.n || (c.n === best.n && c.cost.log2N > best.cost.log2N)) best = c;
  }
  const cost = best?.cost ?? PRODUCTION_COST;
  const key = `${cost.log2N}$${cost.r}$${cost.p}`;
  let decoy = decoys.get(key);
  if (!decoy) {
    decoy = ['scrypt', cost.log2N, cost.r, cost.p, randomBytes(16).toString('base64'), randomBytes(KEY_LENGTH).toString('base64')].join('$');
    decoys.set(key, decoy);
  }
  return decoy;
}
