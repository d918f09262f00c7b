// What the lead sees before an import is committed: how many details of each kind will be replaced
// and each replaced passage in its context, so that missed names can be added and the import run
// again. The original text is only ever held in memory for this and shown to the lead; nothing here
// is meant to be stored.
import { PSEUDONYM_KINDS, type PseudonymKind, type Replacement } from './pseudonymise.ts';

/** One replaced passage of the original text, with some text either side. */
export interface PreviewPassage {
  kind: PseudonymKind;
  pseudonym: string;
  /** Offsets into the original text. */
  start: number;
  end: number;
  before: string;
  original: string;
  after: string;
}

export interface ReplacementPreview {
  /** Replacements per kind, every kind present (0 when none). */
  counts: Record<PseudonymKind, number>;
  /** The first `limit` passages in text order. */
  passages: PreviewPassage[];
  /** Whether passages were left out because there were more than `limit`. */
  truncated: boolean;
}

/** Passages shown at most, so a long case file does not produce a preview too large to read. */
export const PREVIEW_PASSAGE_LIMIT = 500;

// Never cut a surrogate pair in half at the edge of a context.
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

function contextBefore(text: string, at: number, chars: number): string {
  let from = Math.max(0, at - chars);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
  return text.slice(from, at);
}

function contextAfter(text: string, at: number, chars: number): string {
  let to = Math.min(text.length, at + chars);
  if (to < text.length && isHighSurrogate(text.charCodeAt(to - 1))) to--;
  return text.slice(at, to);
}

/**
 * Counts and passages for the lead's preview of `pseudonymise(original, …)`. Context is taken from
 * the original text, `contextChars` on each side. Example: for 'Ring 070-123 45 67 i dag.' the one
 * passage is `{ kind: 'telefon', before: 'Ring ', original: '070-123 45 67', after: ' i dag.', … }`.
 */
export function previewReplacements(
  original: string,
  result: { replacements: readonly Replacement[] },
  contextChars = 40,
  limit = PREVIEW_PASSAGE_LIMIT,
): ReplacementPreview {
  const counts = Object.fromEntries(PSEUDONYM_KINDS.map((k) => [k, 0])) as Record<PseudonymKind, number>;
  const passages: PreviewPassage[] = [];
  for (const r of result.replacements) {
    counts[r.kind]++;
    if (passages.length >= limit) continue;
    passages.push({
      kind: r.kind,
      pseudonym: r.pseudonym,
      start: r.start,
      end: r.end,
      before: contextBefore(original, r.start, contextChars),
      original: original.slice(r.start, r.end),
      after: contextAfter(original, r.end, contextChars),
    });
  }
  return { counts, passages, truncated: result.replacements.length > passages.length };
}
