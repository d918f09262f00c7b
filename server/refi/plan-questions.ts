// Planning an imported project, step 1: the study's reflection questions — our own export's question
// codes (children of its root code), else the template's.
import { ValidationError } from '../domain/errors.ts';
import { guidKey } from '../domain/refi-codebook-import.ts';
import { reviseQuestions } from '../domain/study-setup.ts';
import type { ReflectionQuestion } from '../domain/types.ts';
import { pseudonymiseFreeText, pseudonymiseName } from './import-text.ts';
import type { PlanContext } from './plan-context.ts';
import { KNOWN_NO_GUID, KNOWN_YES_GUID, QUESTION_ROOT_GUID, readQuestionDescription } from './project-guids.ts';
import type { ParsedProject } from './project-parse.ts';

export interface PlannedQuestions {
  questions: ReflectionQuestion[];
  /** A question code's guid key → the question id. */
  questionOfGuid: Map<string, string>;
  /** A note marker's reflection key → the key in the new study ('summary' or a question id); null if unknown. */
  questionKey: (key: string | null) => string | null;
  /** Guid keys of the "known at the time" yes/no codes. */
  knownYes: string;
  knownNo: string;
  /** Guid keys of the codes that are questions or their markers, not codes of the codebook. */
  notCodes: Set<string>;
}

export function planQuestions(parsed: ParsedProject, templateQuestions: ReflectionQuestion[], { key, now, warnings }: PlanContext): PlannedQuestions {
  const rootKey = guidKey(QUESTION_ROOT_GUID);
  const knownYes = guidKey(KNOWN_YES_GUID);
  const knownNo = guidKey(KNOWN_NO_GUID);
  const questionCodes = parsed.codes.filter((c) => c.parentGuid !== null && guidKey(c.parentGuid) === rootKey && ![knownYes, knownNo].includes(guidKey(c.guid)));
  const ownQuestions = questionCodes.slice(0, 9).map((c) => {
    const { text, id } = readQuestionDescription(c.description);
    return { guid: guidKey(c.guid), id, label: pseudonymiseName(c.name, key, now, 60), text: pseudonymiseFreeText(text || c.name, key, now).slice(0, 500) };
  });
  if (questionCodes.length > 9) warnings.push(`Projektet har ${questionCodes.length} reflektionsfrågor; en studie har högst nio, så de första nio importerades.`);
  let questions: ReflectionQuestion[];
  const questionOfGuid = new Map<string, string>();
  if (ownQuestions.length) {
    const taken = new Set<string>();
    const ids = ownQuestions.map((q) => (q.id && !taken.has(q.id) ? (taken.add(q.id), q.id) : undefined));
    const revised = reviseQuestions([], ownQuestions.map(({ label, text }) => ({ label, text })), false);
    questions = revised.map((q, i) => ({ ...q, id: ids[i] ?? (taken.has(q.id) ? `${q.id}-${i + 1}` : q.id) }));
    ownQuestions.forEach((q, i) => questionOfGuid.set(q.guid, questions[i]!.id));
  } else {
    questions = templateQuestions;
    if (!questions.length) throw new ValidationError('Projektet har inga reflektionsfrågor och mallen inga egna. Välj en mall med frågor.', 'questions_count');
  }
  const oldQuestionId = new Map(ownQuestions.map((q, i) => [q.id ?? questions[i]!.id, questions[i]!.id]));
  const questionKey = (key: string | null): string | null => (key === 'summary' ? 'summary' : key ? oldQuestionId.get(key) ?? null : null);
  const notCodes = new Set([rootKey, knownYes, knownNo, ...questionCodes.map((c) => guidKey(c.guid))]);
  return { questions, questionOfGuid, questionKey, knownYes, knownNo, notCodes };
}
