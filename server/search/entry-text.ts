// An indexed entry's whole text, read back from its document's stored file: the search index keeps only
// each entry's first kilobyte, and the few snippets whose matching word lies further in read the rest here.
import { closeSync, openSync, readSync } from 'node:fs';

/**
 * The UTF-8 bytes [byteStart, byteEnd) of the file at `path` (a document's text, immutable once stored) as
 * text; undefined if the file is gone (the study erased) or cannot be read.
 */
export function readEntryText(path: string, byteStart: number, byteEnd: number): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const bytes = Buffer.allocUnsafe(byteEnd - byteStart);
    const read = readSync(fd, bytes, 0, bytes.length, byteStart);
    return bytes.toString('utf8', 0, read);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
