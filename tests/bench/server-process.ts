// The real server as its own process on a bench data directory (`backspegel serve`, NODE_ENV
// production): how long until /api/health answers, and its memory as the kernel counts it.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import { BENCH_STUDY } from './bench-study.ts';

const root = new URL('../../', import.meta.url).pathname;

export interface ServerProcess {
  base: string;
  /** Milliseconds from spawn until /api/health answered 200. */
  coldMs: number;
  /** performance.now() at spawn, to time later milestones (the first search) from the same start. */
  startedAt: number;
  /** Resident memory now (VmRSS) and the peak so far (VmHWM), in MB. */
  memory(): Promise<{ rssMb: number; peakMb: number }>;
  /** A session cookie for a demo account. */
  login(username: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Searches as the client does after a start: while the index is being built the server answers 503
 * index_building, and the search is asked again (here every 100 ms, to time when it is built).
 */
export async function searchWhenBuilt(base: string, cookie: string, query: string): Promise<void> {
  for (;;) {
    const res = await fetch(`${base}/api/studies/${BENCH_STUDY}/search?q=${encodeURIComponent(query)}`, { headers: { cookie } });
    await res.arrayBuffer();
    if (res.ok) return;
    if (res.status !== 503) throw new Error(`search answered ${res.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function statusMb(status: string, field: string): number {
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)![1]) / 1024;
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it answered`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/** Starts `backspegel serve` on `dataDir` and resolves once /api/health answers. */
export async function startServer(dataDir: string): Promise<ServerProcess> {
  const port = await freePort();
  const startedAt = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', 'serve', '--data', dataDir, '--port', String(port)], {
    cwd: root, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' },
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(base, child);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  const coldMs = performance.now() - startedAt;
  return {
    base,
    coldMs,
    startedAt,
    async memory() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      return { rssMb: statusMb(status, 'VmRSS'), peakMb: statusMb(status, 'VmHWM') };
    },
    async login(username) {
      const res = await fetch(`${base}/api/session`, {
        method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify({ username, password: 'demo' }),
      });
      if (!res.ok) throw new Error(`login ${username} failed: ${res.status}`);
      return res.headers.getSetCookie()[0]!.split(';')[0]!;
    },
    stop() {
      if (child.exitCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}
