// A study as a REFI-QDA package (.qdpx), built in a worker thread of its own: the records are taken
// here, at once, and the worker reads the texts, writes the XML and zips it, so the server keeps
// answering however large the study is.
import { Worker } from 'node:worker_threads';
import type { User } from '../store/app-data.ts';
import type { StudyRepo } from '../store/study-repo.ts';
import { projectRecords } from './project-snapshot.ts';
import type { QdpxRequest, QdpxResponse } from './qdpx-job.ts';
import { toSlices, transferables } from '../workers/slices.ts';

const WORKER_URL = new URL('./qdpx-worker.mjs', import.meta.url);

export async function buildQdpx(repo: StudyRepo, users: readonly User[], now: Date): Promise<Uint8Array> {
  const { annotations, codings, ...records } = await projectRecords(repo, users, now);
  const textFiles = repo.study.documents.map((d): [string, string] => [d.id, repo.documents.textPath(d.id)]);
  const request: QdpxRequest = { records, annotations: await toSlices(annotations), codings: await toSlices(codings), textFiles };
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL);
    const fail = (why: string) => reject(new Error(`The project export failed in its worker: ${why}`));
    worker.once('message', (response: QdpxResponse) => {
      if ('zip' in response) resolve(response.zip);
      else fail(response.failed);
      void worker.terminate();
    });
    worker.once('error', (error: Error) => fail(error.name));
    worker.once('exit', (code) => fail(`exit ${code}`));
    worker.postMessage(request, [...transferables(request.annotations), ...transferables(request.codings)]);
  });
}
