// Ctrl-C or SIGTERM to `npm start` stops everything: the server must not stay behind on its port
// (npm signals its child; the start script must not leave a shell between npm and the server).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** When the test fails, a server left behind would hold the port: find it by its data directory (Linux). */
async function killLeftovers(dataDir: string): Promise<void> {
  for (const pid of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    const environ = await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '');
    if (environ.includes(`BACKSPEGEL_DATA=${dataDir}\0`)) process.kill(Number(pid), 'SIGKILL');
  }
}

const health = (port: number) => fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status, () => 'refused');

const stop = suite('Stopping `npm start`');

stop('SIGTERM to npm stops the server and frees its port', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'backspegel-start-'));
  const port = await freePort();
  const npm = spawn('npm', ['start'], { cwd: root, env: { ...process.env, BACKSPEGEL_DATA: dataDir, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  npm.stdout.on('data', (d) => (output += d));
  npm.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
  try {
    for (let i = 0; i < 600 && !/kör på/.test(output); i++) await new Promise((r) => setTimeout(r, 100));
    assert.is(await health(port), 200, `the server should be up:\n${output}`);
    npm.kill('SIGTERM');
    await exited;
    let status: number | string = 200;
    for (let i = 0; i < 100 && status !== 'refused'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await health(port);
    }
    assert.is(status, 'refused', 'nothing answers on the port after SIGTERM');
  } finally {
    npm.kill('SIGKILL');
    npm.stdout.destroy();
    npm.stderr.destroy();
    await killLeftovers(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  }
});

stop.run();
