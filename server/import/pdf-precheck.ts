// The cheap check on a .pdf for the upload request: the magic number up front and the end-of-file
// marker at the back. A PDF cut short in transfer loses its end (and its cross-reference table);
// refusing it beats importing part of a case file without anyone noticing.
import { ValidationError } from '../domain/errors.ts';

const MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const EOF_MARK = Buffer.from('%%EOF');
/** Writers may put some padding after %%EOF; readers look for it near the end. */
const TAIL = 4096;

export function precheckPdf(bytes: Uint8Array): void {
  if (!MAGIC.every((b, i) => bytes[i] === b)) throw new ValidationError('Filen är inte en PDF, trots filnamnet.', 'invalid_pdf');
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.byteLength - TAIL));
  if (!tail.includes(EOF_MARK)) {
    throw new ValidationError('PDF-filen är ofullständig – slutet saknas. Ladda upp hela filen igen.', 'invalid_pdf');
  }
}
