// Text out of an uploaded case file: .txt/.md decoded here, .docx (mammoth) and .pdf (pdfjs) parsed
// in a worker thread (worker-pool.ts) so a hostile file cannot block or kill the server. A file that
// is not what its name says, or is too big or too complex to read, is refused with a domain error.
import { UnsupportedTypeError } from '../domain/errors.ts';
import { decodeTextFile, readTextFile } from '../domain/decode-upload.ts';
import { precheckDocx } from './docx-parts.ts';
import { precheckPdf } from './pdf-precheck.ts';
import type { ProgressCallback } from './pdf-text.ts';
import { parsePool } from './worker-pool.ts';

export type FileKind = 'text' | 'docx' | 'pdf';
export type { ProgressCallback };

export function fileKindOf(name: string): FileKind {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'txt' || ext === 'md' || ext === 'markdown') return 'text';
  if (ext === 'docx') return 'docx';
  if (ext === 'pdf') return 'pdf';
  throw new UnsupportedTypeError('Filtypen stöds inte. Importera .txt, .md, .docx eller .pdf.');
}

/**
 * The cheap checks, for the upload request itself so the client hears 413/415/422 at once: the file
 * kind, its magic number, a PDF's end marker, a zip's declared sizes and entry count (nothing is
 * inflated). Throws the domain error; returns the kind. extractText runs it too.
 */
export async function precheckUpload(name: string, bytes: Uint8Array): Promise<FileKind> {
  const kind = fileKindOf(name);
  if (kind === 'docx') await precheckDocx(bytes);
  if (kind === 'pdf') precheckPdf(bytes);
  return kind;
}

/** The raw (not yet normalised or pseudonymised) text of an uploaded file. */
export async function extractText(name: string, bytes: Uint8Array, onProgress?: ProgressCallback): Promise<string> {
  const kind = await precheckUpload(name, bytes);
  if (kind === 'text') return decodeTextFile(bytes);
  return parsePool.run({ kind, bytes }, onProgress);
}

/** As extractText, but a text file in UTF-8 comes back as its bytes (readTextFile), for the workers to decode. */
export async function extractRawText(name: string, bytes: Uint8Array, onProgress?: ProgressCallback): Promise<string | Uint8Array> {
  const kind = await precheckUpload(name, bytes);
  if (kind === 'text') return readTextFile(bytes);
  return parsePool.run({ kind, bytes }, onProgress);
}
