// One scale of the scale mode, in its own process so that its memory is gone before the next scale
// starts: `node --import tsx --expose-gc tests/bench/scale-measure.ts N` builds the ×N bench study in a
// temp directory, measures it with the same code as the normal bench, removes the directory and prints
// the ScaleMeasurement as the last stdout line, after RESULT_MARK. Progress goes to stderr.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import { warmUpCharts } from '../../server/report/charts/render-svg.ts';
import type { Store } from '../../server/store/store.ts';
import { TestClient } from '../setup/app.ts';
import { addBenchAnnotations, ANNOTATIONS_PER_FAMILY, BENCH_STUDY, benchFamilies, writeBenchTemplate } from './bench-study.ts';
import { importBenchStudy } from './import-study.ts';
import { addBenchCodings, CODINGS, timeMatrix, timeReport } from './research.ts';
import { timeAnnotationSaves } from './save-timing.ts';
import { timeSearch } from './search-timing.ts';
import { exportWaits } from './export-responsiveness.ts';
import { searchWhenBuilt, startServer } from './server-process.ts';
import { percentile } from './stats.ts';
import type { ScaleMeasurement } from './scale-table.ts';

export const RESULT_MARK = 'SCALE-RESULT ';

const started = performance.now();
const progress = (scale: number, what: string) =>
  console.error(`[×${scale} ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${what}`);

/** The server's part: cold start, memory, and the first search (which waits for the background index). */
async function measureServer(dataDir: string) {
  const server = await startServer(dataDir);
  try {
    const { rssMb: rssStartMb } = await server.memory();
    const cookie = await server.login('forskare1');
    await searchWhenBuilt(server.base, cookie, 'mamma');
    const firstSearchMs = performance.now() - server.startedAt;
    const { rssMb: rssSearchMb, peakMb: peakRssMb } = await server.memory();
    // After the memory is read: an export holds its study's texts for a moment.
    const waits = await exportWaits(server);
    const exportWaitMs = Math.max(...waits.map((w) => w.longestWaitMs));
    const { peakMb: peakAfterExportsMb } = await server.memory();
    return { coldStartMs: server.coldMs, firstSearchMs, rssStartMb, rssSearchMb, peakRssMb, peakAfterExportsMb, exportWaitMs };
  } finally {
    await server.stop();
  }
}

async function measureInProcess(store: Store, scale: number) {
  progress(scale, 'sökindex i benchprocessen …');
  const search = await timeSearch(store.study(BENCH_STUDY)!);
  globalThis.gc?.(); // the index is garbage now; free it before the server starts beside this process
  progress(scale, 'markeringar och kodningar …');
  await addBenchAnnotations(store);
  const app = createApp({ store });
  // As `serve` does at start: the chart worker loads Vega while the rows before the report run.
  warmUpCharts();
  const { times: saves } = await timeAnnotationSaves(store, app);
  await addBenchCodings(store, scale);
  const researcher = new TestClient(app);
  await researcher.login('forskare1');
  progress(scale, 'matris och rapport …');
  const matrix = await timeMatrix(researcher);
  if (matrix.counted !== CODINGS * scale) throw new Error(`the matrix counted ${matrix.counted} codings, not ${CODINGS * scale}`);
  const report = await timeReport(researcher);
  return {
    indexMs: search.indexMs,
    searchP95: percentile(search.times, 95),
    saveP95: percentile(saves, 95),
    matrixP95: matrix.p95,
    reportMs: Math.max(...report.times),
    reportMb: report.bytes / 1e6,
  };
}

export async function measureScale(scale: number): Promise<ScaleMeasurement> {
  const tmp = await mkdtemp(join(tmpdir(), `backspegel-bench-x${scale}-`));
  try {
    progress(scale, 'genererar benchstudien …');
    let t = performance.now();
    const bytes = await writeBenchTemplate(join(tmp, 'template'), scale);
    const generateMs = performance.now() - t;
    progress(scale, `importerar ${(bytes / 1e6).toFixed(0)} MB …`);
    const dataDir = join(tmp, 'data');
    const { store, importMs } = await importBenchStudy(join(tmp, 'template'), dataDir);
    await rm(join(tmp, 'template'), { recursive: true, force: true });
    const inProcess = await measureInProcess(store, scale);
    progress(scale, 'servern: kallstart och första sökningen …');
    const server = await measureServer(dataDir);
    progress(scale, 'klart');
    const families = benchFamilies(scale).length;
    return {
      scale, families, textMb: bytes / 1e6, annotations: families * ANNOTATIONS_PER_FAMILY, codings: CODINGS * scale,
      generateMs, importMs, ...inProcess, ...server,
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const scale = Number(process.argv[2]);
  const result = await measureScale(scale);
  console.log(RESULT_MARK + JSON.stringify(result));
  process.exit(0); // the store's file watchers would keep the process alive
}
