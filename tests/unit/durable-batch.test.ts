// writeFilesDurably writes a batch of files several at a time (one directory fsync for all): every
// file lands with its own content and mode 600, and a failure anywhere leaves neither a temp file
// nor any of the batch's files behind (nothing is renamed before every file is on disk).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFilesDurably } from '../../server/store/durable-file.ts';
import { rejects } from '../setup/rejects.ts';

const batch = suite('A durable batch of files');

batch('forty files land, each with its content, and no temp file is left', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'backspegel-batch-'));
  const files = Array.from({ length: 40 }, (_, i) => ({ name: `d${i}.txt`, data: `text ${i}` }));
  await writeFilesDurably(dir, files);
  const names = (await readdir(dir)).sort((a, b) => Number(a.slice(1, -4)) - Number(b.slice(1, -4)));
  assert.equal(names, files.map((f) => f.name));
  assert.is(await readFile(join(dir, 'd17.txt'), 'utf8'), 'text 17');
  assert.is((await stat(join(dir, 'd39.txt'))).mode & 0o777, 0o600);
  await rm(dir, { recursive: true });
});

batch('one file that cannot be written fails the batch and leaves nothing behind', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'backspegel-batch-'));
  const files = Array.from({ length: 30 }, (_, i) => ({ name: i === 20 ? 'saknas/d20.txt' : `d${i}.txt`, data: `text ${i}` }));
  await rejects(() => writeFilesDurably(dir, files));
  assert.equal(await readdir(dir), []);
  await rm(dir, { recursive: true });
});

batch.run();
