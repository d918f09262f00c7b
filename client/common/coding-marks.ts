// How a family's codings show on its page: each coding as a "mark" (its code's name, colour and stripe
// pattern, and whether the user may remove it), grouped by the segment it codes (an annotation, a passage
// of the case file, a reflection or a passage of one), and passages placed in the reader block they start
// in. Pure functions, tested without a browser.
// Example: const segs = segmentsOf(codings, codeStyles(codes), { id: user.id, lead: false });
//          placeCodings(blocks, owner, segs).get(block.key)?.passages
import { lastStartingAtOrBefore } from '../../server/domain/sorted-spans.ts';
import type { AnnotationView, CodingTargetInput, CodingView } from '../../server/domain/types.ts';
import { segmentKey } from '../../server/domain/codebook.ts';
import type { Block } from './chronology.ts';

/** How many stripe patterns there are; codes take them in codebook order, so neighbours differ. */
export const PATTERNS = 4;

/** What a code looks like: name, colour, stripe pattern (0…PATTERNS-1) and place in the codebook. */
export interface CodeStyle {
  name: string;
  color: string;
  pattern: number;
  order: number;
}

/** One coding as shown. */
export interface CodeMark {
  coding: CodingView;
  name: string;
  color: string;
  pattern: number;
  /** The user's own coding, or the user is the lead; never in a closed study. */
  removable: boolean;
}

/** One coded segment with its codes, in codebook order. */
export interface MarkedSegment {
  /** The server's segment key (one code per segment). */
  key: string;
  /** What to send to code this segment with one more code (offsets where the text is now). */
  target: CodingTargetInput;
  /** The coded text of a passage (of a document or a reflection); '' for an annotation or a whole reflection. */
  exact: string;
  /** Where a passage starts now; null for the rest, and for a passage that is no longer found. */
  start: number | null;
  marks: CodeMark[];
}

/** What one reader block shows: coded passages starting in it, and the codes of its annotation cards. */
export interface BlockCodings {
  passages: MarkedSegment[];
  /** Annotation id → its codes (only annotations whose card is in this block and that are coded). */
  annotations: Map<string, CodeMark[]>;
  /** Changes whenever anything shown changes; equal signatures keep the previous object (no re-render). */
  signature: string;
}

const FALLBACK_COLOR = '#7b8494';

/** Code id → how it looks, for codes in codebook order (as GET /codes lists them). */
export function codeStyles(codes: readonly { id: string; name: string; color: string }[]): Map<string, CodeStyle> {
  return new Map(codes.map((c, i) => [c.id, { name: c.name, color: c.color || FALLBACK_COLOR, pattern: i % PATTERNS, order: i }]));
}

/** The segment key of what the client sends, in the server's format (see segmentKey). */
export function inputKey(target: CodingTargetInput): string {
  switch (target.type) {
    case 'annotation':
      return `a:${target.id}`;
    case 'passage':
      return `p:${target.documentId}:${target.start}-${target.end}`;
    case 'reflection':
      return `r:${target.familyId}:${target.key}:${target.start !== undefined && target.end !== undefined ? `${target.start}-${target.end}` : '*'}`;
  }
}

/** The target that codes a coding's segment again, at the segment's current place. */
function targetOf(c: CodingView): CodingTargetInput {
  const t = c.target;
  const s = c.segment;
  if (t.type === 'annotation') return { type: 'annotation', id: t.id };
  const start = s.start ?? 0;
  if (t.type === 'passage') return { type: 'passage', documentId: t.documentId, start, end: start + s.text.length, exact: s.text };
  if (!t.passage) return { type: 'reflection', familyId: t.familyId, key: t.key };
  return { type: 'reflection', familyId: t.familyId, key: t.key, start, end: start + s.text.length, exact: s.text };
}

/**
 * The codings grouped by segment; each segment's marks in codebook order (unknown codes last).
 * `user.readonly`: the user may not write (a closed study), so no mark is removable.
 */
