// The lead's two decisions on a bulk import job, shared by the API and the command line: confirm
// or reject suggested names (confirmed ones become the family's name rules, stored as keyed
// hashes), and commit — every ready file that is not a duplicate through the normal pipeline
// (prepareDocument in the worker pool, then one addDocuments for all of them).
import { ConflictError, ValidationError } from '../domain/errors.ts';
import { describeDocument, prepareTitle, titleFromFileName } from '../domain/prepare-document.ts';
import { nameRule, normaliseName } from '../domain/pseudonymise-names.ts';
import { assertStudyOpen } from '../domain/study-open.ts';
import type { DocumentMeta } from '../domain/types.ts';
import { newId } from '../store/ids.ts';
import type { StudyRepo } from '../store/study-repo.ts';
import { isSkipped, settledView } from './bulk-import-view.ts';
import { preparePool } from './prepare-pool.ts';
import { yieldToEventLoop } from '../workers/event-loop.ts';
import type { BulkImports, BulkJob } from './bulk-imports.ts';

export interface NameDecision {
  familyId: string;
  confirm: { name: string; label: string }[];
  reject: string[];
}

/** Applies the lead's decision on one family's names: confirmed names become name rules (422 for an unusable name or label). */
export async function decideNames(job: BulkJob, repo: StudyRepo, key: Uint8Array, decision: NameDecision): Promise<void> {
  assertStudyOpen(repo.study);
  if (job.state !== 'running' && job.state !== 'ready') throw new ConflictError('Importen är redan sparad eller kastad.');
  const family = repo.study.families.find((f) => f.id === decision.familyId);
  if (!family) throw new ValidationError('Familjen finns inte i studien.', 'unknown_family');
  const rules = decision.confirm.map((n) => nameRule(key, n.name, n.label));
  const rejected = job.rejected.get(family.id) ?? new Set<string>();
  for (const name of decision.reject) rejected.add(normaliseName(name));
  for (const n of decision.confirm) rejected.delete(normaliseName(n.name));
  job.rejected.set(family.id, rejected);
  if (rules.length === 0) return;
  await repo.mutateStudy((d) => {
    const f = d.families.find((x) => x.id === family.id)!;
    const kept = (f.nameRules ?? []).filter((r) => !rules.some((n) => n.hash === r.hash));
    f.nameRules = [...kept, ...rules];
  });
}

export interface CommitResult {
  documents: DocumentMeta[];
  /** Files left out: duplicates (of a file in the job or a stored document). */
  skipped: number;
}

/** Stores every ready, non-duplicate file of a finished job; the job is then closed as committed. */
export async function commitJob(jobs: BulkImports, job: BulkJob, repo: StudyRepo, key: Uint8Array, now: Date, userId: string): Promise<CommitResult> {
  assertStudyOpen(repo.study);
  if (job.state === 'running') throw new ConflictError('Filerna läses fortfarande in. Vänta tills alla är klara.');
  if (job.state !== 'ready') throw new ConflictError('Importen är redan sparad, kastad eller misslyckad.');
  // Claimed before anything is awaited, so a second commit at the same time finds it taken.
  job.state = 'committed';
  const docs: Parameters<StudyRepo['addDocuments']>[0] = [];
  let skipped = 0;
  try {
    const view = await settledView(job, repo.study, key, now);
    const chosen = job.files.flatMap((file, i) => {
      const family = repo.study.families.find((f) => f.id === file.familyId);
      if (file.state !== 'ready' || file.raw === undefined || !family) return [];
      if (isSkipped(view.files[i]!.warnings)) {
        skipped++;
        return [];
      }
      return [{ file, family, raw: file.raw }];
    });
    // Prepared side by side in the worker pool, in the files' order.
    // The job keeps its texts (a commit that fails can be tried again): the workers get copies.
    const prepared = await Promise.all(chosen.map(({ raw, family }) => preparePool.prepareStorable(raw, key, now, family.nameRules, { keep: true })));
    for (const [i, { file, family }] of chosen.entries()) {
      // Hundreds of titles to pseudonymise: the server answers others in between.
      if (i > 0 && i % 50 === 0) await yieldToEventLoop();
      const fileName = file.name.slice(file.name.lastIndexOf('/') + 1);
      const title = prepareTitle(titleFromFileName(fileName), key, now, family.nameRules);
      const meta = describeDocument(prepared[i]!, { id: newId('d'), familyId: family.id, title, importedBy: userId, now });
      docs.push({ meta, text: prepared[i]!.textBytes, entries: prepared[i]!.entries });
    }
    if (docs.length > 0) await repo.addDocuments(docs);
  } catch (error) {
    job.state = 'ready';
    throw error;
  }
  job.committed = { documents: docs.map((d) => d.meta.id), skipped };
  jobs.close(job, 'committed');
  return { documents: docs.map((d) => d.meta), skipped };
}
