// Runs every tests/**/*.test.ts file in its own Node process (uvu, ESM TypeScript via tsx),
// two at a time, and ends with the line CI reads: "N passed, N failed". The run fails when any file
// fails, crashes (a non-zero exit, even after its summary), runs past its time limit, registers no
// test, skips a test, focuses one (`.only`) or has a suite that never calls `.run()` (the last three
// are caught by tests/setup/uvu-guard, preloaded into every test process).
// Usage: node --import tsx tests/run.ts [filter]   (filter: substring of the file path)
//        TEST_FILE_TIMEOUT_S=300 sets the per-file limit (default 240 s); TEST_WORKERS=3 runs three files
//        at a time; TEST_TIMES=1 prints each test's duration in a failing file's output.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { availableParallelism } from 'node:os';
import { GUARD, judge } from './setup/test-verdict.ts';

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv[2] ?? '';

function findTests(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findTests(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

interface FileResult { file: string; passed: number; failed: number; output: string; ok: boolean; seconds: number }

const TIMEOUT_MS = Number(process.env.TEST_FILE_TIMEOUT_S ?? 240) * 1000;


function runFile(file: string): Promise<FileResult> {
  const start = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--import', GUARD, file], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      const verdict = judge(output, code, timedOut ? TIMEOUT_MS : undefined);
      const note = verdict.why ? `\n(${verdict.why})` : '';
      resolve({ file: relative(root, file), passed: verdict.passed, failed: verdict.failed, output: output + note, ok: verdict.ok, seconds: (Date.now() - start) / 1000 });
    });
  });
}

const files = findTests(join(root, 'tests')).filter((f) => f.includes(filter));
const queue = [...files];
const results: FileResult[] = [];
const workers = Number(process.env.TEST_WORKERS) || Math.max(1, Math.min(2, availableParallelism()));
const started = Date.now();

await Promise.all(
  Array.from({ length: workers }, async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const r = await runFile(file);
      results.push(r);
      console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.file} (${r.passed} passed, ${r.failed} failed, ${r.seconds.toFixed(1)} s)`);
      if (!r.ok) console.log(r.output.split('\n').map((l) => '     ' + l).join('\n'));
    }
  }),
);

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`\n${files.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || results.some((r) => !r.ok) || files.length === 0 ? 1 : 0);
