// Creating a study and revising its reflection questions: pure rules shared by the API and the CLI.
import { ValidationError } from './errors.ts';
import type { ReflectionQuestion, Study } from './types.ts';

/** A readable id from a title: "Uppföljning Östra 2026" → "uppfoljning-ostra-2026", unique among `taken`. */
export function studyIdFrom(title: string, taken: ReadonlySet<string>): string {
  const base =
    title
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
      .replace(/-+$/, '') || 'studie';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The questions after the lead's revision. Until the first annotation exists they may be added,
 * reworded, reordered and removed; after that only reworded — same questions, same order — since
 * annotations and reflections point at them. New questions get an id made from their label.
 * Example: reviseQuestions(current, [{ id: 'tidiga-tecken', label: 'Tidiga tecken', text: '…' }], true)
 */
export function reviseQuestions(
  current: readonly ReflectionQuestion[],
  next: readonly { id?: string; label: string; text: string }[],
  locked: boolean,
): ReflectionQuestion[] {
  if (next.length < 1 || next.length > 9) throw new ValidationError('En studie har en till nio reflektionsfrågor.', 'questions_count');
  if (locked) {
    const same = next.length === current.length && next.every((q, i) => q.id === current[i]!.id);
    if (!same) {
      throw new ValidationError(
        'Det finns redan markeringar: frågorna kan formuleras om men inte läggas till, tas bort eller ordnas om.',
        'questions_locked',
      );
    }
  }
  const known = new Set(current.map((q) => q.id));
  const taken = new Set<string>();
  return next.map((q) => {
    if (q.id && !known.has(q.id)) throw new ValidationError('En fråga med det id:t finns inte i studien.', 'unknown_question');
    const id = q.id ?? studyIdFrom(q.label, new Set([...known, ...taken]));
    if (taken.has(id)) throw new ValidationError('Samma fråga finns två gånger.', 'duplicate_question');
    taken.add(id);
    return { id, label: q.label.trim(), text: q.text.trim() };
  });
}

export interface NewStudyInput {
  id: string;
  title: string;
  description: string;
  selectionCriteria: string;
  template: string;
  legalBasis: Study['legalBasis'];
  ethicsApproval: string | null;
  endDate: string | null;
  questions: ReflectionQuestion[];
  leadId: string;
}

/** A new, open study with its lead as the only member and no families yet. */
export function newStudy(input: NewStudyInput): Study {
  return {
    id: input.id,
    title: input.title.trim(),
    description: input.description.trim(),
    selectionCriteria: input.selectionCriteria.trim(),
    template: input.template,
    legalBasis: input.legalBasis,
    ethicsApproval: input.ethicsApproval?.trim() || null,
    endDate: input.endDate,
    questions: input.questions,
    members: [{ userId: input.leadId, role: 'lead' }],
    families: [],
    documents: [],
    status: 'open',
    version: 1,
  };
}
