// `backspegel study create --template ID --title T [--lead NAME] [--legal-basis follow-up|research]
// [--ethics DNR] [--end-date YYYY-MM-DD]`: a new study from a template, as the API would create it.
import { ValidationError } from '../domain/errors.ts';
import { studyCreateSchema } from '../domain/schemas.ts';
import { loadStudyTemplates } from '../seed/study-templates.ts';
import type { Store } from '../store/store.ts';
import { createStudyFromTemplate } from '../studies/create-study.ts';

export interface StudyCommandOptions {
  template?: string;
  title?: string;
  lead?: string;
  'legal-basis'?: string;
  ethics?: string;
  'end-date'?: string;
}

/** Creates the study and returns the lines to print. The command line acts for no account: a lead is required. */
export async function studyCreateCommand(store: Store, options: StudyCommandOptions): Promise<string[]> {
  if (!options.template) {
    const templates = await loadStudyTemplates();
    throw new ValidationError(`Ange en mall med --template: ${templates.map((t) => t.id).join(', ')}.`);
  }
  const parsed = studyCreateSchema.safeParse({
    template: options.template,
    title: options.title,
    lead: options.lead,
    legalBasis: options['legal-basis'] ?? 'follow-up',
    ethicsApproval: options.ethics ?? null,
    endDate: options['end-date'] ?? null,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ValidationError(`Ogiltigt värde för ${issue.path.join('.') || 'studien'}: ${issue.message}`);
  }
  if (!parsed.data.lead) throw new ValidationError('Ange projektledaren med --lead ANVÄNDARNAMN.');
  const study = await createStudyFromTemplate(store, parsed.data, null);
  await store.audit.append({ time: new Date().toISOString(), user: 'cli', role: null, action: 'study.create', study: study.id, family: null, object: study.id, outcome: 'ok' });
  return [
    `Studien "${study.title}" skapades med id ${study.id} (${study.questions.length} reflektionsfrågor).`,
    `Projektledaren ${parsed.data.lead} kan nu logga in, lägga till familjer och importera akter.`,
  ];
}
