// Reading a zip (a .docx) within limits, with yauzl: first its central directory only, where the
// declared sizes are refused before a byte is inflated; then, in the parse worker, every entry
// inflated with the same cap on the real bytes. yauzl stops an entry that inflates past the size
// it declares (validateEntrySizes), so a lying directory cannot sneak a bomb through.
import type { Readable } from 'node:stream';
import yauzl, { type Entry } from 'yauzl';
import { TooLargeError } from '../domain/errors.ts';
import { tooComplex } from './import-errors.ts';
import { ZIP_LIMITS } from './upload-limits.ts';

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Checks one directory entry against the limits; returns the new running total of declared bytes. */
function checkEntry(entry: Entry, total: number, invalid: () => Error): number {
  if (entry.isEncrypted() || (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)) throw invalid();
  const size = entry.uncompressedSize;
  if (size > ZIP_LIMITS.ratioFrom && size > entry.compressedSize * ZIP_LIMITS.maxRatio) throw tooComplex('orimligt hårt packad');
  if (total + size > ZIP_LIMITS.maxTotalBytes) throw tooComplex('större än 200 MB uppackad');
  return total + size;
}

/** Walks the central directory, entry by entry, without inflating; `visit` may read each entry. */
async function eachCheckedEntry(bytes: Uint8Array, invalid: () => Error, visit?: (zip: yauzl.ZipFile, entry: Entry) => Promise<void>) {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(asBuffer(bytes), { validateEntrySizes: true, decodeStrings: true });
  } catch {
    throw invalid();
  }
  if (zip.entryCount > ZIP_LIMITS.maxEntries) throw tooComplex('för många delar');
  let total = 0;
  const iterator = zip.eachEntry();
  for (;;) {
    let next: IteratorResult<Entry>;
    try {
      next = await iterator.next();
    } catch {
      throw invalid();
    }
    if (next.done) return;
    total = checkEntry(next.value, total, invalid);
    if (visit) await visit(zip, next.value);
  }
}

/** Refuses a zip whose directory is unreadable or declares too much, reading only the directory. */
export async function checkZipDirectory(bytes: Uint8Array, invalid: () => Error): Promise<void> {
  await eachCheckedEntry(bytes, invalid);
}

/** The file entries (name, declared size) of a zip within the limits, reading only its directory. */
export async function listZipFiles(bytes: Uint8Array, invalid: () => Error): Promise<{ name: string; size: number }[]> {
  const files: { name: string; size: number }[] = [];
  await eachCheckedEntry(bytes, invalid, async (_zip, entry) => {
    if (!entry.fileName.endsWith('/')) files.push({ name: entry.fileName, size: entry.uncompressedSize });
  });
  return files;
}

/** Inflates every file entry, refusing the zip when the real bytes pass a declared size or the cap. */
export async function inflateZip(bytes: Uint8Array, invalid: () => Error): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  let total = 0;
  await eachCheckedEntry(bytes, invalid, async (zip, entry) => {
    if (entry.fileName.endsWith('/')) return;
    if (files.has(entry.fileName)) throw invalid();
    const chunks: Buffer[] = [];
    try {
      const stream: Readable = await zip.openReadStreamPromise(entry);
      // Leaving the loop (limit or error) destroys the stream, which stops the inflation.
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > ZIP_LIMITS.maxTotalBytes) throw tooComplex('större än 200 MB uppackad');
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof TooLargeError) throw error;
      throw invalid();
    }
    files.set(entry.fileName, new Uint8Array(Buffer.concat(chunks)));
  });
  return files;
}
