// Imports waiting for the lead's go-ahead: the uploaded file's text is extracted in the background
// (with progress), previewed, and committed or discarded. The original text lives only here, in
// memory, and is forgotten on commit, discard, or after 30 minutes — it is never written to disk.
import { NotFoundError } from '../domain/errors.ts';
import { newId } from '../store/ids.ts';
import { extractText } from './extract-text.ts';

export const PENDING_TTL_MS = 30 * 60 * 1000;

export type PendingStatus = 'extracting' | 'ready' | 'failed';

export interface PendingImport {
  id: string;
  ownerId: string;
  studyId: string;
  familyId: string;
  title: string;
  fileName: string;
  status: PendingStatus;
  /** 0..1 while extracting */
  progress: number;
  /** The failure, as the error the route would have thrown (a DomainError) */
  error?: Error;
  /** The extracted original text: memory only. */
  raw?: string;
  createdAt: number;
  /** A commit is under way: a second one (a double click, a retry in another tab) must not store the text twice. */
  committing?: boolean;
}

/** How often expired imports are swept away when nothing else touches the list. */
export const SWEEP_EVERY_MS = 60 * 1000;

export class PendingImports {
  #items = new Map<string, PendingImport>();
  #clock: () => Date;
  #timer: ReturnType<typeof setInterval>;

  /**
   * `clock` decides when an import is 30 minutes old; a timer checks it every `sweepEveryMs`. The
   * timer is unref'd, so it never keeps the process alive; `stop()` ends it (tests).
   */
  constructor(clock: () => Date, options: { sweepEveryMs?: number } = {}) {
    this.#clock = clock;
    this.#timer = setInterval(() => this.#expire(), options.sweepEveryMs ?? SWEEP_EVERY_MS);
    this.#timer.unref();
  }

  /** Registers an upload and starts extracting its text; returns at once. */
  start(input: { ownerId: string; studyId: string; familyId: string; title: string; fileName: string; bytes: Uint8Array }): PendingImport {
    this.#expire();
    const { bytes, ...rest } = input;
    const item: PendingImport = { id: newId('i'), ...rest, status: 'extracting', progress: 0, createdAt: this.#clock().getTime() };
    this.#items.set(item.id, item);
    extractText(input.fileName, bytes, (p) => (item.progress = p)).then(
      // An import forgotten while its text was extracted does not get the text back.
      (raw) => Object.assign(item, { raw: this.#items.has(item.id) ? raw : undefined, status: 'ready', progress: 1 }),
      (error: Error) => Object.assign(item, { error, status: 'failed' }),
    );
    return item;
  }

  /** The pending import, if it belongs to this user, study and family; else 404. */
  get(id: string, ownerId: string, studyId: string, familyId: string): PendingImport {
    this.#expire();
    const item = this.#items.get(id);
    if (!item || item.ownerId !== ownerId || item.studyId !== studyId || item.familyId !== familyId) {
      throw new NotFoundError('Importen finns inte längre. Ladda upp filen igen.');
    }
    return item;
  }

  /** Forgets an import (after commit, on discard, or when it expires), dropping its original text. */
  forget(id: string): void {
    const item = this.#items.get(id);
    if (!item) return;
    this.#items.delete(id);
    // Whoever still holds the item (a request in flight) no longer holds the original with it.
    item.raw = undefined;
    item.title = '';
    item.fileName = '';
  }

  /** How many imports are waiting. */
  get size(): number {
    return this.#items.size;
  }

  /** Waits until extraction has finished (for tests and the commit step). */
  async settled(item: PendingImport): Promise<void> {
    while (item.status === 'extracting') await new Promise((r) => setTimeout(r, 10));
  }

  /** Stops the expiry timer. */
  stop(): void {
    clearInterval(this.#timer);
  }

  #expire(): void {
    const limit = this.#clock().getTime() - PENDING_TTL_MS;
    for (const [id, item] of this.#items) if (item.createdAt < limit) this.forget(id);
  }
}
