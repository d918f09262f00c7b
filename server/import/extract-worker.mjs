// Entry of the parse worker thread (plain JavaScript on purpose). Worker threads do not inherit the
// parent's TypeScript loader — neither `node --import tsx` nor the register() in bin/backspegel.mjs
// reaches them (tested on Node 20) — so tsx is registered here before the TypeScript body loads.
// The parser libraries load first, without tsx's hooks: under them pdfjs takes ~0.5 s longer.
import { workerData } from 'node:worker_threads';

if (workerData.kind === 'pdf') {
  const [worker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.worker.mjs'), import('pdfjs-dist/legacy/build/pdf.mjs')]);
  // pdfjs runs its own "worker" in this thread; handing it the module spares a second load.
  globalThis.pdfjsWorker = worker;
} else {
  await import('mammoth');
}
const { register } = await import('tsx/esm/api');
register();
await import('./extract-job.ts');
