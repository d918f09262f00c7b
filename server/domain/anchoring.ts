// Annotation anchoring (W3C Web Annotation: TextPositionSelector + TextQuoteSelector) over the
// normalised text. A target whose offsets no longer hold is found again by its quote: exact
// occurrences first, then an approximate match (Myers' bit-parallel edit distance, bounded work).
import type { AnchorStatus, TextTarget } from './types.ts';

const CONTEXT = 32;
/** Fuzzy search looks this far either side of the old position first. */
const WINDOW = 10_000;
/** Quotes up to this length may be searched fuzzily in the whole text (≤ 2 machine words per column). */
const WHOLE_TEXT_MAX = 64;
/** Longer quotes are matched by their first and last EDGE characters instead of in full. */
const FULL_MAX = 2048;
const EDGE = 64;
const MAX_ERROR_RATE = 0.2;
const MAX_CANDIDATES = 200;

export interface Span {
  start: number;
  end: number;
}

/**
 * Builds a target for `text.slice(start, end)` with up to 32 characters of context either side.
 * Throws a RangeError unless 0 ≤ start < end ≤ text.length (integers).
 */
export function makeTarget(text: string, start: number, end: number): TextTarget {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start >= end || end > text.length) {
    throw new RangeError(`Invalid target range ${start}–${end} for a text of length ${text.length}`);
  }
  return {
    start,
    end,
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
  };
}

/** Whether the target's offsets still select its quote in `text`. */
export function isAnchored(text: string, target: TextTarget): boolean {
  return target.exact.length > 0 && text.slice(target.start, target.end) === target.exact;
}

/**
 * Checks a target against the current text and re-anchors it when needed:
 * 'anchored' (the same target object), 'reanchored' (a new target found by quote, exact or
 * approximate, with fresh context) or 'orphan' (the original target, unchanged).
 */
export function reanchor(text: string, target: TextTarget): { status: AnchorStatus; target: TextTarget } {
  if (isAnchored(text, target)) return { status: 'anchored', target };
  const found = target.exact ? locate(text, target.exact, target.prefix, target.suffix, target.start) : null;
  if (!found) return { status: 'orphan', target };
  return { status: 'reanchored', target: makeTarget(text, found.start, found.end) };
}

/**
 * Finds a quote in a text: the exact occurrence whose preceding text best matches `prefix`
 * (ties: nearest to `hint`, else the first), otherwise the best approximate match (≤ 20% edits)
 * near `hint`, or anywhere for quotes of at most 64 characters. Returns null when not found.
 * Example: `findQuote(text, 'Mamma berättar', 'hembesök. ')` → `{ start: 1042, end: 1056 }`.
 */
export function findQuote(text: string, quote: string, prefix = '', hint?: number): Span | null {
  return quote ? locate(text, quote, prefix, '', hint ?? null) : null;
}

function locate(text: string, quote: string, prefix: string, suffix: string, hint: number | null): Span | null {
  const exact: Span[] = [];
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) exact.push({ start: i, end: i + quote.length });
  if (exact.length) return best(text, exact, prefix, suffix, hint);
  const k = Math.floor(quote.length * MAX_ERROR_RATE);
  if (k === 0) return null;
  if (hint !== null) {
    const lo = Math.max(0, hint - WINDOW);
    const hi = Math.min(text.length, hint + quote.length + WINDOW);
    const near = quote.length <= FULL_MAX ? approximate(text, quote, k, lo, hi, hint) : approximateLong(text, quote, lo, hi, hint);
    if (near.length) return best(text, fewestEdits(near), prefix, suffix, hint);
  }
  if (quote.length > WHOLE_TEXT_MAX) return null;
  const anywhere = approximate(text, quote, k, 0, text.length, hint);
  return anywhere.length ? best(text, fewestEdits(anywhere), prefix, suffix, hint) : null;
}

/** The candidate whose surroundings agree most with prefix and suffix; ties go to the nearest to hint. */
function best(text: string, candidates: Span[], prefix: string, suffix: string, hint: number | null): Span {
  let chosen = candidates[0]!;
  let chosenScore = -1;
  let chosenDistance = Infinity;
  for (const c of candidates) {
    const score = contextScore(text, c, prefix, suffix);
    const distance = hint === null ? c.start : Math.abs(c.start - hint);
    if (score > chosenScore || (score === chosenScore && distance < chosenDistance)) {
      chosen = c;
      chosenScore = score;
      chosenDistance = distance;
    }
  }
  return chosen;
}

function contextScore(text: string, span: Span, prefix: string, suffix: string): number {
  let score = 0;
  while (score < prefix.length && text[span.start - 1 - score] === prefix[prefix.length - 1 - score]) score++;
  let s = 0;
  while (s < suffix.length && text[span.end + s] === suffix[s]) s++;
  return score + s;
}

interface Candidate extends Span {
  edits: number;
}

/**
 * Approximate occurrences of `pattern` in text[lo, hi) with at most k edits: for each cluster of
 * nearby ends the ones with the fewest edits, at most MAX_CANDIDATES (those nearest `hint`), each
 * with every start that is equally good. Ends come from a forward Myers search, starts from a
 * backward, start-anchored pass; the caller picks by edits and context.
 */
