// Turns an uploaded file's bytes into text, refusing what is not a text file.
import { isUtf8 } from 'node:buffer';
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

/**
 * decodeTextFile's text, except that a file in UTF-8 is handed back as its bytes, checked but not
 * decoded: a case file is decoded a window at a time in the import's workers (prepare-document.ts), and
 * decoding a 6 MB file here took 45 ms of the server's thread. The bytes decode to decodeTextFile's text,
 * but for a leading byte-order mark, which normalising drops anyway.
 */
export function readTextFile(bytes: Uint8Array): string | Uint8Array {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return !utf16 && !bytes.includes(0) && isUtf8(bytes) ? bytes : decodeTextFile(bytes);
}
