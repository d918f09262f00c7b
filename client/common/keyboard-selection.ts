// The reader's keyboard selection as pure offset arithmetic: which sentence or word comes next, and how a
// selection grows or shrinks by a sentence or a word. A selection has an anchor (the span it started from)
// and a focus (its moving end); the selected text runs from the anchor to the focus, whitespace trimmed.
// Example: extend(text, { anchor: s[1], focus: s[1].end }, s, 1) → the selection of sentences 1 and 2.
import type { Span } from './text-segments.ts';

/** A selection made by keyboard inside one block. */
export interface KeySelection {
  /** The span the selection started from; it stays selected while the focus moves. */
  anchor: Span;
  /** The moving end, a text offset. */
  focus: number;
}

/** The text a selection covers, without leading or trailing whitespace; null when that is empty. */
export function selectedSpan(text: string, sel: KeySelection): Span | null {
  let start = Math.min(sel.anchor.start, sel.focus);
  let end = Math.max(sel.anchor.end, sel.focus);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : null;
}

/** A selection of exactly `span`, its focus at the end. */
export function selectionOf(span: Span): KeySelection {
  return { anchor: span, focus: span.end };
}

/**
 * The unit after (dir 1: the first starting at or after `at.end`) or before (dir -1: the last ending at or
 * before `at.start`) the span `at`; null when there is none in `units`.
 */
export function step(units: Span[], at: Span, dir: 1 | -1): Span | null {
  if (dir > 0) return units.find((u) => u.start >= at.end) ?? null;
  for (let i = units.length - 1; i >= 0; i--) if (units[i]!.end <= at.start) return units[i]!;
  return null;
}

/**
 * Moves the focus to the next unit end (dir 1) or the previous unit start (dir -1) that changes the selected
 * text; null when the selection cannot change that way (the block ends). `byPoint`: the anchor first shrinks
 * to its end opposite the focus, so the selection can also shrink within the anchor (word steps).
 */
export function extend(text: string, sel: KeySelection, units: Span[], dir: 1 | -1, byPoint = false): KeySelection | null {
  let anchor = sel.anchor;
  if (byPoint && anchor.end > anchor.start) {
    const at = sel.focus <= anchor.start ? anchor.end : anchor.start;
    anchor = { start: at, end: at };
  }
  const current = selectedSpan(text, sel);
  const stops = dir > 0
    ? units.map((u) => u.end).filter((p) => p > sel.focus)
    : units.map((u) => u.start).filter((p) => p < sel.focus).reverse();
  for (const focus of stops) {
    const next = { anchor, focus };
    const span = selectedSpan(text, next);
    if (span && (!current || span.start !== current.start || span.end !== current.end)) return next;
  }
  return null;
}
