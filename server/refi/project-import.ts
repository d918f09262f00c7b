// POST /api/studies with a REFI-QDA project file: read (project-package.ts), parse (project-parse.ts),
// plan the whole study in memory (project-plan.ts), then write it. Nothing is half-created: a write
// that fails removes the new study again.
import { ForbiddenError, ValidationError } from '../domain/errors.ts';
import { mayCreateStudies } from '../studies/create-study.ts';
import { loadStudyTemplates } from '../seed/study-templates.ts';
import type { User } from '../store/app-data.ts';
import { annotations, reflections } from '../store/family-collections.ts';
import type { Store } from '../store/store.ts';
import { codes, codings, memos } from '../store/study-collections.ts';
import { readProjectPackage } from './project-package.ts';
import { parseProject } from './project-parse.ts';
import { planStudy, type ImportCounts } from './project-plan.ts';

export interface ProjectImportResult {
  study: { id: string; title: string };
  counts: ImportCounts;
  warnings: string[];
}

export async function importProjectStudy(
  store: Store,
  bytes: Uint8Array,
  user: User,
  now: Date,
  options: { template?: string; title?: string } = {},
): Promise<ProjectImportResult> {
  if (!mayCreateStudies(user)) throw new ForbiddenError('Ditt konto får inte skapa studier. Be en administratör om det.');
  const templates = await loadStudyTemplates();
  const template = options.template ? templates.find((t) => t.id === options.template) : templates.find((t) => t.questions.length > 0);
  if (!template) throw new ValidationError('Mallen finns inte.', 'unknown_template');
  const pkg = await readProjectPackage(bytes);
  const parsed = parseProject(pkg.xml);
  const plan = planStudy(parsed, pkg, {
    importerId: user.id,
    key: store.secretKey,
    now,
    takenStudyIds: new Set(store.app.data.studies),
    template,
    title: options.title?.trim().slice(0, 200),
  });

  const repo = await store.createStudy(plan.study);
  try {
    if (plan.documents.length) await repo.addDocuments(plan.documents);
    await repo.records.transact((tx) => {
      for (const code of plan.codes) tx.put(codes, code);
      for (const coding of plan.codings) tx.put(codings, coding);
      for (const memo of plan.memos) tx.put(memos, memo);
    });
    for (const family of plan.study.families) {
      const list = plan.annotations.get(family.id) ?? [];
      const texts = plan.reflections.get(family.id) ?? [];
      if (!list.length && !texts.length) continue;
      await repo.mutateFamily(family.id, (tx) => {
        for (const a of list) tx.put(annotations, a);
        for (const r of texts) tx.put(reflections, r);
      });
    }
  } catch (error) {
    await store.eraseStudy(plan.study.id).catch(() => undefined);
    throw error;
  }
  return { study: { id: plan.study.id, title: plan.study.title }, counts: plan.counts, warnings: plan.warnings };
}
