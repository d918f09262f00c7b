// The one door from the browser to the server: a small fetch wrapper that sends and receives JSON with the
// session cookie and turns the server's `{ error: { code, message } }` bodies into a typed ApiError.
// Example: const studies = await api.request<StudySummary[]>('GET', '/api/studies');
import { t, tKey } from '../i18n/sv.ts';
import { JsonOffThread } from './json-off-thread.ts';

/** An error answer from the API (or a network failure, status 0). `current` is set on 409 conflicts. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly current: unknown;
  /** The whole `error` object of the answer, for codes that carry more (an import's rejected `rows`). */
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, current?: unknown, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.current = current;
    this.details = details;
  }
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** false: the answer does not count as activity (logging out does not keep a session alive). */
  activity?: boolean;
  /** true: the request outlives the page (a last report as the user leaves). */
  keepalive?: boolean;
}

/** Builds an ApiError from a response status and its (possibly empty or non-JSON) body text. */
export function apiErrorFrom(status: number, bodyText: string): ApiError {
  let code = status === 401 ? 'unauthenticated' : `http_${status}`;
  let message = '';
  let current: unknown;
  let details: Record<string, unknown> | undefined;
  try {
    const parsed = JSON.parse(bodyText) as { error?: { code?: unknown; message?: unknown; current?: unknown } };
    if (parsed.error && typeof parsed.error.code === 'string') code = parsed.error.code;
    if (parsed.error && typeof parsed.error.message === 'string') message = parsed.error.message;
    current = parsed.error?.current;
    if (parsed.error && typeof parsed.error === 'object') details = parsed.error as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy error page, say): keep the status-derived code.
  }
  return new ApiError(status, code, message, current, details);
}

/** A Swedish message for the user, from the error's code where we know it. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('error.network');
    if (err.code === 'validation') return t('error.validation', { message: err.message });
    return tKey(`error.${err.code}`) ?? (err.message || t('error.unknown', { status: err.status }));
  }
  return t('error.unknown', { status: err instanceof Error ? err.message : String(err) });
}

/** The API client: a base URL, a hook for "session expired" answers, and the time of the last call that
 * reached the server with a live session (the idle-timeout warning counts from it). */
export class Api {
  readonly base: string;
  /** Called when any call answers 401 `unauthenticated` (the session expired or was ended elsewhere). */
  onUnauthenticated: (() => void) | null;
  /** Called when any call answers 403 `password_change_required` (a one-time password must be changed first). */
  onPasswordChangeRequired: (() => void) | null = null;
  /** Date.now() of the last answer other than 401; 0 before the first. */
  lastActivityAt = 0;
  private readonly _activityListeners = new Set<(at: number) => void>();
  private readonly _offThread: JsonOffThread;

  constructor(base = '', onUnauthenticated: (() => void) | null = null) {
    this.base = base;
    this.onUnauthenticated = onUnauthenticated;
    this._offThread = new JsonOffThread(base);
  }

  /** Reports an error answer: session expiry and a required password change go to their hooks as well as to the caller. */
  noteError(err: ApiError): ApiError {
    if (err.status === 401 && (err.code === 'unauthenticated' || err.code === 'session_expired')) this.onUnauthenticated?.();
    if (err.status === 403 && err.code === 'password_change_required') this.onPasswordChangeRequired?.();
    return err;
  }

  /**
   * Records that the server answered a call with a live session. Any answer but 401 counts: the server
   * resolved the session (which resets its idle timer) before it decided anything else.
   */
  noteActivity(at = Date.now()): void {
    this.lastActivityAt = Math.max(this.lastActivityAt, at);
    for (const listener of this._activityListeners) listener(at);
  }

  /** Calls `listener` after every recorded activity; returns a function that stops it. */
  onActivity(listener: (at: number) => void): () => void {
    this._activityListeners.add(listener);
    return () => this._activityListeners.delete(listener);
  }

  /** Starts the worker that getOffThread uses, so that it is ready when the first case file is opened. */
  startWorker(): void {
    this._offThread.start();
  }

  /** As request('GET', path), with the answer read and parsed in a worker: for answers of several megabytes. */
  async getOffThread<T>(path: string): Promise<T> {
    const answer = await this._offThread.get(this.base + path);
    if (!answer) return this.request<T>('GET', path);
    if (answer.status === 0) throw new ApiError(0, 'network', t('error.network'));
    if (answer.status !== 401) this.noteActivity();
    if ('data' in answer) return answer.data as T;
    if (answer.status === 204) return undefined as T;
    throw this.noteError(apiErrorFrom(answer.status, answer.text));
  }

  /** Sends one JSON request and returns the parsed body (undefined for 204). */
  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    let response: Response;
    try {
      response = await fetch(this.base + path, { method, headers, body, credentials: 'same-origin', keepalive: options.keepalive });
    } catch {
      throw new ApiError(0, 'network', t('error.network'));
    }
    if (response.status !== 401 && options.activity !== false) this.noteActivity();
    if (!response.ok) throw this.noteError(apiErrorFrom(response.status, await response.text().catch(() => '')));
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /**
   * POSTs a multipart form and reports upload progress (fetch cannot), returning the parsed JSON answer.
   * Example: await api.upload('/api/…/imports', form, (f) => (bar.value = f ?? 0));
   */
  upload<T>(path: string, form: FormData, onProgress: ProgressListener): Promise<T> {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', this.base + path);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.addEventListener('progress', (e) => onProgress(e.lengthComputable ? e.loaded / e.total : null));
      xhr.addEventListener('load', () => {
        if (xhr.status !== 401) this.noteActivity();
        if (xhr.status < 200 || xhr.status >= 300) return reject(this.noteError(apiErrorFrom(xhr.status, xhr.responseText)));
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError(xhr.status, 'bad_response', t('error.unknown', { status: xhr.status })));
        }
      });
      xhr.addEventListener('error', () => reject(new ApiError(0, 'network', t('error.network'))));
      xhr.addEventListener('abort', () => reject(new ApiError(0, 'network', t('error.network'))));
      xhr.send(form);
    });
  }
}

/** Upload progress as a fraction 0–1, or null when the browser cannot tell the total. */
export type ProgressListener = (fraction: number | null) => void;

/** Encodes one path segment (ids come from the server but are never trusted to be URL-safe). */
export function seg(id: string): string {
  return encodeURIComponent(id);
}
