// Målgruppsinventering calls (/api/studies/:study/inventory): the children the user may see, saving one
// rating over its version (If-Match; 409 `conflict` with the stored rating in `current`), the lead's CSV
// import, sample and families, and the summary for the lead and researchers.
import type { InventoryChildView, InventorySummary } from '../../server/domain/inventory/inventory-types.ts';
import { ApiError, seg, type Api } from './api.ts';

function base(studyId: string): string {
  return `/api/studies/${seg(studyId)}/inventory`;
}

/** What a rater saves for one child. */
export interface RatingInput {
  level: string;
  criteria: string[];
  reason: string;
}

/** One rejected CSV row, as the 422 `invalid_rows` answer lists them (row numbers as in the file). */
export interface RowError {
  row: number;
  message: string;
}

/** Caseworkers: their own children and those they second-rate; lead/researchers: all, with the caseworker's rating. */
export function fetchInventoryChildren(api: Api, studyId: string): Promise<InventoryChildView[]> {
  return api.request('GET', `${base(studyId)}/children`);
}

/** One child as the asking user sees it. */
export function fetchInventoryChild(api: Api, studyId: string, childId: string): Promise<InventoryChildView> {
  return api.request('GET', `${base(studyId)}/children/${seg(childId)}`);
}

/** Saves the asking user's rating over `version` (0 for the first save); answers the child with the new version. */
export function saveInventoryRating(api: Api, studyId: string, childId: string, version: number, rating: RatingInput): Promise<InventoryChildView> {
  return api.request('PUT', `${base(studyId)}/children/${seg(childId)}`, {
    body: rating,
    headers: { 'If-Match': String(version) },
  });
}

/** The lead imports children from a CSV file (pseudonym;enhet;åldersgrupp;handläggare); 422 `invalid_rows` imports nothing. */
export function importInventoryChildren(api: Api, studyId: string, file: File): Promise<{ imported: number }> {
  const form = new FormData();
  form.append('file', file);
  return api.upload(`${base(studyId)}/children`, form, () => undefined);
}

/** The rejected rows of an import's 422 answer (empty when the error is of another kind). */
export function rowErrorsOf(err: unknown): RowError[] {
  const rows = err instanceof ApiError ? err.details?.rows : undefined;
  return Array.isArray(rows) ? rows.filter((r): r is RowError => typeof r?.row === 'number' && typeof r?.message === 'string') : [];
}

/** Distribution, intervals, criteria and agreement (lead and researchers). */
export function fetchInventorySummary(api: Api, studyId: string): Promise<InventorySummary> {
  return api.request('GET', `${base(studyId)}/summary`);
}

/** The chart's address for an <img> (an SVG with its own text alternative). */
export function inventoryChartUrl(studyId: string): string {
  return `${base(studyId)}/chart.svg`;
}

/** The CSV export's address. */
export function inventoryExportUrl(studyId: string): string {
  return `/api/studies/${seg(studyId)}/export/inventory.csv`;
}

/** The lead draws `size` children for blind double rating; answers how many are in the sample. */
export function drawInventorySample(api: Api, studyId: string, size: number): Promise<{ sample: number }> {
  return api.request('POST', `${base(studyId)}/sample`, { body: { size } });
}

/** The lead turns children into families of a case-file study; answers the new families. */
export function makeFamiliesOfChildren(api: Api, studyId: string, targetStudy: string, children: string[]): Promise<{ families: { id: string; pseudonym: string }[] }> {
  return api.request('POST', `${base(studyId)}/families`, { body: { targetStudy, children } });
}
