// Sentence and word boundaries in Swedish case-file text, for moving and extending a selection by keyboard.
// Built on Intl.Segmenter('sv'), which breaks after every abbreviation followed by a capital or a digit
// ("kl. | 14.30", "t.ex. | BVC", "Sign. | KL"); those breaks are joined again here. Pure: no DOM.
// Example: sentences('Mötet hölls kl. 14.30. Mamma kom inte.') → [{ start: 0, end: 22 }, { start: 23, end: 38 }]

/** A range [start, end) of text offsets. */
export interface Span {
  start: number;
  end: number;
}

/** Abbreviations that (practically) never end a sentence: a break after them is always joined. */
const NEVER_FINAL = new Set([
  'bl.a.', 't.ex.', 't.o.m.', 'fr.o.m.', 'f.o.m.', 's.k.', 'd.v.s.', 'dvs.', 'p.g.a.', 'pga.', 'ca.', 'kl.',
  'enl.', 'ang.', 'resp.', 'jfr.', 'inkl.', 'exkl.', 'ev.', 'f.d.', 'f.n.', 't.v.', 't.h.', 'sign.', 'tfn.',
  'tel.', 'dr.', 'ssk.', 'dnr.', 'fr.', 'mha.', 'm.h.a.', 'sk.', 'tex.', 'bla.',
]);

/** Abbreviations that may end a sentence: joined only when a number or "§" follows ("4 kap. 1 §", "nr. 3"). */
const MAYBE_FINAL = new Set(['st.', 'kap.', 'nr.', 'm.m.', 'm.fl.', 'osv.', 'o.s.v.', 'etc.', 's.', 'p.']);

const sentenceSegmenter = new Intl.Segmenter('sv', { granularity: 'sentence' });
const wordSegmenter = new Intl.Segmenter('sv', { granularity: 'word' });

/** The last whitespace-separated token of `s` (leading brackets and quotes dropped). */
function lastToken(s: string): string {
  const m = /(?:^|\s)([^\s]+)$/.exec(s);
  return (m?.[1] ?? '').replace(/^[([”"'»«]+/, '');
}

/** Whether a break between `before` (a sentence with its trailing whitespace) and `after` should be joined. */
function joins(before: string, after: string): boolean {
  const trailing = /\s*$/.exec(before)![0];
  if (trailing.includes('\n')) return false; // a line break always ends a sentence (headings, lists)
  const token = lastToken(before.trimEnd());
  if (/^\p{Lu}\.$/u.test(token)) return true; // an initial: "K. Larsson"
  const lower = token.toLowerCase();
  return NEVER_FINAL.has(lower) || (MAYBE_FINAL.has(lower) && /^[\d§]/.test(after));
}

/** Narrows a span so it neither begins nor ends with whitespace; null when only whitespace is left. */
function trimmed(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

/** The sentences of text[from, to) in order, as trimmed spans in offsets of `text`; blank lines are skipped. */
export function sentences(text: string, from = 0, to = text.length): Span[] {
  const slice = text.slice(from, to);
  const raw = [...sentenceSegmenter.segment(slice)];
  const out: Span[] = [];
  let start = -1;
  let end = -1;
  for (let i = 0; i < raw.length; i++) {
    const seg = raw[i]!;
    if (start < 0) start = seg.index;
    end = seg.index + seg.segment.length;
    const next = raw[i + 1];
    if (next && joins(slice.slice(start, end), next.segment)) continue;
    const span = trimmed(slice, start, end);
    if (span) out.push({ start: from + span.start, end: from + span.end });
    start = -1;
  }
  return out;
}

/**
 * The words of text[from, to) in order, as spans in offsets of `text`. A word is the letters and digits of
 * one whitespace-separated token, with inner punctuation kept ("2014-03-02", "14.30", "BVC:s") and outer
 * punctuation left out ("Elsa," → "Elsa"), except the final dot of an abbreviation ("t.ex.").
 */
export function words(text: string, from = 0, to = text.length): Span[] {
  const slice = text.slice(from, to);
  const out: Span[] = [];
  let first = -1;
  let last = -1;
  const flush = () => {
    if (first < 0) return;
    let end = last;
    if (slice[end] === '.' && (NEVER_FINAL.has(`${slice.slice(first, end)}.`.toLowerCase()) ||
      MAYBE_FINAL.has(`${slice.slice(first, end)}.`.toLowerCase()))) end++;
    out.push({ start: from + first, end: from + end });
    first = -1;
  };
  for (const seg of wordSegmenter.segment(slice)) {
    if (/\s/.test(seg.segment)) {
      flush();
      continue;
    }
    if (!seg.isWordLike) continue;
    if (first < 0) first = seg.index;
    last = seg.index + seg.segment.length;
  }
  flush();
  return out;
}
