// Codings as the API returns them: each with its code's name, its coder, and the segment it codes
// resolved in context (family, document, date, question, the caseworker's comment, the text itself).
import { reanchor } from '../domain/anchoring.ts';
import { lastStartingAtOrBefore } from '../domain/sorted-spans.ts';
import type { Annotation, CodedSegment, Code, Coding, CodingTarget, CodingView, Entry } from '../domain/types.ts';
import type { StudyRepo } from '../store/study-repo.ts';
import type { User } from '../store/app-data.ts';
import { displayName } from './views.ts';
import { yieldToEventLoop } from '../workers/event-loop.ts';

type PassageTarget = Extract<CodingTarget, { type: 'passage' }>;

/** A reflection is shown up to this length where it is coded whole. */
const MAX_REFLECTION_EXCERPT = 1_000;

/** The date of the entry containing `offset` (entries are in text order). */
export function entryDateAt(entries: readonly Entry[], offset: number): string | null {
  return entries[lastStartingAtOrBefore(entries, offset)]?.date ?? null;
}

export async function codingViews(repo: StudyRepo, codes: readonly Code[], codings: readonly Coding[], users: User[]): Promise<CodingView[]> {
  const codeNames = new Map(codes.map((c) => [c.id, c.name]));
  const segments = await segmentViews(repo, codings);
  return codings.map((coding, i) => ({
    ...coding,
    codeName: codeNames.get(coding.codeId) ?? '',
    createdByName: displayName(users, coding.createdBy) ?? '',
    segment: segments[i]!,
  }));
}

/**
 * The segments of `items` (a coding, or an agreement round's unit: a target in a family), resolved in
 * context. Passages are resolved a document at a time, each text read once and let go before the next:
 * the report resolves every coding of the study, and holding the texts of a study ten times the bench
 * study's size took 800 MB. An annotation needs only its document's chronology.
 */
export async function segmentViews(repo: StudyRepo, items: readonly { target: CodingTarget; familyId: string }[]): Promise<CodedSegment[]> {
  const study = repo.study;
  const pseudonyms = new Map(study.families.map((f) => [f.id, f.pseudonym]));
  const titles = new Map(study.documents.map((d) => [d.id, d.title]));
  const views: CodedSegment[] = new Array(items.length);
  const passagesByDocument = new Map<string, [number, PassageTarget][]>();
  const baseOf = (item: (typeof items)[number]) => ({
    familyId: item.familyId,
    familyPseudonym: pseudonyms.get(item.familyId) ?? item.familyId,
    documentId: null, documentTitle: null, start: null, date: null, questionId: null,
    comment: null, annotationId: null, reflectionKey: null, orphan: false,
  });

  for (const [i, item] of items.entries()) {
    // In turns: the report resolves every coding of the study (50,000 at ten times the bench study).
    if (i > 0 && i % 2000 === 0) await yieldToEventLoop();
    const t = item.target;
    // Passages are resolved below, a document at a time.
    if (t.type === 'passage') {
      const list = passagesByDocument.get(t.documentId);
      if (list) list.push([i, t]);
      else passagesByDocument.set(t.documentId, [[i, t]]);
      continue;
    }
    const base = baseOf(item);
    if (t.type === 'annotation') {
      const a = repo.annotation(t.id);
      if (!a) views[i] = { ...base, text: '', orphan: true, annotationId: t.id };
      else {
        const entries = await repo.documents.entries(a.documentId);
        views[i] = {
          ...base, documentId: a.documentId, documentTitle: titles.get(a.documentId) ?? null, start: a.target.start,
          date: entryDateAt(entries, a.target.start), questionId: a.questionId, text: a.target.exact, comment: a.comment, annotationId: a.id,
        };
      }
    } else {
      const stored = repo.familyData(t.familyId).reflections[t.key]?.text ?? '';
      const questionId = t.key === 'summary' ? null : t.key;
      if (t.passage) {
        const { status, target } = reanchor(stored, t.passage);
        views[i] = { ...base, start: target.start, questionId, reflectionKey: t.key, text: target.exact, orphan: status === 'orphan' };
      } else {
        const text = stored.length > MAX_REFLECTION_EXCERPT ? `${stored.slice(0, MAX_REFLECTION_EXCERPT)}…` : stored;
        views[i] = { ...base, questionId, reflectionKey: t.key, text, orphan: !stored.trim() };
      }
    }
  }

  for (const [documentId, passages] of passagesByDocument) {
    const { text, entries } = await repo.documents.read(documentId);
    for (const [i, t] of passages) {
      const { status, target } = reanchor(text, t);
      views[i] = {
        ...baseOf(items[i]!), documentId, documentTitle: titles.get(documentId) ?? null, start: target.start,
        date: entryDateAt(entries, target.start), text: target.exact, orphan: status === 'orphan',
      };
    }
  }
  return views;
}
