// Everything stored for one study: study.json (config, members, families, document metadata), the
// study-level record collections (records.json + records.log), one pair of record files per family
// (annotations, reflections), and the immutable document texts. The only code that writes a study's files.
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Annotation, DocumentMeta, Entry, Study } from '../domain/types.ts';
import { DocumentFiles } from './document-files.ts';
import { DurableJSONFile } from './durable-file.ts';
import { annotations, reading, reflections, emptyFamily, type FamilyData, type StoredReflection } from './family-collections.ts';
import { assertSafeId } from './ids.ts';
import { JsonRecord } from './json-record.ts';
import { RecordFile, type Collection, type RecordFileOptions, type StoredRecord, type Transaction } from './record-file.ts';

export type { FamilyData, StoredReflection } from './family-collections.ts';

/** Families whose record files are read at the same time when a study is opened. */
const OPEN_AT_ONCE = 8;

export class StudyRepo {
  readonly id: string;
  readonly documents: DocumentFiles;
  /** Study-level record collections (codes, memos, references …). */
  readonly records: RecordFile;
  #dir: string;
  #options: RecordFileOptions;
  #study: JsonRecord<Study>;
  #families = new Map<string, RecordFile>();
  // One opening per family, shared: two first writes at once must not each open their own copy.
  #opening = new Map<string, Promise<RecordFile>>();
  // Annotation id → family id, so PATCH/DELETE by id find the right file without a scan.
  #annotationFamily = new Map<string, string>();

  private constructor(dir: string, id: string, study: JsonRecord<Study>, records: RecordFile, options: RecordFileOptions) {
    this.id = id;
    this.#dir = dir;
    this.#study = study;
    this.records = records;
    this.#options = options;
    this.documents = new DocumentFiles(join(dir, 'documents'));
  }

  /** Opens a study directory and loads every family's records into memory. */
  static async open(studiesDir: string, id: string, options: RecordFileOptions = {}): Promise<StudyRepo> {
    assertSafeId(id);
    const dir = join(studiesDir, id);
    const study = await JsonRecord.open<Study | null>(new DurableJSONFile(join(dir, 'study.json')), null);
    if (!study.data) throw new Error(`Study file missing: ${id}`);
    const records = await RecordFile.open(join(dir, 'records.json'), join(dir, 'records.log'), options);
    const repo = new StudyRepo(dir, id, study as JsonRecord<Study>, records, options);
    const files = await readdir(join(dir, 'families')).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return [] as string[];
      throw e;
    });
    // A family is a snapshot (.json), a journal (.log), or both.
    const ids = new Set(files.filter((f) => /^[a-z0-9][a-z0-9-]*\.(json|log)$/.test(f)).map((f) => f.replace(/\.(json|log)$/, '')));
    // Several at a time: reading one family's files overlaps parsing another's.
    const queue = [...ids];
    const opener = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) await repo.#family(id);
    };
    await Promise.all(Array.from({ length: Math.min(OPEN_AT_ONCE, queue.length) }, opener));
    return repo;
  }

  /** Creates the directory layout and study.json for a new study. */
  static async create(studiesDir: string, study: Study, options: RecordFileOptions = {}): Promise<StudyRepo> {
    assertSafeId(study.id);
    const dir = join(studiesDir, study.id);
    await mkdir(join(dir, 'families'), { recursive: true, mode: 0o700 });
    await mkdir(join(dir, 'documents'), { recursive: true, mode: 0o700 });
    const record = await JsonRecord.open<Study>(new DurableJSONFile(join(dir, 'study.json')), study);
    await record.mutate(() => undefined);
    const records = await RecordFile.open(join(dir, 'records.json'), join(dir, 'records.log'), options);
    return new StudyRepo(dir, study.id, record, records, options);
  }

  get study(): Study {
    return this.#study.data;
  }

  /** Reloads study.json whenever another process replaces it (see Store.watchForOtherWriters). */
  watch(onReload: () => void): void {
    this.#study.watch(onReload);
  }

  mutateStudy<R>(change: (draft: Study) => R): Promise<R> {
    return this.#study.mutate(change);
  }

  /**
   * Stores new immutable documents in one durable batch, then lists them in study.json in one write.
   * `text`: as a string, or as the UTF-8 bytes to write (a worker's prepared text).
   */
  async addDocuments(docs: { meta: DocumentMeta; text: string | Uint8Array; entries: Entry[] }[]): Promise<void> {
    await this.documents.writeAll(docs.map((d) => ({ id: d.meta.id, text: d.text, entries: d.entries })));
    await this.mutateStudy((s) => void s.documents.push(...docs.map((d) => d.meta)));
  }

  /** The family's committed records; an unknown family reads as empty (callers check the family exists). */
  familyData(familyId: string): FamilyData {
    const file = this.#families.get(familyId);
    if (!file) return emptyFamily();
    return {
      annotations: file.list(annotations),
      reflections: Object.fromEntries(file.list(reflections).map((r) => [r.id, r])) as Record<string, StoredReflection>,
      reading: file.list(reading),
    };
  }

  /** One of the family's record collections as committed (e.g. its appraisals); empty for an unknown family. */
  familyRecords<T extends StoredRecord>(familyId: string, c: Collection<T>): readonly T[] {
    return this.#families.get(familyId)?.list(c) ?? [];
  }

  /** True once any family has an annotation: from then on the questions can only be reworded. */
  hasAnnotations(): boolean {
    return this.#annotationFamily.size > 0;
  }

  familyOfAnnotation(annotationId: string): string | undefined {
    return this.#annotationFamily.get(annotationId);
  }

  /** An annotation by its id, in whichever family it is (as committed). */
  annotation(annotationId: string): Annotation | undefined {
    const familyId = this.#annotationFamily.get(annotationId);
    return familyId === undefined ? undefined : this.#families.get(familyId)?.get(annotations, annotationId);
  }

  /**
   * Changes one family's records in one durable transaction (see RecordFile.transact): `change`
   * reads through `tx` and stages puts and deletes; nothing is visible until it is on disk.
   */
  async mutateFamily<R>(familyId: string, change: (tx: Transaction) => R): Promise<R> {
    return (await this.#family(familyId)).transact(change);
  }

  /**
   * Changes whenever the family's records in `collections` change; never goes back. Caches key on it,
   * so a reader's progress (a collection of its own) does not invalidate what was built from annotations.
   */
  familyRevision(familyId: string, collections: readonly Collection<StoredRecord>[]): number {
    const file = this.#families.get(familyId);
    return file ? Math.max(0, ...collections.map((c) => file.seqOf(c))) : 0;
  }

  #family(familyId: string): Promise<RecordFile> {
    const opened = this.#families.get(familyId);
    if (opened) return Promise.resolve(opened);
    let opening = this.#opening.get(familyId);
    if (!opening) {
      opening = this.#openFamily(familyId).finally(() => this.#opening.delete(familyId));
      this.#opening.set(familyId, opening);
    }
    return opening;
  }

  async #openFamily(familyId: string): Promise<RecordFile> {
    assertSafeId(familyId);
    const base = join(this.#dir, 'families', familyId);
    const file = await RecordFile.open(`${base}.json`, `${base}.log`, this.#options);
    for (const a of file.list(annotations)) this.#annotationFamily.set(a.id, familyId);
    file.onCommit((ops) => {
      for (const op of ops) {
        if (op.c !== annotations.name) continue;
        if ('put' in op) this.#annotationFamily.set(op.put.id, familyId);
        else this.#annotationFamily.delete(op.del);
      }
    });
    this.#families.set(familyId, file);
    return file;
  }
}