export function segmentsOf(codings: readonly CodingView[], styles: Map<string, CodeStyle>,
  user: { id: string; lead: boolean; readonly?: boolean }): Map<string, MarkedSegment> {
  const out = new Map<string, MarkedSegment>();
  for (const c of codings) {
    const key = segmentKey(c.target);
    let seg = out.get(key);
    if (!seg) {
      const passage = c.target.type === 'passage' || (c.target.type === 'reflection' && c.target.passage !== null);
      seg = { key, target: targetOf(c), exact: passage ? c.segment.text : '', start: passage && !c.segment.orphan ? c.segment.start : null, marks: [] };
      out.set(key, seg);
    }
    const style = styles.get(c.codeId);
    seg.marks.push({
      coding: c,
      name: style?.name ?? c.codeName,
      color: style?.color ?? FALLBACK_COLOR,
      pattern: style?.pattern ?? 0,
      removable: !user.readonly && (c.createdBy === user.id || user.lead),
    });
  }
  const order = (m: CodeMark) => styles.get(m.coding.codeId)?.order ?? Number.MAX_SAFE_INTEGER;
  for (const seg of out.values()) seg.marks.sort((a, b) => order(a) - order(b) || a.coding.createdAt.localeCompare(b.coding.createdAt));
  return out;
}

/** The code ids already on a segment (the picker shows them as done). */
export function appliedCodes(segments: Map<string, MarkedSegment>, key: string): Set<string> {
  return new Set(segments.get(key)?.marks.map((m) => m.coding.codeId) ?? []);
}

/** One reflection's codings: whole, and passages in text order. */
export function reflectionCodings(segments: Map<string, MarkedSegment>, familyId: string, key: string): { whole: MarkedSegment | null; passages: MarkedSegment[] } {
  const prefix = `r:${familyId}:${key}:`;
  let whole: MarkedSegment | null = null;
  const passages: MarkedSegment[] = [];
  for (const seg of segments.values()) {
    if (!seg.key.startsWith(prefix)) continue;
    if (seg.key === `${prefix}*`) whole = seg;
    else passages.push(seg);
  }
  passages.sort((a, b) => (a.start ?? -1) - (b.start ?? -1));
  return { whole, passages };
}

/** The block of `documentId` containing `pos`, by binary search over its blocks sorted by start. */
function blockAt(sorted: readonly Block[], pos: number): Block | undefined {
  const found = sorted[lastStartingAtOrBefore(sorted, pos)];
  return found && pos < found.end ? found : undefined;
}

const signatureOf = (marks: readonly CodeMark[]) => marks.map((m) => `${m.coding.id}/${m.name}/${m.color}/${m.pattern}/${m.removable ? 1 : 0}`).join(',');

/**
 * Block key → what the block shows of the codings: passage segments by the block their (current) start
 * lies in, and the codes of annotations whose cards the block holds (`owner`, as placeAnnotations gives it).
 * An entry whose content is unchanged from `previous` is that same object, so a reader re-renders only the
 * blocks whose codings changed. Passages that are no longer found are left out.
 */
export function placeCodings(
  blocks: readonly Block[],
  owner: ReadonlyMap<string, readonly AnnotationView[]>,
  segments: Map<string, MarkedSegment>,
  previous: ReadonlyMap<string, BlockCodings> = new Map(),
): Map<string, BlockCodings> {
  const byDoc = new Map<string, Block[]>();
  for (const b of blocks) {
    const list = byDoc.get(b.documentId);
    if (list) list.push(b);
    else byDoc.set(b.documentId, [b]);
  }
  for (const list of byDoc.values()) list.sort((a, b) => a.start - b.start);

  const passages = new Map<string, MarkedSegment[]>();
  for (const seg of segments.values()) {
    if (seg.target.type !== 'passage' || seg.start === null) continue;
    const block = blockAt(byDoc.get(seg.target.documentId) ?? [], seg.start);
    if (!block) continue;
    const list = passages.get(block.key);
    if (list) list.push(seg);
    else passages.set(block.key, [seg]);
  }
  const keys = new Set([...passages.keys(), ...owner.keys()]);
  const out = new Map<string, BlockCodings>();
  for (const key of keys) {
    const list = (passages.get(key) ?? []).sort((a, b) => a.start! - b.start! || a.exact.length - b.exact.length);
    const annotations = new Map<string, CodeMark[]>();
    for (const a of owner.get(key) ?? []) {
      const marks = segments.get(`a:${a.id}`)?.marks;
      if (marks?.length) annotations.set(a.id, marks);
    }
    if (!list.length && !annotations.size) continue;
    const signature = [...list.map((s) => `${s.key}=${signatureOf(s.marks)}`), ...[...annotations].map(([id, m]) => `${id}=${signatureOf(m)}`)].join(';');
    const before = previous.get(key);
    out.set(key, before && before.signature === signature ? before : { passages: list, annotations, signature });
  }
  return out;
}
