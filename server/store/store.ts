// The data directory: app.json, one StudyRepo per study, and the pseudonymisation key.
// Layout (DESIGN §4): app.json · studies/<study>/{study.json,families/,documents/} · audit/ · secret.key
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Study } from '../domain/types.ts';
import type { AppData } from './app-data.ts';
import { AuditLog } from './audit-log.ts';
import { DurableJSONFile } from './durable-file.ts';
import { JsonRecord } from './json-record.ts';
import { loadOrCreateSecret } from './secret.ts';
import { StudyRepo } from './study-repo.ts';

export class Store {
  readonly dataDir: string;
  readonly app: JsonRecord<AppData>;
  /** HMAC key for pseudonyms; never exported or logged. */
  readonly secretKey: Uint8Array;
  readonly audit: AuditLog;
  #studies = new Map<string, StudyRepo>();

  private constructor(dataDir: string, app: JsonRecord<AppData>, secretKey: Uint8Array) {
    this.dataDir = dataDir;
    this.app = app;
    this.secretKey = secretKey;
    this.audit = new AuditLog(dataDir);
  }

  /** Opens (or initialises) a data directory and loads every study it lists. */
  static async open(dataDir: string): Promise<Store> {
    await mkdir(join(dataDir, 'studies'), { recursive: true, mode: 0o700 });
    const app = await JsonRecord.open<AppData>(new DurableJSONFile(join(dataDir, 'app.json')), {
      users: [],
      sessions: [],
      studies: [],
    });
    const store = new Store(dataDir, app, await loadOrCreateSecret(dataDir));
    for (const id of app.data.studies) store.#studies.set(id, await StudyRepo.open(store.#studiesDir, id));
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
    const repo = await StudyRepo.create(this.#studiesDir, study);
    await this.app.mutate((d) => void d.studies.push(study.id));
    this.#studies.set(study.id, repo);
    return repo;
  }
}
