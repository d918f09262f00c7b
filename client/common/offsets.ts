// Maps a DOM selection in the reader back to offsets in the document text.
// The reader renders text as spans carrying their start offset (`data-o`) inside a block element
// (`data-block`, `data-start`, `data-end`); everything else in a block (heading, badges, margin cards) is
// decoration and counts as zero-width. Pure functions over a minimal node interface, so they can be tested
// without a browser.

/** The part of a DOM node these functions read. */
export interface NodeLike {
  nodeType: number;
  parentNode: NodeLike | null;
  childNodes: ArrayLike<NodeLike>;
  nextSibling: NodeLike | null;
  textContent: string | null;
  getAttribute?(name: string): string | null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** A boundary resolved to a block and a position in its document's text. */
export interface BlockPoint {
  block: string;
  start: number;
  end: number;
  pos: number;
}

export type SelectionResult =
  | { kind: 'none' }
  | { kind: 'cross-block' }
  | { kind: 'ok'; block: string; start: number; end: number };

function attr(node: NodeLike, name: string): string | null {
  return node.nodeType === ELEMENT_NODE && node.getAttribute ? node.getAttribute(name) : null;
}

function findBlock(node: NodeLike | null): NodeLike | null {
  for (let n = node; n; n = n.parentNode) if (attr(n, 'data-block') !== null) return n;
  return null;
}

/** The nearest `data-o` span at or above `node`, not leaving the block. */
function findSpan(node: NodeLike, block: NodeLike): NodeLike | null {
  for (let n: NodeLike | null = node; n && n !== block; n = n.parentNode) if (attr(n, 'data-o') !== null) return n;
  return null;
}

/** The first `data-o` span inside `node` (pre-order), or null. */
function firstSpanWithin(node: NodeLike): NodeLike | null {
  if (attr(node, 'data-o') !== null) return node;
  const kids = node.childNodes;
  for (let i = 0; i < kids.length; i++) {
    const found = firstSpanWithin(kids[i]!);
    if (found) return found;
  }
  return null;
}

/** The first span at or after `node` in document order within `block`; null when the block ends first. */
function spanFrom(node: NodeLike | null, parent: NodeLike | null, block: NodeLike): NodeLike | null {
  let n = node;
  let p = parent;
  for (;;) {
    for (; n; n = n.nextSibling) {
      const found = firstSpanWithin(n);
      if (found) return found;
    }
    if (!p || p === block) return null;
    n = p.nextSibling;
    p = p.parentNode;
  }
}

/** Text offset of a point inside a span: the span's start plus the text before the point within it. */
function offsetInSpan(span: NodeLike, node: NodeLike, offset: number): number {
  const base = Number(attr(span, 'data-o'));
  let before = 0;
  let done = false;
  const walk = (n: NodeLike): void => {
    if (done) return;
    if (n === node) {
      if (n.nodeType === TEXT_NODE) before += offset;
      else for (let i = 0; i < offset && i < n.childNodes.length; i++) before += textLength(n.childNodes[i]!);
      done = true;
      return;
    }
    if (n.nodeType === TEXT_NODE) before += n.textContent?.length ?? 0;
    else for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]!);
  };
  walk(span);
  return base + before;
}

function textLength(n: NodeLike): number {
  if (n.nodeType === TEXT_NODE) return n.textContent?.length ?? 0;
  if (n.nodeType !== ELEMENT_NODE) return 0;
  let len = 0;
  for (let i = 0; i < n.childNodes.length; i++) len += textLength(n.childNodes[i]!);
  return len;
}

/**
 * Resolves one selection boundary (a DOM point: container node + offset) to a position in the text of
 * the block it lies in, or null when it is outside every block.
 */
export function pointToOffset(node: NodeLike, offset: number): BlockPoint | null {
  const block = findBlock(node);
  if (!block) return null;
  const key = attr(block, 'data-block')!;
  const start = Number(attr(block, 'data-start'));
  const end = Number(attr(block, 'data-end'));
  const at = (pos: number): BlockPoint => ({ block: key, start, end, pos: Math.min(Math.max(pos, start), end) });
  const span = findSpan(node, block);
  if (span) return at(offsetInSpan(span, node, offset));
  // A point in decoration: it sits where the next text span begins (or at the block's end).
  let next: NodeLike | null;
  if (node.nodeType === ELEMENT_NODE) {
    const child = node.childNodes[offset];
    if (child) next = spanFrom(child, node, block);
    else next = node === block ? null : spanFrom(node.nextSibling, node.parentNode, block);
  } else {
    next = spanFrom(node.nextSibling, node.parentNode, block);
  }
  return at(next ? Number(attr(next, 'data-o')) : end);
}

/**
 * Resolves a selection range (start and end boundaries, in document order) to a range inside one block.
 * A range that ends exactly at the start of the next block (a triple click does that) is kept in its first
 * block; any other range over two blocks is `cross-block`.
 */
export function rangeToOffsets(
  startNode: NodeLike, startOffset: number, endNode: NodeLike, endOffset: number,
): SelectionResult {
  const a = pointToOffset(startNode, startOffset);
  const b = pointToOffset(endNode, endOffset);
  if (!a && !b) return { kind: 'none' };
  if (!a || !b) return { kind: 'cross-block' };
  if (a.block !== b.block) {
    if (b.pos === b.start && a.end === b.start) return a.pos < a.end ? { kind: 'ok', block: a.block, start: a.pos, end: a.end } : { kind: 'none' };
    if (a.pos === a.end && b.start === a.end) return b.pos > b.start ? { kind: 'ok', block: b.block, start: b.start, end: b.pos } : { kind: 'none' };
    return { kind: 'cross-block' };
  }
  const start = Math.min(a.pos, b.pos);
  const end = Math.max(a.pos, b.pos);
  return end > start ? { kind: 'ok', block: a.block, start, end } : { kind: 'none' };
}

/** Narrows [start, end) so it neither begins nor ends with whitespace; null when nothing is left. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

/** The annotation target for [start, end): the same function the server uses. */
export { makeTarget } from '../../server/domain/anchoring.ts';

/**
 * The DOM point (text node and offset in it) of text position `pos` inside a rendered block: the inverse of
 * pointToOffset. At the border of two spans `bias` picks the end of the first ('end') or the start of the
 * second ('start'). Null when no text span covers `pos`.
 */
export function offsetToPoint(block: NodeLike, pos: number, bias: 'start' | 'end' = 'start'): { node: NodeLike; offset: number } | null {
  let found: { node: NodeLike; offset: number } | null = null;
  const visit = (n: NodeLike, base: number | null, acc: { at: number }): boolean => {
    const o = attr(n, 'data-o');
    if (o !== null) {
      base = Number(o);
      acc = { at: 0 };
    }
    if (n.nodeType === TEXT_NODE && base !== null) {
      const from = base + acc.at;
      const len = n.textContent?.length ?? 0;
      acc.at += len;
      const inside = bias === 'start' ? pos >= from && pos < from + len : pos > from && pos <= from + len;
      if (inside || (!found && pos >= from && pos <= from + len)) found = { node: n, offset: pos - from };
      return inside;
    }
    for (let i = 0; i < n.childNodes.length; i++) if (visit(n.childNodes[i]!, base, acc)) return true;
    return false;
  };
  visit(block, null, { at: 0 });
  return found;
}
