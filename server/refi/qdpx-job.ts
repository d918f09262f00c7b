// The body of a project export's worker thread (qdpx-worker.mjs): reads the documents' texts itself,
// writes the project XML and zips it, and sends the package back. On the main thread this took 2.6 s
// for the bench study, in which the server answered nothing.
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import type { Annotation, Coding } from '../domain/types.ts';
import { fromSlices } from '../workers/slices.ts';
import type { ProjectRecords } from './project-snapshot.ts';
import { projectToXml } from './project-xml.ts';
import { zipProject } from './qdpx-zip.ts';

export interface QdpxRequest {
  /** The records but the long lists, which come in slices (see server/workers/slices.ts). */
  records: Omit<ProjectRecords, 'annotations' | 'codings'>;
  annotations: Uint8Array[];
  codings: Uint8Array[];
  /** Each document's id and the file its text is in. */
  textFiles: [string, string][];
}

/** The package, or the name of what went wrong (never a message: it could quote a text). */
export type QdpxResponse = { zip: Uint8Array } | { failed: string };

export async function buildQdpxPackage(request: QdpxRequest): Promise<Uint8Array> {
  // As bytes: decoded a document at a time by projectToXml, and zipped as they are.
  const texts = new Map<string, Uint8Array>();
  for (const [id, path] of request.textFiles) texts.set(id, await readFile(path));
  const records = { ...request.records, annotations: fromSlices<Annotation>(request.annotations), codings: fromSlices<Coding>(request.codings) };
  return zipProject(projectToXml({ ...records, texts }));
}

/** Answers the one request the worker is started for. */
export function serveQdpxJob(): void {
  parentPort!.once('message', (request: QdpxRequest) => {
    buildQdpxPackage(request).then(
      (zip) => parentPort!.postMessage({ zip } satisfies QdpxResponse, [zip.buffer as ArrayBuffer]),
      (error: Error) => parentPort!.postMessage({ failed: error.name } satisfies QdpxResponse),
    );
  });
}
