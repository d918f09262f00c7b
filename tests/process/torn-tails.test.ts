// A crash in the middle of an append leaves half a line at the end of a family's journal or of the
// audit log. The real server must start on such data, report the cut, never glue the next write onto
// the half line, keep answering the audit view, and leave a chain that `backspegel audit verify` accepts.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { appendFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { HttpClient, seededDataDir, startServer } from '../setup/server-process.ts';

const MAIN = new URL('../../server/main.ts', import.meta.url).pathname;

async function annotate(client: HttpClient, family: string, comment: string): Promise<string> {
  const [doc] = (await client.call('GET', `/api/studies/mini/families/${family}/documents`)).json;
  const { text } = (await client.call('GET', `/api/studies/mini/documents/${doc.id}`)).json;
  const r = await client.call('POST', '/api/studies/mini/annotations', {
    documentId: doc.id, questionId: 'tidiga-tecken', target: { start: 10, end: 30, exact: text.slice(10, 30) }, comment,
  });
  assert.is(r.status, 201);
  return r.json.id;
}

const torn = suite('Torn last lines after a crash');

torn('the server starts, cuts and reports them, and keeps every acknowledged write and an unbroken audit chain', async () => {
  const dataDir = await seededDataDir();
  let server = await startServer(dataDir);
  try {
    const first = await annotate(await new HttpClient(server.url).login('socsek1'), 'fam-2', 'före');
    await server.kill('SIGKILL');
    // What a kill in the middle of two appends leaves behind.
    await appendFile(join(dataDir, 'studies', 'mini', 'families', 'fam-2.log'), '{"seq":2,"ops":[{"c":"annotations","put":{"id":"a-');
    const [month] = (await readdir(join(dataDir, 'audit'))).filter((f) => f.endsWith('.jsonl')).sort().reverse();
    await appendFile(join(dataDir, 'audit', month!), '{"time":"2026-11-30T10:00:00.000Z","user":"u-');

    server = await startServer(dataDir);
    assert.match(server.output(), /fam-2\.log: cut \d+ bytes of an interrupted write/);
    assert.match(server.output(), /audit\/\d{4}-\d{2}\.jsonl: cut \d+ bytes of an interrupted write/);
    const lead = await new HttpClient(server.url).login('projektledare');
    assert.is((await lead.call('GET', '/api/studies/mini/audit')).status, 200, 'the audit view still answers');
    const second = await annotate(await new HttpClient(server.url).login('socsek1'), 'fam-2', 'efter');
    await server.kill('SIGKILL');

    server = await startServer(dataDir);
    const listed = (await (await new HttpClient(server.url).login('projektledare')).call('GET', '/api/studies/mini/annotations?family=fam-2')).json;
    assert.equal(listed.map((a: any) => a.id).sort(), [first, second].sort());
    await server.kill('SIGTERM');
    const verify = await promisify(execFile)(process.execPath, ['--import', 'tsx', MAIN, 'audit', 'verify', '--data', dataDir]);
    assert.match(verify.stdout, /Granskningsloggen är obruten/);
  } finally {
    await server.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
});

torn.run();
