// The test runner must not go green on a broken test file: each case is a small test file run the
// way tests/run.ts runs one (own process, the uvu guard preloaded), judged by the runner's verdict.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GUARD, judge } from '../setup/test-verdict.ts';

async function runTestFile(source: string): Promise<ReturnType<typeof judge>> {
  const dir = await mkdtemp(join(tmpdir(), 'backspegel-runner-'));
  const file = join(dir, 'case.test.mjs');
  await writeFile(file, source);
  const { output, code } = await new Promise<{ output: string; code: number | null }>((resolve) => {
    execFile(process.execPath, ['--import', GUARD, file], { env: { ...process.env, FORCE_COLOR: '0' } }, (error, stdout, stderr) =>
      resolve({ output: stdout + stderr, code: error ? ((error as { code?: number }).code ?? 1) : 0 }),
    );
  });
  await rm(dir, { recursive: true });
  return judge(output, code);
}

const runner = suite('The test runner\'s verdict on a test file');

runner('a clean file passes', async () => {
  const v = await runTestFile(`import { suite } from 'uvu';
const a = suite('a'); a('one', () => {}); a('two', () => {}); a.run();`);
  assert.equal(v, { passed: 2, failed: 0, ok: true });
});

runner('a second suite that never calls .run() fails the file', async () => {
  const v = await runTestFile(`import { suite } from 'uvu';
const a = suite('a'); a('one', () => {}); a.run();
const b = suite('b'); b('forgotten', () => { throw new Error('never runs'); });`);
  assert.is(v.ok, false);
});

runner('a focused test (.only) fails the file', async () => {
  const v = await runTestFile(`import { suite } from 'uvu';
const a = suite('a'); a('one', () => {}); a.only('focused', () => {}); a.run();`);
  assert.is(v.ok, false);
});

runner('a skipped test fails the file', async () => {
  const v = await runTestFile(`import { suite } from 'uvu';
const a = suite('a'); a('one', () => {}); a.skip('later', () => {}); a.run();`);
  assert.is(v.ok, false);
  assert.ok(v.failed >= 1);
});

runner('a file that crashes after its summary fails', async () => {
  const v = await runTestFile(`import { suite } from 'uvu';
const a = suite('a'); a('one', () => {}); a.run();
setTimeout(() => { throw new Error('crash after the summary'); }, 100);`);
  assert.is(v.ok, false);
  assert.is(v.failed, 1);
});

runner('the default test export still works and must run', async () => {
  assert.is((await runTestFile(`import { test } from 'uvu'; test('one', () => {}); test.run();`)).ok, true);
  assert.is((await runTestFile(`import { test } from 'uvu'; import { suite } from 'uvu';
const a = suite('a'); a('x', () => {}); a.run(); test('forgotten', () => {});`)).ok, false);
});

runner('a file killed at its time limit fails, whatever it printed', () => {
  const v = judge('Total: 3\nPassed: 3\nSkipped: 0\n', null, 240_000);
  assert.is(v.ok, false);
  assert.match(v.why ?? '', /killed after 240 s/);
});

runner.run();
