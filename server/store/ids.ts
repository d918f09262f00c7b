// Identifiers: generated ones are random; any id that reaches a file path is checked first,
// so no user input ever becomes part of a path unvalidated.
import { randomBytes } from 'node:crypto';

const SAFE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A new random id with a one-letter prefix, e.g. `a-3f9c0e1b7d2a4c68` for an annotation. */
export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(8).toString('hex')}`;
}

export function isSafeId(id: string): boolean {
  return SAFE_ID.test(id);
}

export function assertSafeId(id: string): void {
  if (!isSafeId(id)) throw new Error('Unsafe identifier refused for a file path');
}
