// The body of a prepare worker thread: answers each { id, raw, key, today, names } with
// prepareDocument's result, or with the domain error as plain data. Long-lived: one job at a time,
// as many as the pool sends. The key arrives with each job and is never logged.
import { parentPort } from 'node:worker_threads';
import { DomainError } from '../domain/errors.ts';
import { prepareDocument, prepareStorable, type PreparedDocument, type StorablePrepared } from '../domain/prepare-document.ts';
import type { NameRule } from '../domain/pseudonymise-names.ts';
import { toWire, type WireError } from './import-errors.ts';
import { lowerThreadPriority } from '../workers/thread-priority.ts';

export interface PrepareRequest {
  id: number;
  /** The text, or a text file's bytes as UTF-8 (decoded here, off the main thread, and sent without a copy). */
  raw: string | Uint8Array;
  key: Uint8Array;
  today: Date;
  names: readonly NameRule[];
  /** Only what is stored: the text as UTF-8 bytes (moved, not copied); the original and the replacements' places stay here. */
  storable: boolean;
}

export type PrepareResponse =
  | { id: number; prepared: PreparedDocument | StorablePrepared }
  | { id: number; error: WireError }
  /** Not a domain error: the error's name only, since a message could quote the text. */
  | { id: number; failed: string };

/** One job's answer. */
export function answer(request: PrepareRequest): PrepareResponse {
  try {
    const prepare = request.storable ? prepareStorable : prepareDocument;
    return { id: request.id, prepared: prepare(request.raw, request.key, request.today, request.names) };
  } catch (error) {
    if (error instanceof DomainError) return { id: request.id, error: toWire(error) };
    return { id: request.id, failed: (error as Error)?.name ?? 'Error' };
  }
}

/** Answers the pool's jobs in this worker thread, with `handle` (a test may wrap `answer`). */
export function serveJobs(handle: (request: PrepareRequest) => PrepareResponse = answer): void {
  lowerThreadPriority();
  const port = parentPort!;
  port.on('message', (request: PrepareRequest) => {
    const response = handle(request);
    const bytes = 'prepared' in response && 'textBytes' in response.prepared ? [response.prepared.textBytes.buffer as ArrayBuffer] : [];
    port.postMessage(response, bytes);
  });
}
