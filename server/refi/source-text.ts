// An imported source's text through the same pipeline as any case file (prepareDocument: normalise,
// pseudonymise, find the dated entries), with the selections' positions carried along. REFI-QDA
// positions are code points in the original; ours are UTF-16 offsets in the stored text, so each
// position is converted, moved through the normalisation (done piece by piece between positions, so
// every position has an exact place) and then through each replacement: a boundary inside a replaced
// span moves to the pseudonym's edge, so the selection keeps the whole pseudonym.
import { normaliseText } from '../domain/normalise.ts';
import { prepareDocument, type PreparedDocument } from '../domain/prepare-document.ts';
import type { Replacement } from '../domain/pseudonymise.ts';
import { utf16Offsets } from './code-points.ts';

export interface SourceSpan {
  /** Code points in the raw text. */
  start: number;
  end: number;
}

export interface PreparedSource {
  prepared: PreparedDocument;
  /** For each span given, its [start, end) in the stored text, or null when it is empty or out of range. */
  spans: ({ start: number; end: number } | null)[];
}

export function prepareSource(raw: string, spans: readonly SourceSpan[], key: Uint8Array, today: Date): PreparedSource {
  const points = utf16Offsets(raw);
  const toUnits = (p: number) => (Number.isInteger(p) && p >= 0 ? points[Math.min(p, points.length - 1)]! : -1);
  const units = spans.map((s) => ({ start: toUnits(s.start), end: toUnits(s.end) }));
  const cuts = [...new Set(units.flatMap((u) => [u.start, u.end]).filter((o) => o > 0 && o < raw.length))].sort((a, b) => a - b);

  // Normalising piece by piece keeps every cut at a known place; re-normalising the whole (in
  // prepareDocument) changes nothing unless a cut split a combining sequence or a CR LF pair.
  const normalisedAt = new Map<number, number>([[0, 0], [raw.length, 0]]);
  let normalised = '';
  let from = 0;
  for (const cut of [...cuts, raw.length]) {
    normalised += from === 0 ? normaliseText(raw.slice(0, cut)) : normaliseText(raw.slice(from, cut)).replace(/^\uFEFF/, '');
    normalisedAt.set(cut, normalised.length);
    from = cut;
  }
  const prepared = prepareDocument(normalised, key, today);
  const exact = prepared.original === normalised;
  const mapped = units.map((u) => {
    if (!exact || u.start < 0 || u.end < 0 || u.end <= u.start) return null;
    const start = moveThrough(prepared.replaced, normalisedAt.get(u.start)!, 'start');
    const end = moveThrough(prepared.replaced, normalisedAt.get(u.end)!, 'end');
    return end > start ? { start, end } : null;
  });
  return { prepared, spans: mapped };
}

/** An offset in the normalised text moved to the pseudonymised one. */
export function moveThrough(replaced: readonly Replacement[], offset: number, side: 'start' | 'end'): number {
  let shift = 0;
  for (const r of replaced) {
    if (offset <= r.start) break;
    if (offset < r.end) return r.start + shift + (side === 'start' ? 0 : r.pseudonym.length);
    shift += r.pseudonym.length - (r.end - r.start);
  }
  return offset + shift;
}
