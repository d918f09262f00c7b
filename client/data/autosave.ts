// Autosave for one reflection text: saves ~1.5 s after typing stops (and at once on flush, e.g. on blur),
// retries on network/server errors, and stops at a version conflict until the user chooses whose text wins.
// No DOM and no storage: drafts never leave memory (they are sensitive).
// Example: const saver = new Autosaver(reflection, (text, v) => saveReflection(api, s, f, key, v, text), render);
import type { Reflection } from '../../server/domain/types.ts';
import { ApiError, errorMessage } from './api.ts';

export type AutosaveStatus =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'retrying'; message: string }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict'; current: Reflection };

export interface AutosaveOptions {
  delayMs?: number;
  retryMs?: number;
  /** Loads the stored reflection when a 409 answer does not carry it. */
  reload?: () => Promise<Reflection>;
}

/** Keeps one reflection's local text in step with the server. */
export class Autosaver {
  text: string;
  version: number;
  status: AutosaveStatus = { kind: 'idle' };
  private _savedText: string;
  private _timer: ReturnType<typeof setTimeout> | null = null;
  private _inFlight: Promise<void> | null = null;
  private _again = false;
  private _failures = 0;
  private readonly _delayMs: number;
  private readonly _retryMs: number;

  constructor(
    initial: Reflection,
    private readonly _save: (text: string, version: number) => Promise<Reflection>,
    private readonly _onChange: () => void,
    private readonly _options: AutosaveOptions = {},
  ) {
    this.text = initial.text;
    this._savedText = initial.text;
    this.version = initial.version;
    this._delayMs = _options.delayMs ?? 1500;
    this._retryMs = _options.retryMs ?? 4000;
  }

  /** True while the local text is not known to be stored. */
  get unsaved(): boolean {
    return this.text !== this._savedText || this._inFlight !== null || this.status.kind === 'conflict';
  }

  /** The user typed: remember the text and save after a pause. */
  input(text: string): void {
    this.text = text;
    if (this.status.kind === 'conflict') return this._onChange();
    this._setStatus(text === this._savedText && !this._inFlight ? this.status : { kind: 'dirty' });
    this._schedule(this._delayMs);
  }

  /** Saves now if there is anything to save (blur, leaving the page). */
  flush(): Promise<void> {
    this._clearTimer();
    if (this.status.kind === 'conflict') return Promise.resolve();
    if (this._inFlight) {
      this._again = true;
      return this._inFlight;
    }
    if (this.text === this._savedText && this.status.kind !== 'failed' && this.status.kind !== 'retrying') {
      // Typed and then undone: nothing to store, and the stored text is what the user sees.
      if (this.status.kind === 'dirty') this._setStatus({ kind: 'saved', at: new Date() });
      return Promise.resolve();
    }
    this._inFlight = this._run().finally(() => {
      this._inFlight = null;
      if (this._again) {
        this._again = false;
        void this.flush();
      }
      this._onChange();
    });
    return this._inFlight;
  }

  /** Conflict resolution: store my text over the newer version. */
  overwrite(): Promise<void> {
    if (this.status.kind !== 'conflict') return Promise.resolve();
    this.version = this.status.current.version;
    this._savedText = this.status.current.text;
    this._setStatus({ kind: 'dirty' });
    return this.flush();
  }

  /** Conflict resolution: drop my text and take the stored version. */
  acceptSaved(): void {
    if (this.status.kind !== 'conflict') return;
    const current = this.status.current;
    this.text = current.text;
    this._savedText = current.text;
    this.version = current.version;
    this._setStatus({ kind: 'saved', at: current.updatedAt ? new Date(current.updatedAt) : new Date() });
  }

  /** Stops timers (the element went away). */
  dispose(): void {
    this._clearTimer();
  }

  private async _run(): Promise<void> {
    const sent = this.text;
    this._setStatus({ kind: 'saving' });
    try {
      const saved = await this._save(sent, this.version);
      this.version = saved.version;
      this._savedText = sent;
      this._failures = 0;
      this._setStatus(this.text === sent ? { kind: 'saved', at: new Date() } : { kind: 'dirty' });
      if (this.text !== sent) this._schedule(this._delayMs);
    } catch (err) {
      await this._handleError(err);
    }
  }

  private async _handleError(err: unknown): Promise<void> {
    if (err instanceof ApiError && err.status === 409) {
      let current = isReflection(err.current) ? err.current : null;
      if (!current && this._options.reload) current = await this._options.reload().catch(() => null);
      if (current) return this._setStatus({ kind: 'conflict', current });
    }
    // 401: the session expired; the app asks the user to log in again and the next retry then succeeds.
    const retryable = !(err instanceof ApiError) || err.status === 0 || err.status >= 500 || err.status === 409 || err.status === 401;
    if (retryable) {
      this._failures++;
      this._setStatus({ kind: 'retrying', message: errorMessage(err) });
      this._schedule(Math.min(this._retryMs * 2 ** (this._failures - 1), 30_000));
    } else {
      this._setStatus({ kind: 'failed', message: errorMessage(err) });
    }
  }

  private _schedule(ms: number): void {
    this._clearTimer();
    this._timer = setTimeout(() => {
      this._timer = null;
      void this.flush();
    }, ms);
  }

  private _clearTimer(): void {
    if (this._timer !== null) clearTimeout(this._timer);
    this._timer = null;
  }

  private _setStatus(status: AutosaveStatus): void {
    this.status = status;
    this._onChange();
  }
}

function isReflection(value: unknown): value is Reflection {
  return typeof value === 'object' && value !== null && 'version' in value && 'text' in value;
}
