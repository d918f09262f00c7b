// The excerpt a search hit shows: a window of the matched text around its first matching word.
import type { TermMatcher } from './swedish-terms.ts';

const SNIPPET_BEFORE = 60;
const SNIPPET_AFTER = 100;
const LETTER = /[\p{L}\p{N}\p{M}]/u;

/**
 * About 60 characters before and 100 after the first word of `text` that matched, cut at word
 * boundaries, with the matched words' places in it. Offsets are into the snippet as sent: plain text,
 * never HTML, so the client marks them without parsing anything.
 */
export function snippet(text: string, matcher: TermMatcher, first = matcher.first(text)): { snippet: string; highlights: [number, number][] } {
  const at = Math.max(0, first);
  let from = Math.max(0, at - SNIPPET_BEFORE);
  let to = Math.min(text.length, at + SNIPPET_AFTER);
  // Not half a word at either end (unless the word is very long).
  for (let i = 0; from > 0 && i < 20 && LETTER.test(text[from - 1]!) && from < at; i++) from++;
  for (let i = 0; to < text.length && i < 20 && LETTER.test(text[to]!) && to > at + 1; i++) to--;
  const before = from > 0 ? '…' : '';
  let rest = to;
  while (rest < text.length && isSpace(text.charCodeAt(rest))) rest++;
  const after = rest < text.length ? '…' : '';
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  const out = `${before}${collapseSpaces(text.slice(from, to))}${after}`;
  return { snippet: out, highlights: matcher.all(out) };
}

/** Is the UTF-16 code unit `c` white space as a regular expression's `\s` means it? */
export function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 &&
    (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
      c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/**
 * Each run of white space as one space, as `text.replace(/\s+/g, ' ')` gives it: a snippet's line
 * breaks and indents. By hand, because the regular expression's replace cost a microsecond a snippet,
 * a twentieth of a search with 50 hits.
 */
export function collapseSpaces(text: string): string {
  let out = '';
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isSpace(text.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < text.length && isSpace(text.charCodeAt(end))) end++;
    if (end - i > 1 || text.charCodeAt(i) !== 32) {
      out += `${text.slice(kept, i)} `;
      kept = end;
    }
    i = end - 1;
  }
  return kept === 0 ? text : out + text.slice(kept);
}

/**
 * The heads of an entry decoded in turn, before all of it: most entries have a matching word early on.
 * UTF-8 with å, ä and ö decodes at about half a byte a nanosecond here, so a 1 KB head was half a snippet's cost.
 */
const HEADS = [256, 1024];
/** How much of each entry the study search keeps in memory (the rest is read from its file when needed). */
export const HEAD_BYTES = HEADS.at(-1)!;

/**
 * The snippet of an entry of `length` UTF-8 bytes, from `head` (its first HEAD_BYTES bytes, or all of a
 * shorter one), decoding no more of it than needed. `whole` gives the whole entry's text, asked for
 * only when the first matching word and the window after it do not lie in the head: the snippet is
 * the same as from the whole text. (Decoding and scanning whole entries was a fifth of a search with
 * 50 hits.)
 */
export function snippetOfEntry(head: Buffer, length: number, whole: () => string, matcher: TermMatcher): { snippet: string; highlights: [number, number][] } {
  for (const size of HEADS) {
    if (length <= size) break;
    const decoded = head.toString('utf8', 0, size);
    const at = matcher.first(decoded);
    // More than white space after the window (short of the head's last characters, where a character
    // may have been cut in two): the window, and the "…" after it, are the same as in the whole text.
    if (at >= 0 && /\S/.test(decoded.slice(at + SNIPPET_AFTER + 1, -3))) return snippet(decoded, matcher, at);
  }
  return snippet(length <= head.length ? head.toString('utf8') : whole(), matcher);
}
