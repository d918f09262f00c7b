// Builds the family's chronology from its documents: each document is split into blocks by its dated
// entries (text before the first entry is a preamble block), and all blocks are merged by date, stable by
// document order and then offset. Also the per-block text segments for highlighting and the timeline rows.
// Pure functions, no DOM.
import type { AnnotationView, DocumentView, EntryKind } from '../../server/domain/types.ts';

/** One section of the reader: an entry, a document's preamble, or a whole undated document. */
export interface Block {
  /** Unique and stable across renders: `${documentId}:${start}`. */
  key: string;
  documentId: string;
  documentTitle: string;
  start: number;
  end: number;
  /** ISO date YYYY-MM-DD */
  date: string;
  year: number;
  kind: EntryKind | null;
  title: string;
  preamble: boolean;
}

/** A document as the reader needs it: its text, entries and list metadata. */
export interface LoadedDocument {
  view: DocumentView;
  /** ISO date of the document (first entry, or import date) — used for a preamble or an undated document. */
  date: string;
}

/** Splits one document into blocks; gaps between entries belong to the entry before them. */
export function documentBlocks(doc: LoadedDocument): Block[] {
  const { view } = doc;
  const entries = [...view.entries].sort((a, b) => a.start - b.start);
  const blocks: Block[] = [];
  const make = (start: number, end: number, date: string, kind: EntryKind | null, title: string, preamble: boolean) =>
    blocks.push({
      key: `${view.id}:${start}`, documentId: view.id, documentTitle: view.title,
      start, end, date, year: Number(date.slice(0, 4)), kind, title, preamble,
    });
  const first = entries[0];
  if (!first) {
    if (view.text.trim()) make(0, view.text.length, doc.date, null, view.title, true);
    return blocks;
  }
  // Every offset belongs to a block: a blank preamble is folded into the first entry.
  const hasPreamble = first.start > 0 && view.text.slice(0, first.start).trim() !== '';
  if (hasPreamble) make(0, first.start, first.date, null, view.title, true);
  entries.forEach((entry, i) => {
    const start = i === 0 && !hasPreamble ? 0 : entry.start;
    const end = entries[i + 1]?.start ?? view.text.length;
    make(start, Math.max(end, entry.end), entry.date, entry.kind, entry.title, false);
  });
  return blocks;
}

/** All blocks of all documents in date order; ties keep document order, then text order. */
export function buildChronology(docs: LoadedDocument[]): Block[] {
  const tagged = docs.flatMap((doc, d) => documentBlocks(doc).map((block) => ({ block, d })));
  tagged.sort((a, b) =>
    a.block.date < b.block.date ? -1 : a.block.date > b.block.date ? 1 : a.d - b.d || a.block.start - b.block.start,
  );
  return tagged.map((x) => x.block);
}

/** Annotations placed on blocks: `touching` (every block the range overlaps) and `owner` (the block of its start). */
export interface BlockAnnotations {
  touching: Map<string, AnnotationView[]>;
  owner: Map<string, AnnotationView[]>;
  /** Annotations that could not be placed in the text. */
  orphans: AnnotationView[];
}

/** Assigns each annotation to the blocks it overlaps (binary search per document). */
export function placeAnnotations(blocks: Block[], annotations: AnnotationView[]): BlockAnnotations {
  const byDoc = new Map<string, Block[]>();
  for (const b of blocks) {
    const list = byDoc.get(b.documentId) ?? [];
    list.push(b);
    byDoc.set(b.documentId, list);
  }
  for (const list of byDoc.values()) list.sort((a, b) => a.start - b.start);
  const touching = new Map<string, AnnotationView[]>();
  const owner = new Map<string, AnnotationView[]>();
  const orphans: AnnotationView[] = [];
  const push = (map: Map<string, AnnotationView[]>, key: string, a: AnnotationView) => {
    const list = map.get(key);
    if (list) list.push(a);
    else map.set(key, [a]);
  };
  for (const a of annotations) {
    const list = byDoc.get(a.documentId);
    if (a.anchor === 'orphan' || !list) {
      orphans.push(a);
      continue;
    }
    // The last block starting at or before the annotation's start.
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid]!.start <= a.target.start) lo = mid;
      else hi = mid - 1;
    }
    const first = list[lo];
    if (!first || a.target.start < first.start || a.target.start >= first.end) {
      orphans.push(a);
      continue;
    }
    push(owner, first.key, a);
    for (let i = lo; i < list.length && list[i]!.start < Math.max(a.target.end, a.target.start + 1); i++) {
      push(touching, list[i]!.key, a);
    }
  }
  return { touching, owner, orphans };
}

