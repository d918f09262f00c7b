// Everything a project export needs from one study, read once: the pure writer (project-xml.ts)
// takes this, so it can be tested without the app.
import { codebookOrder } from '../domain/codebook.ts';
import type { Annotation, Code, Coding, Memo, Study } from '../domain/types.ts';
import { studyBibliography, libraryItems } from '../literature/study-library.ts';
import type { User } from '../store/app-data.ts';
import { codes, codings, memos } from '../store/study-collections.ts';
import type { StudyRepo } from '../store/study-repo.ts';

export interface SnapshotReflection {
  familyId: string;
  /** 'summary' or a question id. */
  key: string;
  text: string;
  updatedAt: string;
  updatedBy: string;
}

/**
 * An annotation as the project file needs it: where it is, not the quote and context the target
 * also holds (a third of the records sent to the export's worker at ten times the bench study).
 */
export type ProjectAnnotation = Omit<Annotation, 'target'> & { target: Pick<Annotation['target'], 'start' | 'end'> };

/** The annotation without the target's quote and context. */
export const projectAnnotation = (a: ProjectAnnotation): ProjectAnnotation => ({ ...a, target: { start: a.target.start, end: a.target.end } });

export interface ProjectSnapshot {
  study: Study;
  /** Display names of the study's members (and of anyone else who wrote something), by user id. */
  userNames: Map<string, string>;
  /** In codebook order. */
  codes: Code[];
  codings: Coding[];
  /**
   * Each document's text, or its UTF-8 bytes. A Map, or (the project export's worker) a reader of
   * each file when it is asked for, so a large study's texts are never in memory together.
   */
  texts: Pick<ReadonlyMap<string, string | Uint8Array>, 'get'>;
  annotations: ProjectAnnotation[];
  reflections: SnapshotReflection[];
  memos: Memo[];
  /** The study's reference library, each work formatted as in its reference list. */
  references: { key: string; text: string }[];
  now: Date;
}

/** Everything a project export is made of but the documents' texts (see qdpx-build.ts, which reads them in its worker). */
export type ProjectRecords = Omit<ProjectSnapshot, 'texts'>;

export async function projectSnapshot(repo: StudyRepo, users: readonly User[], now: Date): Promise<ProjectSnapshot> {
  const texts = new Map<string, string>();
  for (const d of repo.study.documents) texts.set(d.id, (await repo.documents.read(d.id)).text);
  return { ...(await projectRecords(repo, users, now)), texts };
}

/**
 * The study's records as a project export takes them, read at once (a consistent view of the study);
 * the reference list is then formatted from the library as it was read.
 */
export async function projectRecords(repo: StudyRepo, users: readonly User[], now: Date): Promise<ProjectRecords> {
  const study = repo.study;
  const userNames = new Map<string, string>();
  for (const m of study.members) userNames.set(m.userId, users.find((u) => u.id === m.userId)?.displayName ?? 'Okänd användare');
  const annotations: Annotation[] = [];
  const reflections: SnapshotReflection[] = [];
  for (const f of study.families) {
    const data = repo.familyData(f.id);
    annotations.push(...data.annotations);
    for (const r of Object.values(data.reflections)) {
      if (r.text.trim()) reflections.push({ familyId: f.id, key: r.id, text: r.text, updatedAt: r.updatedAt, updatedBy: r.updatedBy });
    }
  }
  const items = libraryItems(repo);
  const records = {
    study,
    userNames,
    codes: codebookOrder(repo.records.list(codes)).map((r) => r.code),
    codings: [...repo.records.list(codings)],
    annotations,
    reflections,
    memos: [...repo.records.list(memos)],
    now,
  };
  const references = (await studyBibliography(repo, items, { style: 'apa', lang: 'sv-SE' })).map((e) => ({ key: e.id, text: e.text }));
  return { ...records, references };
}
