// A study as a REFI-QDA package (.qdpx), made in a worker thread of its own: the records are taken
// here, at once, and the worker reads the texts, writes the XML and zips it, sending the package in
// pieces as the download takes them, so the server keeps answering however large the study is.
import type { User } from '../store/app-data.ts';
import type { StudyRepo } from '../store/study-repo.ts';
import { toSlices, transferables } from '../workers/slices.ts';
import { workerPieces } from '../workers/worker-stream.ts';
import { projectAnnotation, projectRecords } from './project-snapshot.ts';
import type { QdpxRequest } from './qdpx-job.ts';

const WORKER_URL = new URL('./qdpx-worker.mjs', import.meta.url);

/** The package's bytes as they are made; rejects if the worker fails before the first piece. */
export async function buildQdpx(repo: StudyRepo, users: readonly User[], now: Date): Promise<AsyncIterableIterator<Uint8Array>> {
  const { annotations, codings, ...records } = await projectRecords(repo, users, now);
  const textFiles = repo.study.documents.map((d): [string, string] => [d.id, repo.documents.textPath(d.id)]);
  const request: QdpxRequest = { records, annotations: await toSlices(annotations, projectAnnotation), codings: await toSlices(codings), textFiles };
  return workerPieces(WORKER_URL, 'project export', request, [...transferables(request.annotations), ...transferables(request.codings)]);
}
