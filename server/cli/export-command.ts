// `backspegel export --study S --format FORMAT --out FILE [--delimiter comma|semicolon]`: a study export
// written to a file, built by the same code as the download in the app (server/export/study-exports.ts).
// The file is written whole or not at all (temp file + rename), readable by its owner only, and the
// export is audited as the user "cli" under the format's own action.
import { randomBytes } from 'node:crypto';
import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { findStudyExport, studyExportNames, type ExportBody } from '../export/study-exports.ts';
import type { Store } from '../store/store.ts';

export interface ExportCommandOptions {
  study?: string;
  format?: string;
  out?: string;
  delimiter?: string;
}

/** Writes `data` to `path` atomically and durably: a temp file beside it, flushed, then a rename over it. */
export async function writeExportFile(path: string, data: ExportBody): Promise<void> {
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data, { mode: 0o600, flush: true });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Builds and writes the export; returns the lines to print. */
export async function exportCommand(store: Store, options: ExportCommandOptions): Promise<string[]> {
  const formats = studyExportNames().join(', ');
  if (!options.study) throw new ValidationError('Ange studien med --study ID.');
  if (!options.format) throw new ValidationError(`Ange formatet med --format: ${formats}.`);
  const found = findStudyExport(options.format);
  if (!found) throw new ValidationError(`Okänt format: ${options.format}. Formaten är: ${formats}.`);
  if (!options.out) throw new ValidationError('Ange filen som exporten ska skrivas till med --out FIL.');
  const repo = store.study(options.study);
  if (!repo) throw new NotFoundError('Studien finns inte.');

  const now = new Date();
  const data = await found.entry.build({ repo, users: store.app.data.users, by: 'cli', now }, { params: { delimiter: options.delimiter } });
  await writeExportFile(options.out, data);
  await store.audit.append({ time: now.toISOString(), user: 'cli', role: null, action: found.entry.auditAction, study: repo.id, family: null, object: found.entry.auditObject ?? null, outcome: 'ok' });
  const bytes = (await stat(options.out)).size;
  return [`Exporten ${found.key} av studien ${repo.id} skrevs till ${options.out} (${bytes} byte).`];
}
