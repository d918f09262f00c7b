// Everything stored for one study: study.json, one file per family (annotations and reflections),
// and the immutable document texts. The only code that writes a study's files.
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentMeta, Entry, Study } from '../domain/types.ts';
import { DocumentFiles } from './document-files.ts';
import { DurableJSONFile } from './durable-file.ts';
import { assertSafeId } from './ids.ts';
import { JsonRecord } from './json-record.ts';
import { emptyFamily, FamilyRecord, type FamilyData } from './family-record.ts';

export type { FamilyData, StoredReflection } from './family-record.ts';

export class StudyRepo {
  readonly id: string;
  readonly documents: DocumentFiles;
  #dir: string;
  #study: JsonRecord<Study>;
  #families = new Map<string, FamilyRecord>();
  // Annotation id → family id, so PATCH/DELETE by id find the right file without a scan.
  #annotationFamily = new Map<string, string>();
  // Bumped on every committed change to a family: lets readers cache what they derive from it.
  #familyRevision = new Map<string, number>();

  private constructor(dir: string, id: string, study: JsonRecord<Study>) {
    this.id = id;
    this.#dir = dir;
    this.#study = study;
    this.documents = new DocumentFiles(join(dir, 'documents'));
  }

  /** Opens a study directory and loads every family file into memory. */
  static async open(studiesDir: string, id: string): Promise<StudyRepo> {
    assertSafeId(id);
    const dir = join(studiesDir, id);
    const study = await JsonRecord.open<Study | null>(new DurableJSONFile(join(dir, 'study.json')), null);
    if (!study.data) throw new Error(`Study file missing: ${id}`);
    const repo = new StudyRepo(dir, id, study as JsonRecord<Study>);
    const files = await readdir(join(dir, 'families')).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return [] as string[];
      throw e;
    });
    // A family is a snapshot (.json), a journal (.log), or both.
    const ids = new Set(files.filter((f) => /\.(json|log)$/.test(f)).map((f) => f.replace(/\.(json|log)$/, '')));
    for (const familyId of ids) await repo.#openFamily(familyId);
    return repo;
  }

  /** Creates the directory layout and study.json for a new study. */
  static async create(studiesDir: string, study: Study): Promise<StudyRepo> {
    assertSafeId(study.id);
    const dir = join(studiesDir, study.id);
    await mkdir(join(dir, 'families'), { recursive: true, mode: 0o700 });
    await mkdir(join(dir, 'documents'), { recursive: true, mode: 0o700 });
    const record = await JsonRecord.open<Study>(new DurableJSONFile(join(dir, 'study.json')), study);
    await record.mutate(() => undefined);
    return new StudyRepo(dir, study.id, record);
  }

  get study(): Study {
    return this.#study.data;
  }

  mutateStudy<R>(change: (draft: Study) => R): Promise<R> {
    return this.#study.mutate(change);
  }

  /** Stores new immutable documents, then lists them in study.json in one write. */
  async addDocuments(docs: { meta: DocumentMeta; text: string; entries: Entry[] }[]): Promise<void> {
    for (const d of docs) await this.documents.write(d.meta.id, d.text, d.entries);
    await this.mutateStudy((s) => void s.documents.push(...docs.map((d) => d.meta)));
  }

  /** The family's data; an unknown family reads as empty (callers check the family exists). */
  familyData(familyId: string): FamilyData {
    return this.#families.get(familyId)?.data ?? emptyFamily();
  }

  familyOfAnnotation(annotationId: string): string | undefined {
    return this.#annotationFamily.get(annotationId);
  }

  /** Changes one family's data durably; the annotation index follows what the change put and removed. */
  async mutateFamily<R>(familyId: string, change: (draft: FamilyData) => R): Promise<R> {
    const record = this.#families.get(familyId) ?? (await this.#openFamily(familyId));
    const result = await record.mutate(change, (entry) => {
      for (const id of entry.del ?? []) this.#annotationFamily.delete(id);
      for (const a of entry.put ?? []) this.#annotationFamily.set(a.id, familyId);
    });
    this.#familyRevision.set(familyId, this.familyRevision(familyId) + 1);
    return result;
  }

  /** Changes whenever the family's annotations or reflections change (in this process). */
  familyRevision(familyId: string): number {
    return this.#familyRevision.get(familyId) ?? 0;
  }

  async #openFamily(familyId: string): Promise<FamilyRecord> {
    assertSafeId(familyId);
    const path = join(this.#dir, 'families', `${familyId}.json`);
    const record = await FamilyRecord.open(path);
    this.#families.set(familyId, record);
    for (const a of record.data.annotations) this.#annotationFamily.set(a.id, familyId);
    return record;
  }
}
