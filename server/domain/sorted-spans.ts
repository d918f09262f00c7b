// Finding the span that holds an offset, among spans sorted by start (entries of a case file, blocks of
// the reader). Pure; shared by server and client.

/** Index of the last span starting at or before `offset`, or -1 when every span starts after it. */
export function lastStartingAtOrBefore(sorted: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
