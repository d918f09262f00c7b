// The errors an import can end in, and how they cross from the parse worker to the main thread
// (structured clone keeps no class, so a domain error travels as { status, code, message }).
// Messages are fixed Swedish sentences: they never quote the file, its name or its content.
import { DomainError, TooLargeError, UnsupportedTypeError, ValidationError } from '../domain/errors.ts';

/** The file is too big or too complex to read within the limits; `reason` says which limit. */
export const tooComplex = (reason: string) =>
  new TooLargeError(`Filen är för stor eller för komplex för att läsas (${reason}). Dela upp den i mindre filer och försök igen.`);

export const invalidDocx = () => new ValidationError('Word-dokumentet kunde inte läsas. Är det skadat?', 'invalid_docx');

export const invalidPdf = () => new ValidationError('PDF-filen kunde inte läsas. Är den skadad?', 'invalid_pdf');

/** The fallback for a file of this kind that failed in a way no check named. */
export const unreadable = (kind: 'docx' | 'pdf') => (kind === 'docx' ? invalidDocx() : invalidPdf());

export interface WireError {
  status: number;
  code: string;
  message: string;
}

/** A domain error as plain data, for postMessage. */
export const toWire = (error: DomainError): WireError => ({ status: error.status, code: error.code, message: error.message });

/** The domain error again, on the main thread. */
export function fromWire(wire: WireError, kind: 'docx' | 'pdf'): DomainError {
  if (wire.status === 413) return new TooLargeError(wire.message);
  if (wire.status === 415) return new UnsupportedTypeError(wire.message);
  if (wire.status === 422) return new ValidationError(wire.message, wire.code);
  return unreadable(kind);
}
