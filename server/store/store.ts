// The data directory: app.json, one StudyRepo per study, the audit log and the secret key.
// Layout: app.json · studies/<study>/{study.json,records.*,families/,documents/} · audit/ · secret.key
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Study } from '../domain/types.ts';
import type { AppData } from './app-data.ts';
import { AuditLog } from './audit-log.ts';
import { DurableJSONFile, removeStaleTemps } from './durable-file.ts';
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

  /** Creates a study and lists it in app.json. */
  async createStudy(study: Study): Promise<StudyRepo> {
    if (this.#studies.has(study.id)) throw new Error(`Study exists: ${study.id}`);
    const repo = await StudyRepo.create(this.#studiesDir, study, this.#options);
    await this.app.mutate((d) => void d.studies.push(study.id));
    this.#studies.set(study.id, repo);
    return repo;
  }
}

async function cleanTemps(dir: string, log: (message: string) => void): Promise<void> {
  const removed = await removeStaleTemps(dir);
  if (removed) log(`removed ${removed} temp file(s) of interrupted writes in ${dir}`);
}