function approximate(text: string, pattern: string, k: number, lo: number, hi: number, hint: number | null): Candidate[] {
  let ends: Array<{ end: number; edits: number }> = [];
  let run: Array<{ end: number; edits: number }> = [];
  const flush = (): void => {
    const fewest = run.reduce((min, e) => Math.min(min, e.edits), Infinity);
    for (const e of run) if (e.edits === fewest) ends.push(e);
    run = [];
  };
  myers(compile(pattern), text, lo, hi, false, false, k, (end, edits) => {
    if (run.length && run[run.length - 1]!.end !== end - 1) flush();
    run.push({ end, edits });
  });
  if (run.length) flush();
  if (ends.length > MAX_CANDIDATES) {
    const h = hint ?? 0;
    ends = ends.sort((x, y) => Math.abs(x.end - h) - Math.abs(y.end - h)).slice(0, MAX_CANDIDATES);
  }
  const reversed = compile(pattern.split('').reverse().join(''));
  const found: Candidate[] = [];
  for (const { end, edits } of ends) {
    let starts: number[] = [];
    let fewest = k;
    myers(reversed, text, Math.max(lo, end - pattern.length - k), end, true, true, k, (start, e) => {
      if (e < fewest) {
        fewest = e;
        starts = [];
      }
      if (e === fewest && start < end) starts.push(start);
    });
    for (const start of starts) found.push({ start, end, edits: Math.max(edits, fewest) });
  }
  return found;
}

/** The candidates with the fewest edits. */
function fewestEdits(candidates: Candidate[]): Candidate[] {
  const fewest = candidates.reduce((min, c) => Math.min(min, c.edits), Infinity);
  return candidates.filter((c) => c.edits === fewest);
}

/**
 * Long quotes: match the first and last EDGE characters and pair them into spans of plausible
 * length, scored by the edits at both edges plus the difference in length.
 */
function approximateLong(text: string, quote: string, lo: number, hi: number, hint: number): Candidate[] {
  const k = Math.floor(EDGE * MAX_ERROR_RATE);
  const heads = approximate(text, quote.slice(0, EDGE), k, lo, hi, hint);
  const tails = approximate(text, quote.slice(-EDGE), k, lo, hi, hint + quote.length);
  const spans: Candidate[] = [];
  for (const h of heads) {
    for (const t of tails) {
      const difference = Math.abs(t.end - h.start - quote.length);
      if (difference <= quote.length * MAX_ERROR_RATE) {
        spans.push({ start: h.start, end: t.end, edits: h.edits + t.edits + difference });
      }
    }
  }
  return spans;
}

/** A pattern prepared for myers(): per-character match masks, 32 pattern positions per word. */
interface Compiled {
  length: number;
  blocks: number;
  /** UTF-16 code unit → row in `masks` (0: the character does not occur in the pattern). */
  rows: Uint16Array;
  masks: Int32Array;
}

function compile(pattern: string): Compiled {
  const blocks = Math.ceil(pattern.length / 32);
  const rows = new Uint16Array(65536);
  let alphabet = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (rows[c] === 0) rows[c] = ++alphabet;
  }
  const masks = new Int32Array((alphabet + 1) * blocks);
  for (let i = 0; i < pattern.length; i++) masks[rows[pattern.charCodeAt(i)]! * blocks + (i >> 5)]! |= 1 << (i & 31);
  return { length: pattern.length, blocks, rows, masks };
}

/**
 * Myers' bit-parallel edit distance (Hyyrö's multi-word form), one column per text character.
 * Forward: reports (end, edits) for text[?, end) against the whole pattern, any start (search).
 * Reverse + anchored: walks back from `hi`; reports (start, edits) for text[start, hi).
 * Calls `hit` only when edits ≤ k. Work: (hi − lo) × ⌈m / 32⌉ word operations.
 */
function myers(
  pattern: Compiled, text: string, lo: number, hi: number, reverse: boolean, anchored: boolean, k: number,
  hit: (boundary: number, edits: number) => void,
): void {
  const { blocks, rows, masks } = pattern;
  const P = new Int32Array(blocks).fill(-1);
  const M = new Int32Array(blocks);
  const lastBit = (pattern.length - 1) & 31;
  let edits = pattern.length;
  for (let step = 0; step < hi - lo; step++) {
    const pos = reverse ? hi - 1 - step : lo + step;
    const row = rows[text.charCodeAt(pos)]! * blocks;
    // Row 0 is 0 everywhere when searching, and j (one more per column) when the start is anchored.
    let hin = anchored ? 1 : 0;
    for (let b = 0; b < blocks; b++) {
      const pv = P[b]!;
      const mv = M[b]!;
      let eq = masks[row + b]!;
      const xv = eq | mv;
      if (hin < 0) eq |= 1;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const bit = b === blocks - 1 ? lastBit : 31;
      const hout = ((ph >>> bit) & 1) - ((mh >>> bit) & 1);
      ph = (ph << 1) | (hin > 0 ? 1 : 0);
      mh = (mh << 1) | (hin < 0 ? 1 : 0);
      P[b] = mh | ~(xv | ph);
      M[b] = ph & xv;
      hin = hout;
    }
    edits += hin;
    if (edits <= k) hit(reverse ? pos : pos + 1, edits);
  }
}
