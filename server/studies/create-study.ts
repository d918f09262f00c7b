// Creating a study from a template, for the API (POST /api/studies) and the command line
// (`backspegel study create`): who may, which template, which lead, a readable unique id, and the
// template's seed codebook.
import { ForbiddenError, ValidationError } from '../domain/errors.ts';
import type { StudyCreateInput } from '../domain/schemas.ts';
import { newStudy, reviseQuestions, studyIdFrom } from '../domain/study-setup.ts';
import type { Study } from '../domain/types.ts';
import { storeSeedCodebook } from '../seed/codebook-seed.ts';
import { loadStudyTemplates } from '../seed/study-templates.ts';
import type { User } from '../store/app-data.ts';
import type { Store } from '../store/store.ts';

/** Admins, and accounts an admin has allowed to, create studies. */
export const mayCreateStudies = (user: User): boolean => user.admin || user.mayCreateStudies === true;

/**
 * Creates and stores the study with the template's seed codebook (created by the lead at `now`);
 * `creator` is the acting account (null for the command line).
 */
export async function createStudyFromTemplate(store: Store, input: StudyCreateInput, creator: User | null, now = new Date()): Promise<Study> {
  if (creator && !mayCreateStudies(creator)) throw new ForbiddenError('Ditt konto får inte skapa studier. Be en administratör om det.');
  const template = (await loadStudyTemplates()).find((t) => t.id === input.template);
  if (!template) throw new ValidationError('Mallen finns inte.', 'unknown_template');
  const users = store.app.data.users;
  const lead = input.lead ? users.find((u) => u.username === input.lead!.toLowerCase() && !u.disabled) : creator;
  if (!lead) throw new ValidationError(input.lead ? 'Projektledaren har inget aktivt konto.' : 'Ange vem som ska vara projektledare.', 'unknown_lead');
  const questions = template.kind === 'inventory' ? [] : input.questions ?? template.questions;
  if (!questions.length && template.kind !== 'inventory') throw new ValidationError('Skriv minst en reflektionsfråga: mallen har inga egna.', 'questions_count');
  const study: Study = newStudy({
    id: studyIdFrom(input.title, new Set(store.app.data.studies)),
    title: input.title,
    description: input.description ?? template.description,
    selectionCriteria: input.selectionCriteria ?? template.selectionCriteria,
    template: template.id,
    legalBasis: input.legalBasis,
    ethicsApproval: input.ethicsApproval ?? null,
    endDate: input.endDate ?? null,
    // New questions get ids from their labels; a template's keep theirs.
    // An inventory has no reflection questions (reviseQuestions asks for one to nine).
    questions: template.kind === 'inventory' ? [] : reviseQuestions([], questions.map(({ label, text }) => ({ label, text })), false).map((q, i) => ({ ...q, id: questions[i]!.id ?? q.id })),
    leadId: lead.id,
  });
  // The instrument is copied in, so a later change to the template does not change a running study.
  if (template.kind === 'inventory') Object.assign(study, { kind: 'inventory', inventory: template.inventory });
  else if (template.checklist) study.checklist = template.checklist;
  const repo = await store.createStudy(study);
  await storeSeedCodebook(repo, template.codebook, lead.id, now.toISOString());
  return study;
}
