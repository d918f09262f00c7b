// The import pipeline for one case file, as pure steps: normalise the text,
// pseudonymise it, split it into dated entries, fingerprint it. Nothing here touches the disk;
// the original text never leaves this function.
import { createHash } from 'node:crypto';
import { detectEntries } from './chronology.ts';
import { normaliseText } from './normalise.ts';
import { pseudonymise, pseudonymiser, type Replacement } from './pseudonymise.ts';
import { GrowingBytes } from './growing-bytes.ts';
import { textWindows } from './text-windows.ts';
import type { NameRule } from './pseudonymise-names.ts';
import type { DocumentMeta, Entry } from './types.ts';
import { ValidationError } from './errors.ts';

export interface PreparedDocument {
  /** The normalised original: memory only, for the lead's preview. Never store it. */
  original: string;
  /** Where each replacement was, in `original`. */
  replaced: Replacement[];
  text: string;
  /** The text's length in characters (UTF-16 code units, as every offset counts). */
  length: number;
  entries: Entry[];
  sha256: string;
  /** Number of replaced identifiers per kind, e.g. { personnummer: 4, telefon: 2 }. */
  replacements: Record<string, number>;
}

/** The steps for `raw` (a text, or a text file's bytes as UTF-8). */
export function prepareDocument(raw: string | Uint8Array, key: Uint8Array, today: Date, names: readonly NameRule[] = []): PreparedDocument {
  const { textBytes: _bytes, ...prepared } = prepareWindows(raw, key, today, names, true);
  return prepared;
}

/** prepareDocument's result as it is stored: see StorablePrepared. */
export function prepareStorable(raw: string | Uint8Array, key: Uint8Array, today: Date, names: readonly NameRule[] = []): StorablePrepared {
  const { original: _original, replaced: _replaced, text: _text, ...stored } = prepareWindows(raw, key, today, names, false);
  return stored;
}

/**
 * The steps, a window of the text at a time (text-windows.ts), the stored text encoded as it is made.
 * `whole`: also the original and the pseudonymised text as strings (the lead's preview needs them;
 * storing does not).
 */
function prepareWindows(raw: string | Uint8Array, key: Uint8Array, today: Date, names: readonly NameRule[], whole: boolean): PreparedDocument & { textBytes: Uint8Array } {
  const pseudonymiseWindow = pseudonymiser(key, { today, names });
  const originals: string[] = [];
  const texts: string[] = [];
  const replaced: Replacement[] = [];
  const counts: Record<string, number> = {};
  const entries: Entry[] = [];
  // Room to spare (pseudonyms can be longer than what they replace, å is two bytes): pages never
  // written cost nothing.
  const bytes = new GrowingBytes((typeof raw === 'string' ? raw.length : raw.byteLength) * 1.25 + 4096);
  let blank = true;
  let originalAt = 0;
  let length = 0;
  for (const window of textWindows(raw)) {
    const normalised = normaliseText(window);
    blank &&= !/\S/.test(normalised);
    const { text, replacements } = pseudonymiseWindow(normalised);
    for (const r of replacements) {
      counts[r.kind] = (counts[r.kind] ?? 0) + 1;
      if (whole) replaced.push({ ...r, start: r.start + originalAt, end: r.end + originalAt });
    }
    for (const e of detectEntries(text, { today })) entries.push({ ...e, start: e.start + length });
    bytes.append(text);
    if (whole) {
      originals.push(normalised);
      texts.push(text);
    }
    originalAt += normalised.length;
    length += text.length;
  }
  if (blank) throw new ValidationError('Dokumentet är tomt.', 'empty_document');
  // An entry runs to the next one's heading, which may be in a later window, or to the end.
  entries.forEach((e, i) => (e.end = entries[i + 1]?.start ?? length));
  const textBytes = bytes.view();
  return {
    original: originals.join(''),
    replaced,
    text: texts.join(''),
    length,
    entries,
    sha256: createHash('sha256').update(textBytes).digest('hex'),
    replacements: counts,
    textBytes,
  };
}

/** Longest title stored for a document. */
export const TITLE_MAX = 200;

/**
 * A line of text shown about a document (its title, its file name) as it may be stored and shown:
 * whitespace collapsed to single spaces and pseudonymised like the text (personal numbers, phone
 * numbers, e-mail, addresses, the family's listed names), then cut to `max` characters without
 * cutting a pseudonym. Underscores separate words in file names, so detectors see them as spaces.
 */
function pseudonymiseLine(raw: string, key: Uint8Array, today: Date, names: readonly NameRule[], max: number): string {
  const line = normaliseText(raw).replace(/\s+/g, ' ').trim();
  // Same length with spaces for underscores, so the offsets found apply to `line` itself.
  const { replacements } = pseudonymise(line.replace(/_/g, ' '), key, { today, names });
  let out = '';
  let at = 0;
  for (const r of replacements) {
    out += line.slice(at, r.start);
    if (out.length + r.pseudonym.length > max) return out.slice(0, max).trimEnd();
    out += r.pseudonym;
    at = r.end;
  }
  return (out + line.slice(at)).slice(0, max).trimEnd();
}

/**
 * A document title, typed by the lead or taken from the file name, as stored and shown.
 * Example: `prepareTitle('Utredning 19880808-5552', key, today)` → `'Utredning [PNR-…]'`.
 */
export function prepareTitle(raw: string, key: Uint8Array, today: Date, names: readonly NameRule[] = []): string {
  return pseudonymiseLine(raw, key, today, names, TITLE_MAX);
}

/** The title a file gives a document when none is typed: its name without the extension. */
export function titleFromFileName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '');
}

/**
 * An uploaded file's name as shown back: pseudonymised like a title, the extension kept.
 * Example: `prepareFileName('anna@exempel.se.txt', key, today)` → `'[E-POST-…].txt'`.
 */
export function prepareFileName(fileName: string, key: Uint8Array, today: Date, names: readonly NameRule[] = []): string {
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(fileName)?.[0] ?? '';
  return pseudonymiseLine(fileName.slice(0, fileName.length - extension.length), key, today, names, TITLE_MAX) + extension;
}

/**
 * What is stored of a prepared document: its text as UTF-8, as it is written (a worker moves the bytes to
 * the main thread instead of copying a string that the main thread would only encode again), without the
 * original text and where its replacements were.
 */
export type StorablePrepared = Omit<PreparedDocument, 'original' | 'replaced' | 'text'> & { textBytes: Uint8Array };

/** The metadata listed in study.json for a prepared document. */
export function describeDocument(
  prepared: Pick<PreparedDocument, 'length' | 'entries' | 'sha256'>,
  at: { id: string; familyId: string; title: string; importedBy: string; now: Date },
): DocumentMeta {
  return {
    id: at.id,
    familyId: at.familyId,
    title: at.title,
    kind: documentKind(prepared.entries),
    date: documentDate(prepared.entries, at.now),
    length: prepared.length,
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
