// The real server as a child process (`server/main.ts serve`) on a data directory, for tests where
// crashes matter: it can be SIGKILLed and started again on the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAST_COST } from '../../server/auth/password.ts';
import { seedDemo } from '../../server/seed/demo.ts';
import { Store } from '../../server/store/store.ts';
import { MINI_STUDY_DIR, parseJsonOrUndefined } from './app.ts';

const MAIN = new URL('../../server/main.ts', import.meta.url).pathname;

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** A new data directory seeded with the mini study and its accounts (password "demo"). */
export async function seededDataDir(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'backspegel-proc-'));
  const store = await Store.open(dataDir, { log: () => undefined });
  await seedDemo(store, { passwordCost: FAST_COST, dir: MINI_STUDY_DIR });
  return dataDir;
}

/** How the server is started: `node --import tsx server/main.ts` unless a test tries another way (the bin). */
export const VIA_TSX = ['--import', 'tsx', MAIN];

/** Starts `backspegel serve` on `dataDir` on a free port; resolves when it listens. */
export function startServer(dataDir: string, env: Record<string, string> = {}, launch: string[] = VIA_TSX): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...launch, 'serve', '--data', dataDir, '--port', '0'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d;
      const port = /kör på http:\/\/localhost:(\d+)/.exec(output)?.[1];
      if (port) {
        child.stdout!.off('data', onData);
        child.stdout!.on('data', (more: Buffer) => (output += more));
        resolve({
          url: `http://127.0.0.1:${port}`,
          child,
          output: () => output,
          async kill(signal = 'SIGKILL') {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            await exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (output += d));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${output}`)));
  });
}

/** A minimal HTTP client for a server process: keeps the session cookie, sends a same-origin Origin. */
export class HttpClient {
  cookie = '';
  constructor(readonly base: string) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
    const h: Record<string, string> = { origin: this.base, ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(this.base + path, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
    if (cookie) this.cookie = cookie;
    const json = parseJsonOrUndefined(await res.text());
    return { status: res.status, json };
  }

  async login(username: string, password = 'demo'): Promise<this> {
    const r = await this.call('POST', '/api/session', { username, password });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status}`);
    return this;
  }
}
