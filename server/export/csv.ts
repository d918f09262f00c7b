// CSV for Excel and R: RFC 4180 quoting, UTF-8 with BOM (so Excel reads å ä ö), CRLF, and cells
// that start with a formula character prefixed with ' so a spreadsheet never runs them (OWASP).
// The delimiter is `,` unless a caller asks for `;` (what Swedish Excel expects).

import { ValidationError } from '../domain/errors.ts';
import { yieldToEventLoop } from '../workers/event-loop.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvDelimiter = ',' | ';';

export interface CsvOptions {
  delimiter?: CsvDelimiter;
}

/** One cell: formula characters neutralised, quoted when needed (either delimiter is always quoted). */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document from a header row and data rows. */
export function toCsv(header: string[], rows: unknown[][], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvCell).join(delimiter)).join('\r\n') + '\r\n';
}

/** Rows written and encoded between turns of the event loop (see csvChunks). */
const ROWS_PER_CHUNK = 2000;

/**
 * toCsv's document as UTF-8 chunks, a slice of rows at a time with the event loop let through between
 * slices: the annotations of a large study are tens of megabytes, and writing and encoding them in
 * one go held the server for a tenth of a second on the bench study.
 */
export async function csvChunks(header: string[], rows: unknown[][], options: CsvOptions = {}): Promise<Uint8Array[]> {
  const delimiter = options.delimiter ?? ',';
  const encoder = new TextEncoder();
  const line = (row: unknown[]) => row.map(csvCell).join(delimiter) + '\r\n';
  const chunks = [encoder.encode('\uFEFF' + line(header))];
  for (let i = 0; i < rows.length; i += ROWS_PER_CHUNK) {
    await yieldToEventLoop();
    chunks.push(encoder.encode(rows.slice(i, i + ROWS_PER_CHUNK).map(line).join('')));
  }
  return chunks;
}

/** `delimiter=comma` asks for `,`; `semicolon` or nothing gives the Swedish Excel default `;`. */
export function delimiterParam(value: string | undefined): CsvDelimiter {
  if (value === undefined || value === '' || value === 'semicolon') return ';';
  if (value === 'comma') return ',';
  throw new ValidationError('Avgränsaren kan vara comma eller semicolon.', 'bad_delimiter');
}
