// The import pipeline for one case file, as pure steps (DESIGN §2): normalise the text,
// pseudonymise it, split it into dated entries, fingerprint it. Nothing here touches the disk;
// the original text never leaves this function.
import { createHash } from 'node:crypto';
import { detectEntries } from './chronology.ts';
import { normaliseText } from './normalise.ts';
import { pseudonymise } from './pseudonymise.ts';
import type { Entry } from './types.ts';
import { ValidationError } from './errors.ts';

export interface PreparedDocument {
  text: string;
  entries: Entry[];
  sha256: string;
  /** Number of replaced identifiers per kind, e.g. { personnummer: 4, telefon: 2 }. */
  replacements: Record<string, number>;
}

export function prepareDocument(raw: string, key: Uint8Array, today: Date): PreparedDocument {
  const normalised = normaliseText(raw);
  if (normalised.trim().length === 0) throw new ValidationError('Dokumentet är tomt.', 'empty_document');
  const { text, replacements } = pseudonymise(normalised, key, { today });
  const counts: Record<string, number> = {};
  for (const r of replacements) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  return {
    text,
    entries: detectEntries(text, { today }),
    sha256: createHash('sha256').update(text).digest('hex'),
    replacements: counts,
  };
}

/** A case file with many entries is an 'akt'; a single entry gives the document its kind. */
export function documentKind(entries: Entry[]): string {
  if (entries.length > 1) return 'akt';
  return entries[0]?.kind ?? 'ovrigt';
}

/** The earliest entry date, or the import day for an undated document. */
export function documentDate(entries: Entry[], today: Date): string {
  let first: string | undefined;
  for (const e of entries) if (!first || e.date < first) first = e.date;
  return first ?? today.toISOString().slice(0, 10);
}
