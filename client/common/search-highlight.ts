// Which parts of a search snippet to mark: the server's ranges when it sends them, otherwise the words of
// the snippet that begin like a query word. Swedish inflects at the end of the word (and sometimes changes
// its stem: "anmälan", "anmälningar"), so a query word is cut back to about its first 60 % ("depressionen"
// → "depressi") and every snippet word starting with that is marked ("depression", "depressionen"). Pure: no DOM; the page renders the parts with <mark> in Lit templates.
// Example: snippetParts('Mamman är trött.', 'mammans') → [{ text: 'Mamman', mark: true }, { text: ' är trött.', mark: false }]

/** A run of snippet text, marked or not. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The query's words: lower case, letters and digits only (as the server splits them). */
export function queryWords(query: string): string[] {
  return [...query.normalize('NFC').toLocaleLowerCase('sv').matchAll(WORD)].map((m) => m[0]);
}

/** What a snippet word must begin with to match `word`: words of up to four letters whole, longer ones about their first 60 %. */
export function matchPrefix(word: string): string {
  return word.length <= 4 ? word : word.slice(0, Math.max(4, Math.ceil(word.length * 0.6)));
}

/** Sorted, non-overlapping ranges inside [0, length]; malformed ones dropped. */
function cleanRanges(ranges: readonly (readonly [number, number])[], length: number): [number, number][] {
  const valid = ranges
    .filter((r) => Array.isArray(r) && Number.isInteger(r[0]) && Number.isInteger(r[1]))
    .map(([s, e]) => [Math.max(0, s), Math.min(length, e)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const r of valid) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** The ranges of the snippet's words that match a query word (exactly, for words of fewer than four letters). */
export function matchRanges(snippet: string, query: string): [number, number][] {
  const words = queryWords(query);
  if (!words.length) return [];
  const ranges: [number, number][] = [];
  for (const m of snippet.matchAll(WORD)) {
    const word = m[0].normalize('NFC').toLocaleLowerCase('sv');
    const hit = words.some((w) => (w.length < 4 ? word === w : word.startsWith(matchPrefix(w))));
    if (hit) ranges.push([m.index, m.index + m[0].length]);
  }
  return ranges;
}

/** The snippet cut into marked and unmarked parts (the server's highlights win when present). */
export function snippetParts(snippet: string, query: string, highlights?: readonly (readonly [number, number])[] | null): SnippetPart[] {
  const ranges = cleanRanges(highlights?.length ? highlights : matchRanges(snippet, query), snippet.length);
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push({ text: snippet.slice(at, start), mark: false });
    parts.push({ text: snippet.slice(start, end), mark: true });
    at = end;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), mark: false });
  return parts;
}
