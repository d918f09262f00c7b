// The server while a large archive is imported: a lead uploads a zip of about 100 MB of case files
// (folders named by the bench study's families), the server reads, pseudonymises and splits them in
// its worker threads, and the lead commits them; meanwhile a probe in its own process asks
// /api/health every 10 ms. Measured: the probe's answer times during the import against the same
// probe on the idle server just before.
import { zipSync, strToU8 } from 'fflate';
import { generateCaseFile } from '../../studies/demo-komplexa-familjer/generator/case-file.ts';
import { loadStoryline } from '../../studies/demo-komplexa-familjer/generator/storyline.ts';
import { benchFamilies, BENCH_STUDY, ENTRIES_PER_DOCUMENT, ENTRIES_PER_FAMILY, splitByEntries } from './bench-study.ts';
import type { ServerProcess } from './server-process.ts';
import { percentile, type Row } from './stats.ts';
import { probe, probeIdle, PROBE_EVERY_MS } from './probe.ts';

const ARCHIVE_BYTES = 100e6;

/** Case files the bench study does not have yet (other seeds), in its families' folders, until `bytes` of text. */
function archive(bytes: number): { zip: Uint8Array; files: number; textBytes: number } {
  const families = benchFamilies(1);
  const files: Record<string, Uint8Array> = {};
  let textBytes = 0;
  for (let n = 0; textBytes < bytes; n++) {
    const family = families[n % families.length]!;
    const text = generateCaseFile(loadStoryline(family.base), { seed: 90_000 + n, entryCount: ENTRIES_PER_FAMILY, detail: 80 });
    for (const [part, piece] of splitByEntries(text, ENTRIES_PER_DOCUMENT).entries()) {
      files[`${family.id}/ny-akt-${n}-${part}.txt`] = strToU8(piece);
    }
    textBytes += Buffer.byteLength(text);
  }
  return { zip: zipSync(files, { level: 1 }), files: Object.keys(files).length, textBytes };
}

async function api(server: ServerProcess, cookie: string, method: string, path: string, body?: FormData): Promise<any> {
  const res = await fetch(`${server.base}/api/studies/${BENCH_STUDY}${path}`, { method, body, headers: { cookie, origin: server.base } });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json).slice(0, 200)}`);
  return json;
}

/** Uploads the archive, waits until every file is read, commits; the phases' durations (ms). */
async function importArchive(server: ServerProcess, cookie: string, zip: Uint8Array) {
  const t = performance.now();
  const form = new FormData();
  form.append('archive', new File([zip as Uint8Array<ArrayBuffer>], 'akter.zip'));
  let job = (await api(server, cookie, 'POST', '/imports', form)).job;
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 250));
    job = await api(server, cookie, 'GET', `/imports/${job.id}`);
  }
  if (job.state !== 'ready') throw new Error(`the import ended ${job.state}`);
  const readMs = performance.now() - t;
  const committed = await api(server, cookie, 'POST', `/imports/${job.id}/commit`);
  return { readMs, commitMs: performance.now() - t - readMs, documents: job.documents as number, stored: committed.documents.length as number };
}

/** On a server that has built its search index (a search has answered). */
export async function measureImportResponsiveness(server: ServerProcess): Promise<Row> {
  const cookie = await server.login('projektledare');
  const { zip, files, textBytes } = archive(ARCHIVE_BYTES);
  const health = `${server.base}/api/health`;
  const idle = await probeIdle(health);
  const during = await probe(health, () => importArchive(server, cookie, zip));
  const { readMs, commitMs, documents, stored } = during.result;
  const p99 = percentile(during.samples, 99);
  const worst = Math.max(...during.samples);
  const mb = textBytes / 1e6;
  return {
    what: `server during an archive import: ${mb.toFixed(0)} MB of case files (${files} files, zip ${(zip.length / 1e6).toFixed(0)} MB); /api/health every ${PROBE_EVERY_MS} ms`,
    measured: `p99 ${p99.toFixed(0)} ms, max ${worst.toFixed(0)} ms (${during.samples.length} answers${during.failed ? `, ${during.failed} failed` : ''}); ` +
      `read ${(readMs / 1000).toFixed(1)} s, commit ${(commitMs / 1000).toFixed(1)} s (${stored} documents)`,
    target: 'p99 ≤ 50 ms',
    baseline: `idle p99 ${percentile(idle.samples, 99).toFixed(0)} ms`,
    ok: p99 <= 50 && !during.failed && stored === documents && documents > 0,
  };
}
