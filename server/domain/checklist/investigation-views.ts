// The investigations of one family as the checklist shows them: each investigation found in each of
// the family's documents (an investigation never spans documents), with its appraisal merged in.
// The appraisal's dates override those found; days and the four-month limit follow the dates in effect.
import { findInvestigations, investigationTiming } from '../investigations.ts';
import type { Entry } from '../types.ts';
import type { InvestigationAppraisal, InvestigationView } from './checklist-types.ts';

export interface FamilyDocumentEntries {
  documentId: string;
  entries: ReadonlyArray<Pick<Entry, 'start' | 'date' | 'kind' | 'title'>>;
}

/** An investigation's id: its document and the index of its start entry. */
export const investigationId = (documentId: string, startEntryIndex: number): string => `${documentId}:${startEntryIndex}`;

/**
 * Every investigation of the family, document by document in the order given. `asOf` (ISO date, the
 * clock's today) makes an undecided investigation past its limit count as over it.
 */
export function investigationViews(
  familyId: string,
  documents: readonly FamilyDocumentEntries[],
  appraisals: readonly InvestigationAppraisal[],
  asOf: string,
): InvestigationView[] {
  const byId = new Map(appraisals.map((a) => [a.id, a]));
  return documents.flatMap(({ documentId, entries }) =>
    findInvestigations(entries).map((found): InvestigationView => {
      const id = investigationId(documentId, found.start.entryIndex);
      const stored = byId.get(id);
      const start = stored?.start ?? found.start.date;
      const decided = stored?.decided ?? found.decided?.date ?? null;
      const { days, limit, overLimit } = investigationTiming(start, decided, { asOf });
      const startEntry = entries[found.start.entryIndex]!;
      let appraisal: InvestigationView['appraisal'] = null;
      if (stored) {
        const { id: _id, ...rest } = stored;
        appraisal = rest;
      }
      return {
        id,
        familyId,
        documentId,
        startTitle: startEntry.title,
        startOffset: startEntry.start,
        found: { start: found.start.date, decided: found.decided?.date ?? null },
        start,
        decided,
        days,
        limit,
        overLimit,
        extended: found.extended !== null,
        short: found.short,
        appraisal,
        version: stored?.version ?? 0,
      };
    }),
  );
}
