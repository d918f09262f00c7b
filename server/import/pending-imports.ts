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
}

export class PendingImports {
  #items = new Map<string, PendingImport>();
  #clock: () => Date;

  constructor(clock: () => Date) {
    this.#clock = clock;
  }

  /** Registers an upload and starts extracting its text; returns at once. */
  start(input: { ownerId: string; studyId: string; familyId: string; title: string; fileName: string; bytes: Uint8Array }): PendingImport {
    this.#expire();
    const { bytes, ...rest } = input;
    const item: PendingImport = { id: newId('i'), ...rest, status: 'extracting', progress: 0, createdAt: this.#clock().getTime() };
    this.#items.set(item.id, item);
    extractText(input.fileName, bytes, (p) => (item.progress = p)).then(
      (raw) => Object.assign(item, { raw, status: 'ready', progress: 1 }),
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

  /** Forgets an import (after commit or on discard). */
  forget(id: string): void {
    this.#items.delete(id);
  }

  /** Waits until extraction has finished (for tests and the commit step). */
  async settled(item: PendingImport): Promise<void> {
    while (item.status === 'extracting') await new Promise((r) => setTimeout(r, 10));
  }

  #expire(): void {
    const limit = this.#clock().getTime() - PENDING_TTL_MS;
    for (const [id, item] of this.#items) if (item.createdAt < limit) this.#items.delete(id);
  }
}
