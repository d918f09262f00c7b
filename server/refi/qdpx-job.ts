// The body of a project export's worker thread (qdpx-worker.mjs): writes the project XML, reads each
// document's text when it is needed, and sends the zipped package back in pieces as it is made (see
// server/workers/worker-stream.ts). On the main thread this took 2.6 s for the bench study, in which
// the server answered nothing; made whole, it needed 4.4 GB at ten times the bench study.
import { accessSync, constants, readFileSync } from 'node:fs';
import type { Coding } from '../domain/types.ts';
import { fromSlices } from '../workers/slices.ts';
import { servePieces } from '../workers/worker-stream.ts';
import { lowerThreadPriority } from '../workers/thread-priority.ts';
import type { ProjectAnnotation, ProjectRecords } from './project-snapshot.ts';
import { projectPackage } from './qdpx-zip.ts';

export interface QdpxRequest {
  /** The records but the long lists, which come in slices (see server/workers/slices.ts). */
  records: Omit<ProjectRecords, 'annotations' | 'codings'>;
  annotations: Uint8Array[];
  codings: Uint8Array[];
  /** Each document's id and the file its text is in. */
  textFiles: [string, string][];
}

/** The package's bytes in pieces. A text that cannot be read fails it before the first piece. */
export function qdpxPieces(request: QdpxRequest): Iterable<Uint8Array> {
  const files = new Map(request.textFiles);
  for (const path of files.values()) accessSync(path, constants.R_OK);
  // Read as bytes each time they are asked for: decoded a document at a time by projectXml, and
  // zipped as they are.
  const texts = { get: (id: string) => (files.has(id) ? readFileSync(files.get(id)!) : undefined) };
  const records = { ...request.records, annotations: fromSlices<ProjectAnnotation>(request.annotations), codings: fromSlices<Coding>(request.codings) };
  return projectPackage({ ...records, texts });
}

/** Answers the one request the worker is started for. */
export function serveQdpxJob(): void {
  lowerThreadPriority();
  servePieces(qdpxPieces);
}
