// `backspegel backup` while the server takes writes, then `backspegel restore` into an empty
// directory: every write acknowledged before the backup began is in the copy, the copy opens, its
// audit chain verifies, and the restored files are the backup's byte for byte.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { Store } from '../../server/store/store.ts';
import { HttpClient, seededDataDir, startServer } from '../setup/server-process.ts';

const MAIN = new URL('../../server/main.ts', import.meta.url).pathname;
const cli = (...args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', MAIN, ...args]);

async function filesUnder(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const walk = async (d: string) => {
    for (const name of await readdir(d)) {
      const path = join(d, name);
      if ((await stat(path)).isDirectory()) await walk(path);
      else out.set(relative(dir, path), await readFile(path));
    }
  };
  await walk(dir);
  return out;
}

const backup = suite('Backup and restore');

backup('a backup taken under write load restores into an empty directory with every acknowledged record and a verified audit chain', async () => {
  const dataDir = await seededDataDir();
  const work = await mkdtemp(join(tmpdir(), 'backspegel-backup-'));
  const server = await startServer(dataDir, { BACKSPEGEL_COMPACT_AFTER: '5' });
  try {
    const cw = await new HttpClient(server.url).login('socsek1');
    const [doc] = (await cw.call('GET', '/api/studies/mini/families/fam-2/documents')).json;
    const { text } = (await cw.call('GET', `/api/studies/mini/documents/${doc.id}`)).json;
    const acked = new Map<string, { version: number; comment: string }>();
    let n = 0;
    const write = async () => {
      const start = (n++ * 7) % (text.length - 20);
      const comment = `skriven ${n}`;
      const r = await cw.call('POST', '/api/studies/mini/annotations', {
        documentId: doc.id, questionId: 'tidiga-tecken', target: { start, end: start + 10, exact: text.slice(start, start + 10) }, comment,
      });
      assert.is(r.status, 201);
      acked.set(r.json.id, { version: r.json.version, comment });
      const edited = await cw.call('PATCH', `/api/studies/mini/annotations/${r.json.id}`, { comment: `${comment}, ändrad` }, { 'if-match': '1' });
      assert.is(edited.status, 200);
      acked.set(r.json.id, { version: 2, comment: `${comment}, ändrad` });
    };
    for (let i = 0; i < 12; i++) await write();
    const beforeBackup = new Map(acked);

    let stop = false;
    const load = Promise.all(Array.from({ length: 4 }, async () => {
      while (!stop) await write();
    }));
    const copy = join(work, 'kopia');
    const out = await cli('backup', copy, '--data', dataDir).finally(() => (stop = true));
    await load;
    assert.match(out.stdout, /Säkerhetskopian är skriven/);

    const restoredDir = join(work, 'återställd');
    const restored = await cli('restore', copy, '--data', restoredDir);
    assert.match(restored.stdout, /Granskningsloggen är obruten/);

    const backupFiles = await filesUnder(copy);
    const restoredFiles = await filesUnder(restoredDir);
    for (const [path, bytes] of backupFiles) {
      if (path.startsWith('audit/')) continue; // restore appends its own audit line
      assert.ok(restoredFiles.get(path)?.equals(bytes), `${path} restored byte for byte`);
    }
    const store = await Store.open(restoredDir, { log: () => undefined });
    const stored = new Map(store.study('mini')!.familyData('fam-2').annotations.map((a) => [a.id, a]));
    for (const [id, a] of beforeBackup) {
      assert.equal([stored.get(id)?.version, stored.get(id)?.comment], [a.version, a.comment], `annotation ${id}`);
    }
    assert.ok(stored.size >= beforeBackup.size);
    for (const [id, a] of stored) {
      if (!acked.has(id)) continue;
      assert.ok(a.version <= acked.get(id)!.version, 'nothing in the copy is newer than what was acknowledged');
    }
    assert.is((await store.audit.verify()).ok, true);
    const refused = await cli('restore', copy, '--data', restoredDir).catch((e) => e);
    assert.is(refused.code, 1, 'restore refuses a directory that is not empty');
  } finally {
    await server.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  }
});

backup.run();
