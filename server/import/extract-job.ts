// The body of the parse worker thread: reads one uploaded .docx or .pdf (the job in workerData)
// and reports back by message — "ready" once its code is loaded, progress per PDF page, then the
// text or the domain error as plain data. Runs under resourceLimits; the pool enforces the time.
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../domain/errors.ts';
import { toWire, unreadable, type WireError } from './import-errors.ts';
import { lowerThreadPriority } from '../workers/thread-priority.ts';

export interface ParseJob {
  kind: 'docx' | 'pdf';
  bytes: Uint8Array;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; fraction: number }
  | { type: 'done'; text: string }
  | { type: 'failed'; error: WireError };

const post = (message: WorkerMessage) => parentPort!.postMessage(message);

/** The parser for the job's kind. Loaded outside the try below: failing to load is the server's fault. */
async function parserFor(kind: ParseJob['kind']): Promise<(bytes: Uint8Array) => Promise<string>> {
  if (kind === 'docx') return (await import('./docx-text.ts')).docxText;
  const { pdfText } = await import('./pdf-text.ts');
  return (bytes) => pdfText(bytes, (fraction) => post({ type: 'progress', fraction }));
}

lowerThreadPriority();
const job = workerData as ParseJob;
const parse = await parserFor(job.kind);
post({ type: 'ready' });
try {
  post({ type: 'done', text: await parse(job.bytes) });
} catch (error) {
  // Only the kind of failure is logged: messages from the parsers may quote the file.
  if (!(error instanceof DomainError)) console.error(`[backspegel] ${job.kind} parse failed: ${(error as Error)?.name}`);
  post({ type: 'failed', error: toWire(error instanceof DomainError ? error : unreadable(job.kind)) });
}
