// Text out of an uploaded case file: .txt/.md as text, .docx through mammoth, .pdf through pdfjs
// (its legacy build, the one that runs on Node 20). A file that is not what its name says is refused.
import mammoth from 'mammoth';
import { UnsupportedTypeError, ValidationError } from '../domain/errors.ts';
import { decodeTextFile } from '../domain/decode-upload.ts';

export type FileKind = 'text' | 'docx' | 'pdf';

/** Reports progress as a fraction 0..1 (PDF pages are the unit of work). */
export type ProgressCallback = (fraction: number) => void;

export function fileKindOf(name: string): FileKind {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'txt' || ext === 'md' || ext === 'markdown') return 'text';
  if (ext === 'docx') return 'docx';
  if (ext === 'pdf') return 'pdf';
  throw new UnsupportedTypeError('Filtypen stöds inte. Importera .txt, .md, .docx eller .pdf.');
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

async function docxText(bytes: Uint8Array): Promise<string> {
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    throw new ValidationError('Filen är inte ett Word-dokument (.docx), trots filnamnet.', 'invalid_docx');
  }
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return value;
  } catch {
    throw new ValidationError('Word-dokumentet kunde inte läsas. Är det skadat?', 'invalid_docx');
  }
}

async function pdfText(bytes: Uint8Array, onProgress?: ProgressCallback): Promise<string> {
  if (!startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    throw new ValidationError('Filen är inte en PDF, trots filnamnet.', 'invalid_pdf');
  }
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  } catch {
    throw new ValidationError('PDF-filen kunde inte läsas. Är den skadad eller lösenordsskyddad?', 'invalid_pdf');
  }
  const pages: string[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      let page = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        page += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(page);
      onProgress?.(n / doc.numPages);
    }
  } finally {
    await doc.destroy();
  }
  const text = pages.join('\n\n');
  if (!text.trim()) {
    throw new ValidationError('PDF-filen innehåller ingen text (den kan vara inskannad). Tolka den med OCR först.', 'empty_document');
  }
  return text;
}

/** The raw (not yet normalised or pseudonymised) text of an uploaded file. */
export async function extractText(name: string, bytes: Uint8Array, onProgress?: ProgressCallback): Promise<string> {
  const kind = fileKindOf(name);
  if (kind === 'docx') return docxText(bytes);
  if (kind === 'pdf') return pdfText(bytes, onProgress);
  return decodeTextFile(bytes);
}
