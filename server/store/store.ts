// The data directory: app.json, one StudyRepo per study, the audit log and the secret key.
// Layout: app.json · studies/<study>/{study.json,records.*,families/,documents/} · audit/ · secret.key
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Study } from '../domain/types.ts';
import type { AppData } from './app-data.ts';
import { AuditLog } from './audit-log.ts';
import { DurableJSONFile, removeStaleTemps, STALE_TEMP_MS, syncDirectory } from './durable-file.ts';
import { JsonRecord } from './json-record.ts';
import type { RecordFileOptions } from './record-file.ts';
import { loadOrCreateSecret } from './secret.ts';
import { StudyRepo } from './study-repo.ts';

export interface StoreOptions extends RecordFileOptions {}

const defaultLog = (message: string) => console.error(`[backspegel] ${message}`);

export class Store {
  readonly dataDir: string;
  readonly app: JsonRecord<AppData>;
  /** HMAC key for pseudonyms and the audit chain; never exported or logged. */
  readonly secretKey: Uint8Array;
  readonly audit: AuditLog;
  #options: StoreOptions;
  #studies = new Map<string, StudyRepo>();
  #watching: ((what: string) => void) | undefined;

  private constructor(dataDir: string, app: JsonRecord<AppData>, secretKey: Uint8Array, options: StoreOptions) {
    this.dataDir = dataDir;
    this.app = app;
    this.secretKey = secretKey;
    this.#options = options;
    this.audit = new AuditLog(dataDir, secretKey, options.log);
  }

  /**
   * Opens (or initialises) a data directory and loads every study it lists. Whatever a crash left
   * behind — a torn journal or audit line, temp files of an interrupted write — is cleaned up and
   * reported through `options.log`; it is never a reason not to start.
   */
  static async open(dataDir: string, options: StoreOptions = {}): Promise<Store> {
    const opts = { ...options, log: options.log ?? defaultLog };
    await mkdir(join(dataDir, 'studies'), { recursive: true, mode: 0o700 });
    await cleanTemps(dataDir, opts.log);
    const app = await JsonRecord.open<AppData>(new DurableJSONFile(join(dataDir, 'app.json')), {
      users: [],
      sessions: [],
      studies: [],
    });
    const store = new Store(dataDir, app, await loadOrCreateSecret(dataDir), opts);
    await cleanTemps(join(dataDir, 'audit'), opts.log);
    await store.audit.recover();
    await removeUnlistedStudies(store.#studiesDir, new Set(app.data.studies), opts.log);
    for (const id of app.data.studies) {
      const dir = join(store.#studiesDir, id);
      for (const d of [dir, join(dir, 'families'), join(dir, 'documents')]) await cleanTemps(d, opts.log);
      store.#studies.set(id, await StudyRepo.open(store.#studiesDir, id, opts));
    }
    return store;
  }

  get #studiesDir(): string {
    return join(this.dataDir, 'studies');
  }

  /** True when the directory holds no accounts and no studies (a new installation). */
  get isEmpty(): boolean {
    return this.app.data.users.length === 0 && this.app.data.studies.length === 0;
  }

  study(id: string): StudyRepo | undefined {
    return this.#studies.get(id);
  }

  allStudies(): StudyRepo[] {
    return [...this.#studies.values()];
  }

  /**
   * For the server: reloads app.json and every study.json as soon as another process (the command
   * line: accounts, a new study, an import) replaces them, and opens studies created elsewhere.
   * `onReload` gets a short description of what was read again.
   */
  watchForOtherWriters(onReload: (what: string) => void): void {
    this.#watching = onReload;
    this.app.watch(() => {
      onReload('Kontouppgifterna');
      this.#openNewStudies().catch((e: Error) => this.#options.log?.(`a study created elsewhere could not be opened: ${e.name}`));
    });
    for (const repo of this.#studies.values()) repo.watch(() => onReload(`Studien ${repo.id}`));
  }

  async #openNewStudies(): Promise<void> {
    for (const id of this.app.data.studies) {
      if (this.#studies.has(id)) continue;
      const repo = await StudyRepo.open(this.#studiesDir, id, this.#options);
      this.#studies.set(id, repo);
      if (this.#watching) repo.watch(() => this.#watching?.(`Studien ${id}`));
    }
  }

  /**
   * Erases a study: first it leaves app.json (durably), then its directory — texts, records, names —
   * is removed. A crash in between leaves a directory no study lists, which the next open removes.
   */
  async eraseStudy(id: string): Promise<void> {
    await this.app.mutate((d) => void (d.studies = d.studies.filter((s) => s !== id)));
    this.#studies.delete(id);
    await rm(join(this.#studiesDir, id), { recursive: true, force: true });
    await syncDirectory(this.#studiesDir);
  }

  /** Creates a study and lists it in app.json. */
  async createStudy(study: Study): Promise<StudyRepo> {
    if (this.#studies.has(study.id)) throw new Error(`Study exists: ${study.id}`);
    const repo = await StudyRepo.create(this.#studiesDir, study, this.#options);
    await this.app.mutate((d) => void d.studies.push(study.id));
    this.#studies.set(study.id, repo);
    if (this.#watching) repo.watch(() => this.#watching?.(`Studien ${study.id}`));
    return repo;
  }
}

/**
 * Directories of studies app.json does not list: an erasure (or a creation) a crash cut short. Only old
 * ones: the command line may be creating a study right now, listing it a moment after its directory.
 */
async function removeUnlistedStudies(dir: string, listed: ReadonlySet<string>, log: (message: string) => void): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || listed.has(entry.name)) continue;
    const info = await stat(join(dir, entry.name)).catch(() => null);
    if (!info || Date.now() - info.mtimeMs < STALE_TEMP_MS) continue;
    await rm(join(dir, entry.name), { recursive: true, force: true });
    log(`removed studies/${entry.name}: no study lists it (an interrupted erasure or creation)`);
  }
}

async function cleanTemps(dir: string, log: (message: string) => void): Promise<void> {
  const removed = await removeStaleTemps(dir);
  if (removed) log(`removed ${removed} temp file(s) of interrupted writes in ${dir}`);
}
