// Downloading a file from the API with progress: fetch, the body read as a stream (bytes so far, and the
// total when the server sends Content-Length), then saved through a blob URL and an <a download>.
// Example: const file = await downloadFile(api, '/api/studies/s/export/annotations.csv', (p) => (this._progress = p));
//          saveFile(file);
import { ApiError, apiErrorFrom, type Api } from './api.ts';
import { t } from '../i18n/sv.ts';

export interface DownloadProgress {
  received: number;
  /** From Content-Length; null when the server does not say. */
  total: number | null;
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** The file name in a Content-Disposition header (`attachment; filename="x.csv"`), or `fallback`. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(disposition ?? '') ?? /filename=([^;]+)/.exec(disposition ?? '');
  return match?.[1]?.trim() || fallback;
}

export async function downloadFile(api: Api, path: string, fallbackName: string, onProgress: (p: DownloadProgress) => void): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(api.base + path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', t('error.network'));
  }
  if (response.status !== 401) api.noteActivity();
  if (!response.ok) throw api.noteError(apiErrorFrom(response.status, await response.text().catch(() => '')));
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  onProgress({ received, total });
  const reader = response.body?.getReader();
  try {
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress({ received, total });
    }
  } catch {
    throw new ApiError(0, 'network', t('error.network'));
  }
  return { blob: new Blob(chunks, { type }), fileName: fileNameFrom(response.headers.get('content-disposition'), fallbackName) };
}

/** Hands the file to the browser's download: a temporary blob URL on an <a download>, clicked once. */
export function saveFile(file: DownloadedFile): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
