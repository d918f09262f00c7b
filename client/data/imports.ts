// Import with a preview (lead only): upload a file (202, its text is extracted in the background), poll
// its progress, look at what pseudonymisation will replace, list missed names, then commit or discard.
// The preview holds original personal data: it lives in memory only, never in storage, URLs or logs.
// Example: let s = await startImport(api, 'demo', 'familj-a', { file, title: '' }, onProgress);
//          while (s.status === 'extracting') s = await fetchImport(api, 'demo', 'familj-a', s.id);
import type { DocumentMeta } from '../../server/domain/types.ts';
import type { PreviewPassage } from '../../server/domain/pseudonymise-preview.ts';
import type { PseudonymKind } from '../../server/domain/pseudonymise.ts';
import { seg, type Api, type ProgressListener } from './api.ts';

export type { PreviewPassage, PseudonymKind };

export interface ImportPreview {
  counts: Record<PseudonymKind, number>;
  passages: PreviewPassage[];
  /** More passages exist than were sent. */
  truncated: boolean;
}

interface ImportBase {
  id: string;
  title: string;
  fileName: string;
  /** 0–1 while extracting */
  progress: number;
}

/** A pending import in one of its three states. */
export type PendingImport =
  | (ImportBase & { status: 'extracting' })
  | (ImportBase & { status: 'ready'; length: number; entryCount: number; preview: ImportPreview })
  | (ImportBase & { status: 'failed'; error: { code: string; message: string } });

function base(studyId: string, familyId: string): string {
  return `/api/studies/${seg(studyId)}/families/${seg(familyId)}`;
}

/** Uploads a .txt/.md/.docx/.pdf file for a preview, reporting upload progress. */
export function startImport(
  api: Api, studyId: string, familyId: string, input: { file: File; title: string }, onProgress: ProgressListener,
): Promise<PendingImport> {
  const form = new FormData();
  form.append('file', input.file, input.file.name);
  if (input.title.trim()) form.append('title', input.title.trim());
  return api.upload(`${base(studyId, familyId)}/imports`, form, onProgress);
}

/** The import's state; when ready, with the preview under the family's current name list. */
export function fetchImport(api: Api, studyId: string, familyId: string, id: string): Promise<PendingImport> {
  return api.request('GET', `${base(studyId, familyId)}/imports/${seg(id)}`);
}

/** Stores the pseudonymised document. */
export function commitImport(
  api: Api, studyId: string, familyId: string, id: string,
): Promise<{ document: DocumentMeta; replacements: Record<string, number> }> {
  return api.request('POST', `${base(studyId, familyId)}/imports/${seg(id)}/commit`);
}

/** Forgets the upload (and its original text) on the server. */
export function discardImport(api: Api, studyId: string, familyId: string, id: string): Promise<void> {
  return api.request('DELETE', `${base(studyId, familyId)}/imports/${seg(id)}`);
}

/** The labels of the names listed for the family (the names themselves are never sent back). */
export async function fetchNameLabels(api: Api, studyId: string, familyId: string): Promise<string[]> {
  const { labels } = await api.request<{ labels: string[] }>('GET', `${base(studyId, familyId)}/names`);
  return labels;
}

/** Lists names (one word each) to replace by their labels; 422 with a Swedish message for a bad one. */
export async function addNames(
  api: Api, studyId: string, familyId: string, names: { name: string; label: string }[],
): Promise<string[]> {
  const { labels } = await api.request<{ labels: string[] }>('POST', `${base(studyId, familyId)}/names`, { body: { names } });
  return labels;
}
