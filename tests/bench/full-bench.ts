// The normal bench (`npm run bench`): the performance targets, each measured in one run beside a
// baseline, printed as a table. Generates the bench study (8 families × 3,000 entries, 20,000
// annotations, 5,000 codings) in a temp directory. Takes a couple of minutes; never part of `npm test`.
// With `only: 'search'` it stops after the search row (and the import it needs).
import { mkdtemp, open, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import { warmUpCharts } from '../../server/report/charts/render-svg.ts';
import { detectEntries } from '../../server/domain/chronology.ts';
import { normaliseText } from '../../server/domain/normalise.ts';
import { TestClient } from '../setup/app.ts';
import { addBenchAnnotations, ANNOTATIONS_PER_FAMILY, BENCH_STUDY, writeBenchTemplate } from './bench-study.ts';
import { importBenchStudy } from './import-study.ts';
import { measureExportResponsiveness } from './export-responsiveness.ts';
import { measureImportResponsiveness } from './import-responsiveness.ts';
import { measureLoad, type LoadResults } from './load.ts';
import { fetchRaw, startPayloadServer } from './payload-server.ts';
import { measureReader } from './reader.ts';
import { addBenchCodings, measureMatrix, measureReport } from './research.ts';
import { timeAnnotationSaves } from './save-timing.ts';
import { SEARCH_QUERIES, timeSearch } from './search-timing.ts';
import { freePort, searchWhenBuilt, startServer } from './server-process.ts';
import { percentile, printTable, timeEach, type Row } from './stats.ts';

const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);

