// Turns an uploaded file's bytes into text, refusing what is not a text file.
import { ValidationError } from './errors.ts';

/**
 * Decodes UTF-8 (with or without BOM) or UTF-16 with BOM; older exports in Windows-1252 are accepted too.
 * Bytes with NUL characters are binary, whatever the file is called.
 */
export function decodeTextFile(bytes: Uint8Array): string {
  // Word's "Unicode text" export is UTF-16 with a byte-order mark.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.includes(0)) {
    throw new ValidationError('Filen är inte en textfil, trots filnamnet.', 'invalid_text');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