/** A run of block text with the annotations covering all of it, and those ending right after it. */
export interface Segment {
  start: number;
  end: number;
  covering: AnnotationView[];
  endingHere: AnnotationView[];
}

/** Cuts a block's range at every annotation boundary inside it (and at `extraCuts`). */
export function segmentBlock(
  block: Pick<Block, 'start' | 'end'>, annotations: AnnotationView[], extraCuts: number[] = [],
): Segment[] {
  const cuts = new Set<number>([block.start, block.end]);
  for (const c of extraCuts) if (c > block.start && c < block.end) cuts.add(c);
  for (const a of annotations) {
    if (a.target.start > block.start && a.target.start < block.end) cuts.add(a.target.start);
    if (a.target.end > block.start && a.target.end < block.end) cuts.add(a.target.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    segments.push({
      start,
      end,
      covering: annotations.filter((a) => a.target.start < end && a.target.end > start),
      endingHere: annotations.filter((a) => a.target.end === end && a.target.start < end),
    });
  }
  return segments;
}

/** One row of the timeline: a year, its blocks and its annotation counts per question. */
export interface YearRow {
  year: number;
  blocks: Block[];
  /** Dated entries among the blocks (preambles are not entries). */
  entryCount: number;
  counts: Map<string, number>;
}

/** Years from the family's first to last (or this) year, each with its blocks and annotation counts. */
export function buildYears(
  blocks: Block[], owner: Map<string, AnnotationView[]>, activeFrom: string, activeTo: string | null, today: Date,
): YearRow[] {
  const years = blocks.map((b) => b.year).filter((y) => Number.isFinite(y));
  const from = Math.min(Number(activeFrom.slice(0, 4)) || Infinity, ...years);
  const toYear = activeTo ? Number(activeTo.slice(0, 4)) : today.getFullYear();
  const to = Math.max(Number.isFinite(toYear) ? toYear : -Infinity, ...years);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return [];
  const rows = new Map<number, YearRow>();
  for (let y = from; y <= to; y++) rows.set(y, { year: y, blocks: [], entryCount: 0, counts: new Map() });
  for (const b of blocks) {
    const row = rows.get(b.year);
    if (!row) continue;
    row.blocks.push(b);
    if (!b.preamble) row.entryCount++;
    for (const a of owner.get(b.key) ?? []) row.counts.set(a.questionId, (row.counts.get(a.questionId) ?? 0) + 1);
  }
  return [...rows.values()];
}

/** Counts annotations by question id. */
export function countByQuestion(annotations: AnnotationView[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const a of annotations) counts.set(a.questionId, (counts.get(a.questionId) ?? 0) + 1);
  return counts;
}

/**
 * While some documents are loaded only up to their head: the blocks that keep their place once the rest
 * arrives, i.e. those dated before the last loaded block of every such document (entries run in date
 * order). All blocks if that would leave none.
 */
export function settledBlocks(blocks: Block[], partial: ReadonlySet<string>): Block[] {
  if (!partial.size) return blocks;
  const last = new Map<string, string>();
  for (const b of blocks) if (partial.has(b.documentId) && b.date > (last.get(b.documentId) ?? '')) last.set(b.documentId, b.date);
  const cutoff = [...last.values()].reduce((min, d) => (d < min ? d : min), '9999-12-31');
  const settled = blocks.filter((b) => b.date < cutoff);
  return settled.length ? settled : blocks;
}
