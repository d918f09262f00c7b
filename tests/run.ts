// Runs every tests/**/*.test.ts file in its own Node process (uvu, ESM TypeScript via tsx),
// two at a time, and ends with the line CI reads: "N passed, N failed".
// A file that registers no test, or whose process fails without a uvu summary, counts as failed:
// uvu alone exits 0 when a suite forgets `.run()`.
// Usage: node --import tsx tests/run.ts [filter]   (filter: substring of the file path)
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { availableParallelism } from 'node:os';

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

interface FileResult { file: string; passed: number; failed: number; output: string; ok: boolean }

// uvu prints "Total: N", "Passed: N" and "Skipped: N" once per process.
function parse(output: string): { total: number; passed: number } | null {
  const clean = output.replace(/\x1b\[[0-9;]*m/g, '');
  const total = /Total:\s+(\d+)/.exec(clean);
  const passed = /Passed:\s+(\d+)/.exec(clean);
  return total && passed ? { total: Number(total[1]), passed: Number(passed[1]) } : null;
}

function runFile(file: string): Promise<FileResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      const counts = parse(output);
      const rel = relative(root, file);
      if (!counts || counts.total === 0) {
        resolve({ file: rel, passed: 0, failed: 1, output: output + '\n(no tests ran: missing .run()?)', ok: false });
        return;
      }
      const failed = counts.total - counts.passed;
      resolve({ file: rel, passed: counts.passed, failed, output, ok: code === 0 && failed === 0 });
    });
  });
}

const files = findTests(join(root, 'tests')).filter((f) => f.includes(filter));
const queue = [...files];
const results: FileResult[] = [];
const workers = Math.max(1, Math.min(2, availableParallelism()));
const started = Date.now();

await Promise.all(
  Array.from({ length: workers }, async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const r = await runFile(file);
      results.push(r);
      console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.file} (${r.passed} passed, ${r.failed} failed)`);
      if (!r.ok) console.log(r.output.split('\n').map((l) => '     ' + l).join('\n'));
    }
  }),
);

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`\n${files.length} files in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || files.length === 0 ? 1 : 0);
