// The server while the largest exports are made (the REFI-QDA project, the report, the annotations as
// JSON-LD and CSV): /api/health asked every 10 ms from its own process, the longest wait per export.
// No target: exports were measured holding the server for up to 2.6 s before they were moved to
// worker threads and made in slices; this row shows what is left.
import { BENCH_STUDY } from './bench-study.ts';
import { probe, probeIdle, PROBE_EVERY_MS } from './probe.ts';
import type { ServerProcess } from './server-process.ts';
import { percentile, type Row } from './stats.ts';

const EXPORTS = ['project.qdpx', 'report.html', 'annotations.jsonld', 'annotations.csv'];

export interface ExportWait {
  name: string;
  bytes: number;
  ms: number;
  /** The longest /api/health answer while the export was made. */
  longestWaitMs: number;
}

/** Each of the largest exports once, with the probe asking meanwhile. */
export async function exportWaits(server: ServerProcess): Promise<ExportWait[]> {
  const cookie = await server.login('projektledare');
  const health = `${server.base}/api/health`;
  const waits: ExportWait[] = [];
  for (const name of EXPORTS) {
    const during = await probe(health, async () => {
      const t = performance.now();
      const res = await fetch(`${server.base}/api/studies/${BENCH_STUDY}/export/${name}`, { headers: { cookie, 'accept-encoding': 'gzip' } });
      const bytes = (await res.arrayBuffer()).byteLength;
      if (!res.ok) throw new Error(`${name} answered ${res.status}`);
      return { ms: performance.now() - t, bytes };
    });
    waits.push({ name, ...during.result, longestWaitMs: Math.max(...during.samples) });
  }
  return waits;
}

export async function measureExportResponsiveness(server: ServerProcess): Promise<Row> {
  const idle = await probeIdle(`${server.base}/api/health`);
  const waits = await exportWaits(server);
  return {
    what: `server during exports: the longest /api/health answer (asked every ${PROBE_EVERY_MS} ms) while each is made`,
    measured: waits.map((w) => `${w.name} (${(w.bytes / 1e6).toFixed(1)} MB, ${(w.ms / 1000).toFixed(1)} s): max ${w.longestWaitMs.toFixed(0)} ms`).join('; '),
    target: '',
    baseline: `idle p99 ${percentile(idle.samples, 99).toFixed(0)} ms, max ${Math.max(...idle.samples).toFixed(0)} ms`,
    ok: null,
  };
}
