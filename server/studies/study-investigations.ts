// Reading a study's investigations for the routes and the export: the study's checklist, and each
// family's investigations built fresh from its documents' chronologies and its stored appraisals.
import type { Checklist, InvestigationView } from '../domain/checklist/checklist-types.ts';
import { investigationViews } from '../domain/checklist/investigation-views.ts';
import { utcIsoDate } from '../domain/dates.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { Family, Study } from '../domain/types.ts';
import { DEFAULT_CHECKLIST, loadChecklist } from '../seed/study-templates.ts';
import { appraisals } from '../store/family-collections.ts';
import type { StudyRepo } from '../store/study-repo.ts';

/** Investigations belong to case-file studies; an inventory has none (404, as for any missing thing). */
export function assertCaseFileStudy(study: Study): void {
  if (study.kind === 'inventory') throw new NotFoundError('En målgruppsinventering har inga utredningar.');
}

/** The checklist the study appraises with: its own copy, else the default template's. */
export function studyChecklist(study: Study): Promise<Checklist> {
  return study.checklist ? Promise.resolve(study.checklist) : loadChecklist(DEFAULT_CHECKLIST);
}

/** The family's investigations as of `now` (an undecided one past its limit on that day is over). */
export async function familyInvestigations(repo: StudyRepo, family: Family, now: Date): Promise<InvestigationView[]> {
  const metas = repo.study.documents.filter((d) => d.familyId === family.id);
  // Chronologies are immutable, so reading them through DocumentFiles' cache cannot go stale.
  const documents = await Promise.all(metas.map(async (m) => ({ documentId: m.id, entries: await repo.documents.entries(m.id) })));
  return investigationViews(family.id, documents, repo.familyRecords(family.id, appraisals), utcIsoDate(now));
}
