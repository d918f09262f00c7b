// The free texts of an imported project (memo titles and bodies, reflections, annotation comments, code
// names and descriptions, questions, the study's description) through the same pseudonymisation as the
// documents, so that no stored text holds an identifying detail from the file. One-line names go through
// the title filter (prepareTitle: whitespace collapsed, cut without cutting a pseudonym); longer texts keep
// their lines and are normalised like a document.
import { normaliseText } from '../domain/normalise.ts';
import { prepareTitle } from '../domain/prepare-document.ts';
import { pseudonymise } from '../domain/pseudonymise.ts';
import { prepareSource, type SourceSpan } from './source-text.ts';

/** A multi-line text (memo body, comment, description) normalised and pseudonymised, lines kept. */
export function pseudonymiseFreeText(raw: string, key: Uint8Array, today: Date): string {
  if (!raw) return raw;
  return pseudonymise(normaliseText(raw), key, { today }).text;
}

/** A one-line name (memo title, code name, question label), pseudonymised and cut to `max`. */
export function pseudonymiseName(raw: string, key: Uint8Array, today: Date, max = 200): string {
  return prepareTitle(raw, key, today).slice(0, max).trim();
}

/**
 * A note's text (a reflection) pseudonymised with its selections' code-point spans moved along, as for a
 * source (source-text.ts); an empty text keeps no selections.
 */
export function pseudonymiseNote(raw: string, spans: readonly SourceSpan[], key: Uint8Array, today: Date): { text: string; spans: ({ start: number; end: number } | null)[] } {
  if (!raw.trim()) return { text: normaliseText(raw), spans: spans.map(() => null) };
  const { prepared, spans: moved } = prepareSource(raw, spans, key, today);
  return { text: prepared.text, spans: moved };
}
