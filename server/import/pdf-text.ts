// The text of a .pdf, read in the parse worker with pdfjs (its legacy build, the one that runs on
// Node 20), page by page with progress. Whatever pdfjs throws — a broken page tree, a password,
// garbage — ends as a domain error; too many pages or too much text as "too complex".
import { DomainError, ValidationError } from '../domain/errors.ts';
import { invalidPdf, tooComplex } from './import-errors.ts';
import { precheckPdf } from './pdf-precheck.ts';
import { MAX_TEXT_CHARS, PDF_MAX_PAGES } from './upload-limits.ts';

/** Reports progress as a fraction 0..1 (PDF pages are the unit of work). */
export type ProgressCallback = (fraction: number) => void;

const passwordProtected = () =>
  new ValidationError('PDF-filen är lösenordsskyddad. Spara en kopia utan lösenord och försök igen.', 'invalid_pdf');

/** The text of every page, pages separated by a blank line. Throws domain errors only. */
export async function pdfText(bytes: Uint8Array, onProgress?: ProgressCallback): Promise<string> {
  precheckPdf(bytes);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  } catch (error) {
    throw (error as Error)?.name === 'PasswordException' ? passwordProtected() : invalidPdf();
  }
  const pages: string[] = [];
  let length = 0;
  try {
    if (doc.numPages > PDF_MAX_PAGES) throw tooComplex('för många sidor');
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      let page = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        page += item.str + (item.hasEOL ? '\n' : '');
      }
      length += page.length + 2;
      if (length > MAX_TEXT_CHARS) throw tooComplex('för mycket text');
      pages.push(page);
      onProgress?.(n / doc.numPages);
    }
  } catch (error) {
    throw error instanceof DomainError ? error : invalidPdf();
  } finally {
    await doc.destroy().catch(() => {});
  }
  const text = pages.join('\n\n');
  if (!text.trim()) {
    throw new ValidationError('PDF-filen innehåller ingen text (den kan vara inskannad). Tolka den med OCR först.', 'empty_document');
  }
  return text;
}
