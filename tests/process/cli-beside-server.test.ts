// The command line changes accounts in the data directory while the server runs (another process):
// the server must see the change at once and must not write it away with its own next write.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { HttpClient, seededDataDir, startServer } from '../setup/server-process.ts';

const MAIN = new URL('../../server/main.ts', import.meta.url).pathname;
const cli = (...args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', MAIN, ...args]);

async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  let value = await probe();
  for (let i = 0; i < 50 && !ok(value); i++) {
    await new Promise((r) => setTimeout(r, 100));
    value = await probe();
  }
  return value;
}

const beside = suite('The command line beside a running server');

beside('an account added and then disabled from the command line takes effect in the running server, and survives its writes', async () => {
  const dataDir = await seededDataDir();
  const server = await startServer(dataDir);
  try {
    const added = await cli('user', 'add', 'kalle', '--data', dataDir);
    const password = /Engångslösenord: (\S+)/.exec(added.stdout)![1]!;
    // The server writes app.json itself (a login) right after the command line did.
    await new HttpClient(server.url).login('socsek1');
    const kalle = new HttpClient(server.url);
    const login = await eventually(() => kalle.call('POST', '/api/session', { username: 'kalle', password }), (r) => r.status === 200);
    assert.is(login.status, 200, 'the new account can log in without a restart');
    const app = JSON.parse(await readFile(join(dataDir, 'app.json'), 'utf8'));
    assert.ok(app.users.some((u: any) => u.username === 'kalle'), 'the server\'s own writes kept the new account');

    // A study created and a case file imported from the command line show in the running server.
    const lead = await new HttpClient(server.url).login('projektledare');
    await cli('study', 'create', '--template', 'tre-fragor', '--title', 'Från kommandoraden', '--lead', 'projektledare', '--data', dataDir);
    const listed = await eventually(() => lead.call('GET', '/api/studies'), (r) => r.json.some((s: any) => s.id === 'fran-kommandoraden'));
    assert.ok(listed.json.some((s: any) => s.id === 'fran-kommandoraden'), 'the new study is listed without a restart');
    const file = join(dataDir, 'akt.txt');
    await writeFile(file, '2019-03-04 Anmälan\nSkolan är orolig.\n');
    await cli('import', '--study', 'mini', '--family', 'fam-3', file, '--data', dataDir);
    const docs = await eventually(() => lead.call('GET', '/api/studies/mini/families/fam-3/documents'), (r) => r.json.length === 2);
    assert.is(docs.json.length, 2, 'the imported document is listed without a restart');

    await cli('user', 'disable', 'kalle', '--data', dataDir);
    const after = await eventually(() => kalle.call('GET', '/api/session'), (r) => r.status === 401);
    assert.is(after.status, 401, 'a disabled account is out at once');
  } finally {
    await server.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
});

beside.run();
