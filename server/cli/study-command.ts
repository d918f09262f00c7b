// `backspegel study create --template ID --title T [--lead NAME] [--legal-basis follow-up|research]
// [--ethics DNR] [--end-date YYYY-MM-DD]`: a new study from a template, as the API would create it.
// `backspegel study close --study S`: the study becomes read-only, as when its lead closes it.
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { closeStudy } from '../domain/study-close.ts';
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
  if (study.kind === 'inventory') {
    return [
      `Målgruppsinventeringen "${study.title}" skapades med id ${study.id} (${study.inventory!.scale.length} nivåer, ${study.inventory!.criteria.length} kriterier).`,
      `Projektledaren ${parsed.data.lead} kan nu logga in och läsa in barnen från en CSV-fil.`,
    ];
  }
  return [
    `Studien "${study.title}" skapades med id ${study.id} (${study.questions.length} reflektionsfrågor).`,
    `Projektledaren ${parsed.data.lead} kan nu logga in, lägga till familjer och importera akter.`,
  ];
}

/** Closes the study `--study S` (read-only from now on; exports still work); audited as "cli". */
export async function studyCloseCommand(store: Store, options: { study?: string }): Promise<string[]> {
  if (!options.study) throw new ValidationError('Ange studien med --study ID.');
  const repo = store.study(options.study);
  if (!repo) throw new NotFoundError('Studien finns inte.');
  await repo.mutateStudy((d) => closeStudy(d, 'cli', new Date()));
  await store.audit.append({ time: new Date().toISOString(), user: 'cli', role: null, action: 'study.close', study: repo.id, family: null, object: repo.id, outcome: 'ok' });
  return [`Studien ${repo.id} är avslutad: den är skrivskyddad, men rapporter och exporter fungerar. Projektledaren kan nu radera den.`];
}
