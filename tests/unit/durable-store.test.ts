import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { access, chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DurableJSONFile, writeFileDurably } from '../../server/store/durable-file.ts';
import { JsonRecord } from '../../server/store/json-record.ts';
import { Store } from '../../server/store/store.ts';
import type { Adapter } from 'lowdb';
import { rejects } from '../setup/rejects.ts';

const exists = (path: string) => access(path).then(() => true, () => false);
const tempDir = () => mkdtemp(join(tmpdir(), 'backspegel-unit-'));

const adapter = suite('The durable JSON file adapter');

adapter('a missing file reads as null; a written one reads back; no temp file is left', async () => {
  const dir = await tempDir();
  const file = new DurableJSONFile<{ n: number }>(join(dir, 'x.json'));
  assert.is(await file.read(), null);
  await file.write({ n: 1 });
  assert.equal(await file.read(), { n: 1 });
  assert.equal(await readdir(dir), ['x.json']);
  assert.is((await stat(join(dir, 'x.json'))).mode & 0o777, 0o600);
  await rm(dir, { recursive: true });
});

adapter('a corrupt file is an error, not silently replaced by defaults', async () => {
  const dir = await tempDir();
  await writeFile(join(dir, 'x.json'), '{"half": ');
  await rejects(() => new DurableJSONFile(join(dir, 'x.json')).read());
  await rm(dir, { recursive: true });
});

adapter('writes land in call order and each stores the data as it was when called', async () => {
  const dir = await tempDir();
  const file = new DurableJSONFile<{ n: number }>(join(dir, 'x.json'));
  const data = { n: 1 };
  const first = file.write(data);
  data.n = 2;
  const second = file.write(data);
  await first;
  await second;
  assert.equal(await file.read(), { n: 2 });
  await rm(dir, { recursive: true });
});

adapter('a failed write leaves the previous file intact', async () => {
  const dir = await tempDir();
  const path = join(dir, 'x.json');
  await writeFileDurably(path, '{"n":1}');
  await chmod(dir, 0o500);
  try {
    // root ignores directory permissions; then write into a path whose directory is missing instead
    await writeFileDurably(process.getuid?.() === 0 ? join(dir, 'missing', 'x.json') : path, '{"n":2}').then(
      () => assert.unreachable('the write should fail'),
      () => undefined,
    );
  } finally {
    await chmod(dir, 0o700);
  }
  assert.is(await readFile(path, 'utf8'), '{"n":1}');
  await rm(dir, { recursive: true });
});

adapter('temp files left by a crash are removed when the data directory is opened again, fresh ones are not', async () => {
  const dir = await tempDir();
  const study = join(dir, 'studies', 'mini');
  const families = join(study, 'families');
  await mkdir(families, { recursive: true });
  await writeFile(join(dir, 'app.json'), JSON.stringify({ users: [], sessions: [], studies: ['mini'] }));
  await writeFile(join(study, 'study.json'), JSON.stringify({ id: 'mini', families: [], documents: [], questions: [], members: [] }));
  const stale = [join(dir, '.app.json.0123456789ab.tmp'), join(families, '.fam-1.json.a1b2c3d4e5f6.tmp')];
  const fresh = join(families, '.fam-2.json.abcdefabcdef.tmp');
  for (const f of [...stale, fresh]) await writeFile(f, '{"half":');
  const anHourAgo = new Date(Date.now() - 3600_000);
  for (const f of stale) await utimes(f, anHourAgo, anHourAgo);
  const messages: string[] = [];
  await Store.open(dir, { log: (m) => messages.push(m) });
  assert.not.ok(await exists(stale[0]!));
  assert.not.ok(await exists(stale[1]!));
  assert.ok(await exists(fresh), 'a temp file another process may be writing right now is left alone');
  assert.match(messages.join('\n'), /removed 1 temp file\(s\) of interrupted writes/);
  await rm(dir, { recursive: true });
});

adapter.run();

/** An adapter in memory that can be told to fail its next write. */
class FlakyMemory<T> implements Adapter<T> {
  stored: T | null = null;
  failNext = false;
  async read() {
    return structuredClone(this.stored);
  }
  async write(data: T) {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk full');
    }
    this.stored = structuredClone(data);
  }
}

const record = suite('A JSON record\'s mutations');

record('a mutation whose write fails is undone in memory as on disk', async () => {
  const mem = new FlakyMemory<{ items: number[] }>();
  const r = await JsonRecord.open(mem, { items: [] as number[] });
  await r.mutate((d) => void d.items.push(1));
  mem.failNext = true;
  await rejects(() => r.mutate((d) => void d.items.push(2)));
  assert.equal(r.data.items, [1]);
  assert.equal(mem.stored?.items, [1]);
});

record('a mutation that throws changes nothing, and later mutations still run', async () => {
  const mem = new FlakyMemory<{ items: number[] }>();
  const r = await JsonRecord.open(mem, { items: [] as number[] });
  await rejects(() =>
    r.mutate((d) => {
      d.items.push(99);
      throw new Error('validation failed half way');
    }),
  );
  assert.equal(r.data.items, []);
  await r.mutate((d) => void d.items.push(1));
  assert.equal(mem.stored?.items, [1]);
});

record('concurrent mutations are serialised: none is lost', async () => {
  const mem = new FlakyMemory<{ n: number }>();
  const r = await JsonRecord.open(mem, { n: 0 });
  await Promise.all(Array.from({ length: 50 }, () => r.mutate((d) => void (d.n += 1))));
  assert.is(r.data.n, 50);
  assert.is(mem.stored?.n, 50);
});

record('two processes writing one file: each mutation starts from what the other wrote, nothing is lost', async () => {
  const dir = await tempDir();
  const path = join(dir, 'app.json');
  const server = await JsonRecord.open(new DurableJSONFile<{ items: number[] }>(path), { items: [] });
  const cli = await JsonRecord.open(new DurableJSONFile<{ items: number[] }>(path), { items: [] });
  await server.mutate((d) => void d.items.push(1));
  await cli.mutate((d) => void d.items.push(2));
  await server.mutate((d) => void d.items.push(3));
  assert.equal(JSON.parse(await readFile(path, 'utf8')).items, [1, 2, 3]);
  assert.equal(server.data.items, [1, 2, 3]);
  await rm(dir, { recursive: true });
});

record.run();
