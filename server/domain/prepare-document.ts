// The import pipeline for one case file, as pure steps (DESIGN §2): normalise the text,
// pseudonymise it, split it into dated entries, fingerprint it. Nothing here touches the disk;
// the original text never leaves this function.
import { createHash } from 'node:crypto';
import { detectEntries } from './chronology.ts';
import { normaliseText } from './normalise.ts';
import { pseudonymise, type Replacement } from './pseudonymise.ts';
import type { NameRule } from './pseudonymise-names.ts';
import type { DocumentMeta, Entry } from './types.ts';
import { ValidationError } from './errors.ts';

export interface PreparedDocument {
  /** The normalised original: memory only, for the lead's preview. Never store it. */
  original: string;
  /** Where each replacement was, in `original`. */
  replaced: Replacement[];
  text: string;
  entries: Entry[];
  sha256: string;
  /** Number of replaced identifiers per kind, e.g. { personnummer: 4, telefon: 2 }. */
  replacements: Record<string, number>;
}

export function prepareDocument(raw: string, key: Uint8Array, today: Date, names: readonly NameRule[] = []): PreparedDocument {
  const normalised = normaliseText(raw);
  if (normalised.trim().length === 0) throw new ValidationError('Dokumentet är tomt.', 'empty_document');
  const { text, replacements } = pseudonymise(normalised, key, { today, names });
  const counts: Record<string, number> = {};
  for (const r of replacements) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  return {
    original: normalised,
    replaced: replacements,
    text,
    entries: detectEntries(text, { today }),
    sha256: createHash('sha256').update(text).digest('hex'),
    replacements: counts,
  };
}

/** The metadata listed in study.json for a prepared document. */
export function describeDocument(
  prepared: PreparedDocument,
  at: { id: string; familyId: string; title: string; importedBy: string; now: Date },
): DocumentMeta {
  return {
    id: at.id,
    familyId: at.familyId,
    title: at.title,
    kind: documentKind(prepared.entries),
    date: documentDate(prepared.entries, at.now),
    length: prepared.text.length,
    entryCount: prepared.entries.length,
    sha256: prepared.sha256,
    importedAt: at.now.toISOString(),
    importedBy: at.importedBy,
  };
}

/** A case file with many entries is an 'akt'; a single entry gives the document its kind. */
function documentKind(entries: Entry[]): string {
  if (entries.length > 1) return 'akt';
  return entries[0]?.kind ?? 'ovrigt';
}

/** The earliest entry date, or the import day for an undated document. */
function documentDate(entries: Entry[], today: Date): string {
  let first: string | undefined;
  for (const e of entries) if (!first || e.date < first) first = e.date;
  return first ?? today.toISOString().slice(0, 10);
}
