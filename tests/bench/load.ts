// The API row's load: autocannon (a maintained HTTP load generator) in its own process, so the load
// does not share the server's event loop or the bench's. `measureLoad` runs the baselines —
// `/api/health` (no session, nothing but the framework) and the same answer's bytes from a bare hono
// server (payload-server.ts) — and then the URL under test, with the same connections and duration,
// one after the other.
import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  /** Non-2xx answers, timeouts and connection errors. */
  errors: number;
}

/**
 * autocannon's own threads. One thread parses about 80 MB/s of answers here: it was the limit for a
 * 12 KB answer, not the server (a bare node:http server sending 12 KB: 6,700 req/s with one, 11,900 with two).
 */
const LOAD_WORKERS = Math.max(1, availableParallelism());

async function run(url: string, cookie: string | null, connections: number, seconds: number): Promise<LoadResult> {
  // As a browser over HTTPS asks: brotli or gzip.
  const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br', ...(cookie ? { cookie } : {}) };
  const result = await autocannon({ url, connections, duration: seconds, headers, workers: LOAD_WORKERS });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
  };
}

export interface LoadResults {
  health: LoadResult;
  /** The same bytes as the API's answer, from a bare hono server. */
  payload: LoadResult;
  api: LoadResult;
}

/** Loads `/api/health` of `base`, then `payloadUrl`, then `url`, each for `seconds` with `connections` connections, from a child process. */
export async function measureLoad(base: string, payloadUrl: string, url: string, cookie: string, connections: number, seconds: number): Promise<LoadResults> {
  const root = new URL('../../', import.meta.url).pathname;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'tests/bench/load.ts', base, payloadUrl, url, cookie, String(connections), String(seconds)],
    { cwd: root, maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout);
}

// As a child process: node --import tsx tests/bench/load.ts BASE PAYLOAD_URL URL COOKIE CONNECTIONS SECONDS → JSON on stdout
if (import.meta.url === `file://${process.argv[1]}`) {
  const [base, payloadUrl, url, cookie, connections, seconds] = process.argv.slice(2);
  const health = await run(`${base}/api/health`, null, Number(connections), Number(seconds));
  const payload = await run(payloadUrl!, null, Number(connections), Number(seconds));
  const api = await run(url!, cookie!, Number(connections), Number(seconds));
  console.log(JSON.stringify({ health, payload, api } satisfies LoadResults));
}
