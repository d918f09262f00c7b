import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const MAIN = new URL('../../server/main.ts', import.meta.url).pathname;
const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', MAIN, ...args]).catch((e) => e);

const commands = suite('The backspegel command line');

commands('user add, disable and reset change the account and are audited; audit verify catches tampering', async () => {
  const data = await mkdtemp(join(tmpdir(), 'backspegel-cli-'));
  const added = await cli('user', 'add', 'kalle', '--name', 'Kalle K', '--data', data);
  assert.match(added.stdout, /Kontot kalle skapades\. Engångslösenord: [a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}/);
  const twice = await cli('user', 'add', 'kalle', '--data', data);
  assert.is(twice.code, 1);
  assert.match(twice.stderr, /finns redan/);
  assert.match((await cli('user', 'disable', 'kalle', '--data', data)).stdout, /avstängt/);
  const app = JSON.parse(await readFile(join(data, 'app.json'), 'utf8'));
  assert.is(app.users[0].disabled, true);
  assert.is(app.users[0].mustChangePassword, true, 'the one-time password must be changed at first login');
  await writeFile(join(data, 'app.json'), JSON.stringify({ ...app, users: [{ ...app.users[0], mustChangePassword: false }] }));
  assert.match((await cli('user', 'reset', 'kalle', '--data', data)).stdout, /Nytt engångslösenord för kalle/);
  assert.is(JSON.parse(await readFile(join(data, 'app.json'), 'utf8')).users[0].mustChangePassword, true, 'a reset sets it again');

  const ok = await cli('audit', 'verify', '--data', data);
  assert.match(ok.stdout, /obruten: 3 rader/);
  const [file] = (await readdir(join(data, 'audit'))).filter((f) => f.endsWith('.jsonl'));
  const lines = (await readFile(join(data, 'audit', file!), 'utf8')).trim().split('\n');
  await writeFile(join(data, 'audit', file!), [lines[0], lines[2]].join('\n') + '\n');
  const bad = await cli('audit', 'verify', '--data', data);
  assert.is(bad.code, 1);
  assert.match(bad.stderr, /manipulerad: .*rad 2/);
  await rm(data, { recursive: true });
});

commands('serve refuses a malformed BACKSPEGEL_ORIGIN before it starts', async () => {
  const data = await mkdtemp(join(tmpdir(), 'backspegel-cli-'));
  const env = { ...process.env, BACKSPEGEL_ORIGIN: 'backspegel.kommun.se', PORT: '0' };
  const r = await run(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--data', data], { env, timeout: 30_000 }).catch((e) => e);
  assert.is(r.code, 1);
  assert.match(r.stderr, /BACKSPEGEL_ORIGIN är ogiltig/);
  assert.match(r.stderr, /https:\/\/backspegel\.kommun\.se/, 'with an example of what works');
  await rm(data, { recursive: true });
});

commands('an unknown command prints the usage and fails', async () => {
  const r = await cli('frobnicate');
  assert.is(r.code, 2);
  assert.match(r.stderr, /Användning: backspegel/);
});

commands.run();
