// The text of a .docx, read in the parse worker: every check in docx-parts first, then mammoth on a
// zip rebuilt from exactly the parts that were checked (stored, not compressed), so mammoth cannot
// be shown other bytes than the ones counted — whatever tricks the original zip plays.
import mammoth from 'mammoth';
import { zipSync } from 'fflate';
import { DomainError } from '../domain/errors.ts';
import { checkDocxComplexity, readDocxParts } from './docx-parts.ts';
import { invalidDocx, tooComplex } from './import-errors.ts';
import { MAX_TEXT_CHARS } from './upload-limits.ts';

/** The raw text of the paragraphs, as mammoth gives it. Throws domain errors only. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const parts = await readDocxParts(bytes);
  checkDocxComplexity(parts);
  const checked = zipSync(Object.fromEntries(parts), { level: 0 });
  parts.clear();
  let text: string;
  try {
    text = (await mammoth.extractRawText({ buffer: Buffer.from(checked.buffer, checked.byteOffset, checked.byteLength) })).value;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw invalidDocx();
  }
  if (text.length > MAX_TEXT_CHARS) throw tooComplex('för mycket text');
  return text;
}
