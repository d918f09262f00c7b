// "Sök i akten": where a word or phrase occurs in the case file as the reader shows it, block by block
// in reading order. The reader keeps only the entries near the viewport in the page, so the browser's
// own find (Ctrl+F) cannot see the rest; this looks through the whole loaded text instead.
import type { Block } from './chronology.ts';

/** One occurrence: its block and its place in the block's document (offsets, as the reader's spans carry them). */
export interface FindHit {
  block: string;
  start: number;
  end: number;
}

/** Hits listed at most: beyond that the count says "fler än". */
export const FIND_LIMIT = 1000;

/** Characters a query needs before it is looked for (one letter would match almost every entry). */
export const FIND_MIN_LENGTH = 2;

/**
 * Every occurrence of `query` in the blocks' text, ignoring case (Swedish letters too) and runs of
 * white space (a line break in the text matches a space in the query), in block order, at most `limit`.
 * Example: findInCaseFile(blocks, texts, 'skolan') → [{ block: 'd-1:0', start: 120, end: 126 }, …].
 */
export function findInCaseFile(blocks: readonly Block[], texts: ReadonlyMap<string, string>, query: string, limit = FIND_LIMIT): FindHit[] {
  const words = query.normalize('NFC').trim().split(/\s+/u).filter(Boolean);
  if (words.join(' ').length < FIND_MIN_LENGTH) return [];
  const pattern = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'giu');
  // One pass over each document (its blocks lie side by side in it); the blocks are in reading order,
  // which goes back and forth between documents.
  const found = new Map<string, { starts: number[]; ends: number[] }>();
  const matchesIn = (documentId: string) => {
    let m = found.get(documentId);
    if (!m) {
      m = { starts: [], ends: [] };
      for (const match of texts.get(documentId)?.matchAll(pattern) ?? []) {
        m.starts.push(match.index);
        m.ends.push(match.index + match[0].length);
      }
      found.set(documentId, m);
    }
    return m;
  };
  const hits: FindHit[] = [];
  for (const block of blocks) {
    const { starts, ends } = matchesIn(block.documentId);
    // A match that runs over into the next entry is not shown: the reader marks within one entry.
    for (let i = firstAtOrAfter(starts, block.start); i < starts.length && ends[i]! <= block.end; i++) {
      hits.push({ block: block.key, start: starts[i]!, end: ends[i]! });
      if (hits.length > limit) return hits;
    }
  }
  return hits;
}

/** The index of the first value ≥ `at` in ascending `values`. */
function firstAtOrAfter(values: readonly number[], at: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
