// What a parsed REFI-QDA project becomes in a new Backspegel study: everything is built here, in
// memory, before anything is written (project-import.ts writes it). The steps, in order: questions
// (plan-questions.ts), the codebook (plan-codes.ts), cases → families (plan-families.ts), sources →
// documents with their annotations and codings (plan-documents.ts), notes → reflections and memos
// (plan-notes.ts). Warnings are Swedish and name no content from the file (counts, and source files by
// their path).
import { prepareTitle } from '../domain/prepare-document.ts';
import { newStudy, studyIdFrom } from '../domain/study-setup.ts';
import type { Annotation, Code, Coding, DocumentMeta, Entry, Memo, ReflectionQuestion, Study } from '../domain/types.ts';
import type { StoredReflection } from '../store/family-collections.ts';
import { pseudonymiseFreeText } from './import-text.ts';
import { collectCodings, planCodes } from './plan-codes.ts';
import type { PlanContext } from './plan-context.ts';
import { planDocuments } from './plan-documents.ts';
import { planFamilies, settleActiveYears } from './plan-families.ts';
import { planNotes } from './plan-notes.ts';
import { planQuestions } from './plan-questions.ts';
import type { ProjectPackage } from './project-package.ts';
import type { ParsedProject } from './project-parse.ts';

export interface ImportContext {
  importerId: string;
  key: Uint8Array;
  now: Date;
  takenStudyIds: ReadonlySet<string>;
  /** The template's questions and settings, for a project that brings no questions of its own. */
  template: { id: string; questions: ReflectionQuestion[]; description: string; selectionCriteria: string; legalBasis: Study['legalBasis'] };
  /** A title typed in the form; else the project's name. */
  title?: string;
}

export interface ImportCounts {
  documents: number;
  codes: number;
  codings: number;
  annotations: number;
  memos: number;
  families: number;
}

export interface StudyPlan {
  study: Study;
  documents: { meta: DocumentMeta; text: string; entries: Entry[] }[];
  codes: Code[];
  codings: Coding[];
  /** Per family id. */
  annotations: Map<string, Annotation[]>;
  reflections: Map<string, StoredReflection[]>;
  memos: Memo[];
  counts: ImportCounts;
  warnings: string[];
}

export function planStudy(parsed: ParsedProject, pkg: ProjectPackage, ctx: ImportContext): StudyPlan {
  const { importerId: by, key, now } = ctx;
  const plan: PlanContext = { by, at: now.toISOString(), key, now, warnings: [...parsed.codeWarnings] };

  const questions = planQuestions(parsed, ctx.template.questions, plan);
  const title = prepareTitle(ctx.title || parsed.name || 'Importerat REFI-QDA-projekt', key, now).slice(0, 200) || 'Importerat REFI-QDA-projekt';
  const study = newStudy({
    id: studyIdFrom(title, ctx.takenStudyIds),
    title,
    description: (parsed.description ? pseudonymiseFreeText(parsed.description, key, now) : ctx.template.description).slice(0, 5000),
    selectionCriteria: ctx.template.selectionCriteria,
    template: ctx.template.id,
    legalBasis: ctx.template.legalBasis,
    ethicsApproval: null,
    endDate: null,
    questions: questions.questions,
    leadId: by,
  });

  const { codes, codeOfGuid } = planCodes(parsed, questions.notCodes, plan);
  const families = planFamilies(parsed, study, plan);
  const codings = collectCodings(plan);
  const { documents, annotations } = planDocuments({ parsed, pkg, study, families, questions, codeOfGuid, codings }, plan);
  settleActiveYears(study, families.familyYears, documents);
  const { memos, reflections } = planNotes(
    { parsed, study, caseFamily: families.caseFamily, codeOfGuid, questionKey: questions.questionKey, codings },
    plan,
  );

  const annotationCount = [...annotations.values()].reduce((n, l) => n + l.length, 0);
  return {
    study,
    documents,
    codes,
    codings: codings.codings,
    annotations,
    reflections,
    memos,
    counts: { documents: documents.length, codes: codes.length, codings: codings.codings.length, annotations: annotationCount, memos: memos.length, families: study.families.length },
    warnings: plan.warnings,
  };
}
