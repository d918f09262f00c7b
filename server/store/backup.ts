// `backspegel backup DIR` and `backspegel restore DIR`: a consistent copy of a data directory, taken
// while the server (another process) keeps writing, and its restore into an empty directory.
//
// Consistency comes from the order of copying and the way every file is written:
// - snapshots, study.json and app.json are replaced atomically (rename), so any read gets a whole file;
// - a journal is copied before its snapshot: replay skips lines already folded in (by `seq`), so a
//   fold between the two reads loses nothing and applies nothing twice; a line being appended while
//   it is copied is cut back to the last whole line, as after a crash;
// - record files are copied before study.json, and documents after it: every document an annotation
//   points at is listed, and every listed document is on disk (texts are stored before they are listed);
// - audit/head.json is copied before the month files, so the copy's log is never shorter than its head.
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Study } from '../domain/types.ts';
import type { AppData } from './app-data.ts';
import { AuditLog, type AuditVerification } from './audit-log.ts';
import { syncDirectory, writeFilesDurably } from './durable-file.ts';
import { isSafeId } from './ids.ts';
import { readSecret } from './secret.ts';

export interface BackupSummary {
  studies: number;
  families: number;
  documents: number;
  auditLines: number;
}

const RECORD_FILE = /^[a-z0-9][a-z0-9-]*\.json$/;
const AUDIT_FILE = /^\d{4}-\d{2}\.jsonl$/;

async function assertEmptyTarget(dir: string): Promise<void> {
  const names = await readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [] as string[];
    throw e;
  });
  if (names.length) throw new Error(`Målkatalogen ${dir} är inte tom. Välj en ny eller tom katalog.`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

const readOrNull = (path: string) =>
  readFile(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });

/** Whole lines only: a line still being appended when it was read is left out. */
const wholeLines = (bytes: Buffer) => bytes.subarray(0, bytes.lastIndexOf(0x0a) + 1);

/** Copies one directory's worth of files, durably (temp file, fsync, rename, fsync directory). */
class Copier {
  #pending = new Map<string, { name: string; data: Uint8Array }[]>();

  add(dir: string, name: string, data: Uint8Array): void {
    const list = this.#pending.get(dir) ?? [];
    list.push({ name, data });
    this.#pending.set(dir, list);
  }

  async flush(): Promise<void> {
    for (const [dir, files] of this.#pending) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeFilesDurably(dir, files);
    }
    this.#pending.clear();
  }
}

/** Copies the record files of one snapshot + journal pair: the journal first. */
async function copyRecordFile(from: string, to: string, base: string, copier: Copier): Promise<void> {
  const journal = await readOrNull(join(from, `${base}.log`));
  const snapshot = await readOrNull(join(from, `${base}.json`));
  if (journal) copier.add(to, `${base}.log`, wholeLines(journal));
  if (snapshot) copier.add(to, `${base}.json`, snapshot);
}

/** Writes a consistent copy of `dataDir` into the empty or new directory `target`. */
export async function backup(dataDir: string, target: string): Promise<BackupSummary> {
  await readSecret(dataDir); // refuse early if this is not a data directory
  await assertEmptyTarget(target);
  const copier = new Copier();
  const summary: BackupSummary = { studies: 0, families: 0, documents: 0, auditLines: 0 };
  copier.add(target, 'secret.key', await readFile(join(dataDir, 'secret.key')));

  const app = JSON.parse((await readFile(join(dataDir, 'app.json'))).toString('utf8')) as AppData;
  for (const id of app.studies) {
    if (!isSafeId(id)) continue;
    const from = join(dataDir, 'studies', id);
    const to = join(target, 'studies', id);
    await copyRecordFile(from, to, 'records', copier);
    const families = (await readdir(join(from, 'families')).catch(() => [] as string[])).filter((f) => RECORD_FILE.test(f) || /\.log$/.test(f));
    for (const base of new Set(families.map((f) => f.replace(/\.(json|log)$/, '')))) {
      await copyRecordFile(join(from, 'families'), join(to, 'families'), base, copier);
      summary.families++;
    }
    const studyBytes = await readFile(join(from, 'study.json'));
    copier.add(to, 'study.json', studyBytes);
    const study = JSON.parse(studyBytes.toString('utf8')) as Study;
    await mkdir(join(to, 'families'), { recursive: true, mode: 0o700 });
    for (const doc of study.documents) {
      if (!isSafeId(doc.id)) continue;
      for (const name of [`${doc.id}.txt`, `${doc.id}.entries.json`]) copier.add(join(to, 'documents'), name, await readFile(join(from, 'documents', name)));
      summary.documents++;
    }
    summary.studies++;
    await copier.flush(); // one study at a time: a large archive never sits in memory whole
  }
  // app.json after the studies: every study and user a copied record refers to is in it.
  copier.add(target, 'app.json', await readFile(join(dataDir, 'app.json')));

  const auditFrom = join(dataDir, 'audit');
  const head = await readOrNull(join(auditFrom, 'head.json'));
  const auditTo = join(target, 'audit');
  if (head) copier.add(auditTo, 'head.json', head);
  for (const name of (await readdir(auditFrom).catch(() => [] as string[])).filter((f) => AUDIT_FILE.test(f)).sort()) {
    const lines = wholeLines(await readFile(join(auditFrom, name)));
    summary.auditLines += lines.toString('utf8').split('\n').length - 1;
    copier.add(auditTo, name, lines);
  }
  await copier.flush();
  await syncDirectory(target);
  return summary;
}

/** Copies every file of a backup into an empty data directory and checks its audit chain. */
export async function restore(backupDir: string, dataDir: string): Promise<AuditVerification> {
  await readSecret(backupDir);
  await assertEmptyTarget(dataDir);
  await copyTree(backupDir, dataDir);
  return new AuditLog(dataDir, await readSecret(dataDir), () => undefined).verify();
}

async function copyTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true, mode: 0o700 });
  for (const name of await readdir(from)) {
    if (name.startsWith('.')) continue; // temp files of an interrupted copy
    const path = join(from, name);
    if ((await stat(path)).isDirectory()) await copyTree(path, join(to, name));
    else await writeFilesDurably(to, [{ name, data: await readFile(path) }]);
  }
  await syncDirectory(to);
}
