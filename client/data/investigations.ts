// Investigation (utredning) calls: the study's checklist, a family's investigations with their appraisals,
// saving an appraisal (If-Match: the view's version, 0 before the first save; 409 `conflict` with the
// stored view as `current` when stale), and the study-wide summary with its chart and CSV export.
import type { Checklist, InvestigationSummary, InvestigationView, ItemFinding } from '../../server/domain/checklist/checklist-types.ts';
import { seg, type Api } from './api.ts';

/** What the appraisal form sends. */
export interface AppraisalInput {
  /** ISO dates; null keeps the one found in the chronology. */
  start: string | null;
  decided: string | null;
  findings: Record<string, ItemFinding>;
  comment: string;
}

const study = (studyId: string) => `/api/studies/${seg(studyId)}`;
const family = (studyId: string, familyId: string) => `${study(studyId)}/families/${seg(familyId)}/investigations`;

/** The study's kortutredning checklist and its manual. */
export function fetchChecklist(api: Api, studyId: string): Promise<Checklist> {
  return api.request('GET', `${study(studyId)}/checklist`);
}

/** Every investigation found in the family's chronology, with its appraisal merged in. */
export function fetchInvestigations(api: Api, studyId: string, familyId: string): Promise<InvestigationView[]> {
  return api.request('GET', family(studyId, familyId));
}

/** Saves the appraisal of one investigation over `version`; 409 `conflict` (current: the stored view) when stale. */
export function saveAppraisal(
  api: Api, studyId: string, familyId: string, investigationId: string, version: number, input: AppraisalInput,
): Promise<InvestigationView> {
  return api.request('PUT', `${family(studyId, familyId)}/${seg(investigationId)}`, {
    body: input,
    headers: { 'If-Match': String(version) },
  });
}

/** The study-wide picture across the families the user may see (researchers and the lead). */
export function fetchInvestigationSummary(api: Api, studyId: string): Promise<InvestigationSummary> {
  return api.request('GET', `${study(studyId)}/investigations/summary`);
}

/** The summary chart (an SVG image). */
export const investigationChartUrl = (studyId: string): string => `${study(studyId)}/investigations/chart.svg`;

/** The CSV export of every investigation and its appraisal. */
export const investigationCsvUrl = (studyId: string): string => `${study(studyId)}/export/investigations.csv`;