export async function runFullBench(only?: 'search'): Promise<void> {
  const tmp = await mkdtemp(join(tmpdir(), 'backspegel-bench-'));
  try {
    printTable(await measureRows(tmp, only));
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

async function measureRows(tmp: string, only?: 'search'): Promise<Row[]> {
  const templateDir = join(tmp, 'template');
  const dataDir = join(tmp, 'data');
  const rows: Row[] = [];

  console.log('Genererar benchstudien …');
  const bytes = await writeBenchTemplate(templateDir);
  const files = (await readdir(join(templateDir, 'families'))).map((f) => join(templateDir, 'families', f));

  // 1. Import: read, normalise, pseudonymise, split into entries, store durably — vs read and split.
  const t = performance.now();
  for (const f of files) detectEntries(normaliseText(await readFile(f, 'utf8')));
  const baselineMs = performance.now() - t;
  const { store, importMs } = await importBenchStudy(templateDir, dataDir);
  rows.push({
    what: `import + pseudonymise + store (${(bytes / 1e6).toFixed(0)} MB, ${files.length} files; index: next row)`,
    measured: `${mbps(bytes, importMs).toFixed(1)} MB/s`,
    target: '≥ 20 MB/s',
    baseline: `read + split ${mbps(bytes, baselineMs).toFixed(1)} MB/s`,
    ok: mbps(bytes, importMs) >= 20,
  });

  // Search (see search-timing.ts) vs a linear scan of the case files.
  const { indexMs, times: searches } = await timeSearch(store.study(BENCH_STUDY)!);
  const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  const scans = await timeEach(10, async (i) => {
    const [a, b] = SEARCH_QUERIES[i]!.split(' ') as [string, string];
    return texts.filter((x) => { const l = x.toLowerCase(); return l.includes(a) && l.includes(b); }).length;
  });
  const searchP95 = percentile(searches, 95);
  const scanMedian = percentile(scans, 50);
  rows.push({
    what: `search, 2-word query, prefix + fuzzy (index built in ${(indexMs / 1000).toFixed(1)} s)`,
    measured: `p95 ${searchP95.toFixed(1)} ms`,
    target: 'p95 ≤ 10 ms, ≥ 100× faster than a scan',
    baseline: `linear scan ${scanMedian.toFixed(0)} ms (${(scanMedian / searchP95).toFixed(0)}×)`,
    ok: searchP95 <= 10 && scanMedian / searchP95 >= 100,
  });
  if (only === 'search') return rows;

  // 2. Annotation save through the app, durable and acknowledged — vs one fsync'd 1 KB append.
  await addBenchAnnotations(store);
  const app = createApp({ store });
  // As `serve` does at start: the chart worker loads Vega while the rows before the report run.
  warmUpCharts();
  const appendFile = await open(join(tmp, 'append.log'), 'a');
  const kb = 'x'.repeat(1023) + '\n';
  // Each baseline append just before a save: both meet the disk as it is at that moment.
  const { times: saves, besideTimes: appends, documentId } = await timeAnnotationSaves(store, app, async () => {
    await appendFile.appendFile(kb);
    await appendFile.sync();
  });
  await appendFile.close();
  const saveP95 = percentile(saves, 95);
  const appendP95 = percentile(appends, 95);
  rows.push({
    what: `annotation save (family file with ${ANNOTATIONS_PER_FAMILY} annotations)`,
    measured: `p95 ${saveP95.toFixed(1)} ms`,
    target: `p95 ≤ 20 ms, ≤ 5× baseline`,
    baseline: `fsync'd 1 KB append p95 ${appendP95.toFixed(2)} ms (${(saveP95 / appendP95).toFixed(1)}×)`,
    // A save is two fsyncs (its journal line, then its audit line) plus the request: the ratio is at least 2.
    ok: saveP95 <= 20 && saveP95 <= 5 * appendP95,
  });

  // Matrix over 5,000 codings, through the app as a researcher (the codings stay for the cold start below).
  await addBenchCodings(store);
  const researcher = new TestClient(app);
  await researcher.login('forskare1');
  rows.push(await measureMatrix(researcher));
  rows.push(await measureReport(researcher));

  // 3. Cold start of the real server on the bench data, then load from a separate process.
  const server = await startServer(dataDir);
  try {
    const { rssMb } = await server.memory();
    rows.push({
      what: 'cold start with the bench study',
      measured: `${(server.coldMs / 1000).toFixed(2)} s, RSS ${rssMb.toFixed(0)} MB`,
      target: '≤ 3 s, RSS ≤ 500 MB',
      baseline: '',
      ok: server.coldMs <= 3000 && rssMb <= 500,
    });
    const base = server.base;
    const cookie = await server.login('socsek1');
    // The server builds its search index in the background after start; measure load once it is done.
    const ts = performance.now();
    await searchWhenBuilt(base, cookie, 'mamma');
    console.log(`Sökindexet byggdes klart ${((performance.now() - ts) / 1000).toFixed(1)} s efter start.`);
    const url = `${base}/api/studies/${BENCH_STUDY}/annotations?document=${documentId}`;
    const perDoc = JSON.parse(await (await fetch(url, { headers: { cookie } })).text()).length;
    const answer = await fetchRaw(url, cookie);
    const payloadPort = await freePort();
    const stopPayload = await startPayloadServer(join(dataDir, '..', 'payload.json'), answer, payloadPort);
    let load: LoadResults;
    try {
      load = await measureLoad(base, `http://127.0.0.1:${payloadPort}/`, url, cookie, 50, 5);
    } finally {
      await stopPayload();
    }
    const { health, payload, api } = load;
    const share = api.rps / health.rps;
    rows.push({
      what: `API under load (autocannon): 50 connections, GET a document's annotations (${perDoc}; ${(answer.body.length / 1000).toFixed(1)} KB ${answer.headers['content-encoding'] ?? 'uncompressed'})`,
      measured: `${Math.round(api.rps)} req/s, p99 ${api.p99.toFixed(0)} ms${api.errors ? `, ${api.errors} errors` : ''}`,
      target: '≥ 3,000 req/s, p99 ≤ 50 ms, ≥ 50 % of /api/health',
      baseline: `/api/health ${Math.round(health.rps)} req/s, p99 ${health.p99.toFixed(0)} ms (${(share * 100).toFixed(0)} %); ` +
        `the same bytes from bare hono ${Math.round(payload.rps)} req/s (${((api.rps / payload.rps) * 100).toFixed(0)} %)`,
      ok: api.rps >= 3000 && api.p99 <= 50 && share >= 0.5 && !api.errors,
    });

    // 4. The reader in Chromium on family A's 5 MB case file.
    try {
      const reader = await measureReader(base, BENCH_STUDY, 'familj-a');
      rows.push({
        what: `reader, ${(reader.bytes / 1e6).toFixed(1)} MB case file (${reader.blocks} blocks) in Chromium`,
        measured: `first screen ${Math.round(reader.firstScreenMs)} ms, end ${Math.round(reader.scrollToEndMs)} ms`,
        target: 'first screen ≤ 500 ms, scroll to end ≤ 1 s',
        baseline: `document fetch ${Math.round(reader.fetchMs)} ms`,
        ok: reader.firstScreenMs <= 500 && reader.scrollToEndMs <= 1000,
      });
    } catch (error) {
      rows.push({ what: 'reader in Chromium', measured: `failed: ${(error as Error).message}`, target: '', baseline: '', ok: false });
    }

    // 5. The server while the largest exports are made, and while a lead imports an archive of about
    // 100 MB (last: it adds documents to the study).
    rows.push(await measureExportResponsiveness(server));
    rows.push(await measureImportResponsiveness(server));
  } finally {
    await server.stop();
  }
  return rows;
}
