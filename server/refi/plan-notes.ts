// Planning an imported project, step 5: notes → reflections (our own export's reflection notes, with
// their codings) and memos (about a reflection, a code, a family or the study).
import { makeTarget } from '../domain/anchoring.ts';
import type { Memo, Study } from '../domain/types.ts';
import type { StoredReflection } from '../store/family-collections.ts';
import { newId } from '../store/ids.ts';
import { pseudonymiseFreeText, pseudonymiseName, pseudonymiseNote } from './import-text.ts';
import type { CodingCollector } from './plan-codes.ts';
import { plural, type PlanContext } from './plan-context.ts';
import { readNoteMarker } from './project-guids.ts';
import type { ParsedProject } from './project-parse.ts';

export interface NotesInput {
  parsed: ParsedProject;
  study: Study;
  /** A case guid → its family id. */
  caseFamily: ReadonlyMap<string, string>;
  codeOfGuid: ReadonlyMap<string, string>;
  questionKey: (key: string | null) => string | null;
  codings: CodingCollector;
}

/** The memos, and the reflections per family id; a reflection's codings go to `codings`. */
export function planNotes(input: NotesInput, { by, at, key, now, warnings }: PlanContext): { memos: Memo[]; reflections: Map<string, StoredReflection[]> } {
  const { parsed, study, caseFamily, codeOfGuid, questionKey } = input;
  const memos: Memo[] = [];
  const reflections = new Map<string, StoredReflection[]>();
  const caseOfNote = new Map<string, string>();
  for (const l of parsed.links) {
    if (caseFamily.has(l.origin)) caseOfNote.set(l.target, caseFamily.get(l.origin)!);
    else if (caseFamily.has(l.target)) caseOfNote.set(l.origin, caseFamily.get(l.target)!);
  }
  const codeOfNote = new Map<string, string>();
  for (const [codeGuid, notes] of parsed.codeNotes) {
    const codeId = codeOfGuid.get(codeGuid);
    if (codeId) for (const n of notes) codeOfNote.set(n, codeId);
  }
  let referenceNotes = 0;
  let noteSelections = 0;
  let unplaced = 0;
  for (const note of parsed.notes) {
    const marker = readNoteMarker(note.description);
    const familyId = caseOfNote.get(note.guid) ?? null;
    if (marker?.kind === 'reference') {
      referenceNotes++;
      continue;
    }
    const reflectionKey = questionKey(marker?.key ?? null);
    if (marker?.kind === 'reflection' && familyId && reflectionKey) {
      const { text, spans } = pseudonymiseNote(note.text, note.selections, key, now);
      const reflection: StoredReflection = { id: reflectionKey, text, version: 1, updatedAt: note.modified ?? at, updatedBy: by };
      reflections.set(familyId, [...(reflections.get(familyId) ?? []).filter((r) => r.id !== reflectionKey), reflection]);
      // A selection that cannot be placed in the reflection's text is left out, and counted in a warning.
      for (const [i, sel] of note.selections.entries()) {
        const span = spans[i];
        if (!span) {
          unplaced++;
          continue;
        }
        const passage = !(span.start === 0 && span.end === text.length) ? makeTarget(text, span.start, span.end) : null;
        for (const c of sel.codes) {
          const codeId = codeOfGuid.get(c);
          if (codeId) input.codings.add(codeId, { type: 'reflection', familyId, key: reflectionKey, passage }, familyId, sel.created);
        }
      }
      continue;
    }
    noteSelections += note.selections.length;
    if (!note.text.trim() && !note.name) continue;
    const codeId = codeOfNote.get(note.guid);
    const about: Memo['about'] =
      marker?.kind === 'meta-reflection' && familyId && reflectionKey ? { type: 'reflection', id: `${familyId}:${reflectionKey}` }
      : codeId ? { type: 'code', id: codeId }
      : familyId ? { type: 'family', id: familyId }
      : { type: 'study', id: study.id };
    memos.push({
      id: newId('m'), title: pseudonymiseName(note.name, key, now) || 'Anteckning', body: pseudonymiseFreeText(note.text, key, now).slice(0, 100_000), about,
      familyId: about.type === 'family' || about.type === 'reflection' ? familyId : null,
      authorId: by, createdAt: note.created ?? at, updatedAt: note.modified ?? note.created ?? at, version: 1,
    });
  }
  if (referenceNotes) warnings.push(`${plural(referenceNotes, 'litteraturreferens', 'litteraturreferenser')} importerades inte; lägg in dem i referensbiblioteket på nytt.`);
  if (unplaced) warnings.push(`${plural(unplaced, 'markering', 'markeringar')} i reflektioner kunde inte placeras i texten och importerades inte.`);
  if (noteSelections) warnings.push(`${plural(noteSelections, 'markering', 'markeringar')} i anteckningar importerades inte.`);
  return { memos, reflections };
}
