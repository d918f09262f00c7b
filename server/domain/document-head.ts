// The head of a document for the reader's first screen: the text up to the end of the entry that
// crosses `n` characters (the start of the next entry, or the end of the text), with the entries inside it.
// The cut never splits an entry, so the head's blocks are the whole document's first blocks, unchanged.
import type { Entry } from './types.ts';

export interface DocumentHead {
  text: string;
  entries: Entry[];
}

/** Where the head of at least `n` characters ends: the first entry start at or after `n`, else the text's end. */
export function headEnd(text: string, entries: readonly Entry[], n: number): number {
  let cut = text.length;
  for (const e of entries) if (e.start >= n && e.start > 0 && e.start < cut) cut = e.start;
  return Math.min(cut, text.length);
}

/** The text up to headEnd and the entries that start before it. */
export function documentHead(text: string, entries: readonly Entry[], n: number): DocumentHead {
  const end = headEnd(text, entries, n);
  return { text: text.slice(0, end), entries: entries.filter((e) => e.start < end) };
}
