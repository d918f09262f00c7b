// The lead's import of a whole case-file archive: upload one zip of family folders, or many files each
// with its family (upload progress reported), poll the job while its files are read in the background,
// confirm or reject the suggested names per family, then commit or discard. The job's originals live
// in the server's memory only; the suggestions' contexts quote them and are for the lead's eyes only.
// Example: const { job } = await startBulkImport(api, 'demo', { kind: 'archive', archive: file }, onProgress);
//          while ((await fetchBulkImport(api, 'demo', job.id)).state === 'running') …
import type { BulkJobView, FileWarning, JobFamilyView, JobFileView } from '../../server/import/bulk-import-view.ts';
import type { JobState, JobWarning } from '../../server/import/bulk-imports.ts';
import type { NameSuggestion } from '../../server/domain/name-suggestions.ts';
import type { DocumentMeta } from '../../server/domain/types.ts';
import { seg, type Api, type ProgressListener } from './api.ts';

export type { BulkJobView, FileWarning, JobFamilyView, JobFileView, JobState, JobWarning, NameSuggestion };

/** What the lead uploads: one archive, or files each with the family it belongs to. */
export type BulkUpload =
  | { kind: 'archive'; archive: File }
  | { kind: 'files'; files: { file: File; familyId: string }[] };

/** One of the lead's jobs as listed (to come back to a running or ready one). */
export interface BulkJobSummary {
  id: string;
  state: JobState;
  done: number;
  total: number;
  documents: number;
  createdAt: string;
}

/** The names the lead decided on for one family. */
export interface NameDecision {
  familyId: string;
  confirm: { name: string; label: string }[];
  reject: string[];
}

/** What a commit stored. */
export interface BulkCommitResult {
  documents: DocumentMeta[];
  /** Files left out as duplicates. */
  skipped: number;
  job: BulkJobView;
}

const base = (studyId: string) => `/api/studies/${seg(studyId)}/imports`;

/** Uploads the archive or files (202), reporting upload progress; the job then reads them in the background. */
export function startBulkImport(api: Api, studyId: string, upload: BulkUpload, onProgress: ProgressListener): Promise<{ job: BulkJobView }> {
  const form = new FormData();
  if (upload.kind === 'archive') form.append('archive', upload.archive, upload.archive.name);
  else {
    for (const { file } of upload.files) form.append('files', file, file.name);
    for (const { familyId } of upload.files) form.append('family', familyId);
  }
  return api.upload(base(studyId), form, onProgress);
}

/** The lead's own jobs in the study. */
export async function fetchBulkImports(api: Api, studyId: string): Promise<BulkJobSummary[]> {
  const { jobs } = await api.request<{ jobs: BulkJobSummary[] }>('GET', base(studyId));
  return jobs;
}

/** One job: progress, files with warnings, and per family the preview and suggested names. */
export function fetchBulkImport(api: Api, studyId: string, jobId: string): Promise<BulkJobView> {
  return api.request('GET', `${base(studyId)}/${seg(jobId)}`);
}

/** Confirms names (they become the family's name rules) and rejects others; returns the job as it now is. */
export function decideBulkNames(api: Api, studyId: string, jobId: string, decision: NameDecision): Promise<BulkJobView> {
  return api.request('POST', `${base(studyId)}/${seg(jobId)}/names`, { body: decision });
}

/** Stores every ready file that is not a duplicate (201). */
export function commitBulkImport(api: Api, studyId: string, jobId: string): Promise<BulkCommitResult> {
  return api.request('POST', `${base(studyId)}/${seg(jobId)}/commit`);
}

/** Discards the job and its originals on the server (204). */
export function discardBulkImport(api: Api, studyId: string, jobId: string): Promise<void> {
  return api.request('DELETE', `${base(studyId)}/${seg(jobId)}`);
}
