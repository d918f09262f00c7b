// Small-cell suppression: a count from 1 to `below` − 1 is printed as "< below", so that a cell of one
// or two families cannot be read off a table. Zero stays zero (nothing to identify); 0 turns it off.
import type { ReportCount } from './report-types.ts';

export function suppressCount(count: number, below: number): ReportCount {
  return count >= 1 && count < below ? `< ${below}` : count;
}

/** Whether `count` is shown as the suppression mark. */
export function isSuppressed(count: number, below: number): boolean {
  return count >= 1 && count < below;
}
