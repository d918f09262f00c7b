// What a bulk import is made of, checked before anything is read: each file with its family,
// either given per file or taken from the archive's folders (one folder per family, named by the
// family's id or pseudonym). The archive's directory is checked here — declared sizes, entry count,
// packing ratio — so a zip bomb is refused with 413 before a byte is inflated.
import { TooLargeError, ValidationError } from '../domain/errors.ts';
import { prepareTitle } from '../domain/prepare-document.ts';
import type { Family } from '../domain/types.ts';
import type { JobFileInput, JobWarning } from './bulk-imports.ts';
import { BULK_LIMITS } from './upload-limits.ts';
import { listZipFiles } from './zip-limits.ts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export const invalidArchive = () => new ValidationError('Arkivet kunde inte läsas. Ladda upp en zip-fil med en mapp per familj.', 'invalid_archive');

const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('sv').replace(/[\s_-]+/g, ' ');

/** The family a folder or field names, by id or pseudonym ("fam-1", "Familj 1", "familj_1"). */
export function resolveFamily(families: readonly Family[], name: string): Family | undefined {
  const wanted = fold(name);
  return families.find((f) => f.id === name.trim()) ?? families.find((f) => fold(f.id) === wanted || fold(f.pseudonym) === wanted);
}

/** Entries no one means to import: macOS resource forks, hidden files, Windows thumbnails. */
const ignored = (path: string) => {
  const parts = path.split('/');
  const base = parts[parts.length - 1]!;
  return parts[0] === '__MACOSX' || parts.some((p) => p.startsWith('.')) || /^(thumbs\.db|desktop\.ini)$/i.test(base);
};

const tooLarge = () => new TooLargeError('Filen är större än 25 MB.');
const refusal = (e: Error & { code?: string }) => ({ code: e.code ?? 'too_large', message: e.message });

/** A file refused before it is read, when it is larger than one import may be. */
function sized(file: JobFileInput, size: number): JobFileInput {
  return size > BULK_LIMITS.maxFileBytes ? { name: file.name, familyId: file.familyId, error: refusal(tooLarge()) } : file;
}

/**
 * The files of an archive, each with its family from the folder it is in. Files outside a folder
 * or in a folder that names no family are listed as refused, with one warning per folder (the
 * folder name pseudonymised like a title); no family is created. Throws 413 for a zip bomb, 422
 * for what is no zip.
 */
export async function planArchive(bytes: Uint8Array, families: readonly Family[], key: Uint8Array, now: Date): Promise<{ files: JobFileInput[]; warnings: JobWarning[] }> {
  if (startsWith(bytes, EMPTY_ZIP)) throw new ValidationError('Arkivet är tomt.', 'invalid_archive');
  if (!startsWith(bytes, ZIP)) throw invalidArchive();
  const entries = (await listZipFiles(bytes, invalidArchive)).filter((e) => !ignored(e.name));
  if (entries.length === 0) throw new ValidationError('Arkivet innehåller inga filer.', 'invalid_archive');
  if (entries.length > BULK_LIMITS.maxFiles) throw new TooLargeError(`Arkivet har fler än ${BULK_LIMITS.maxFiles} filer.`);
  const files: JobFileInput[] = [];
  const unknown = new Map<string, number>();
  let loose = 0;
  for (const entry of entries) {
    const parts = entry.name.split('/').filter(Boolean);
    const folder = parts.length > 1 ? parts[0]! : undefined;
    const family = folder === undefined ? undefined : resolveFamily(families, folder);
    if (!family) {
      if (folder === undefined) loose++;
      else unknown.set(folder, (unknown.get(folder) ?? 0) + 1);
      files.push({ name: entry.name, familyId: null, error: { code: 'unknown_family', message: 'Filen ligger inte i en mapp som motsvarar en familj i studien.' } });
      continue;
    }
    files.push(sized({ name: entry.name, familyId: family.id }, entry.size));
  }
  const warnings: JobWarning[] = [...unknown].map(([folder, n]) => ({
    code: 'unknown_family',
    message: `En mapp i arkivet motsvarar ingen familj i studien; dess ${n} ${n === 1 ? 'fil' : 'filer'} importeras inte. Döp om mappen till familjens id eller pseudonym, eller lägg först till familjen.`,
    folder: prepareTitle(folder, key, now),
  }));
  if (loose > 0) {
    warnings.push({ code: 'no_family', message: `${loose} ${loose === 1 ? 'fil ligger' : 'filer ligger'} utanför familjemapparna och importeras inte.` });
  }
  return { files, warnings };
}

/** One uploaded file for a family already chosen; refused when larger than one import may be. */
export function plainFile(name: string, familyId: string, bytes: Uint8Array): JobFileInput {
  return sized({ name, familyId, bytes }, bytes.length);
}
