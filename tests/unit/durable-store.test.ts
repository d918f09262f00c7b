import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { DurableJSONFile, writeFileDurably } from '../../server/store/durable-file.ts';
import { JsonRecord } from '../../server/store/json-record.ts';
import type { Adapter } from 'lowdb';
import { rejects } from '../setup/rejects.ts';

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

adapter('an acknowledged write survives the process being killed with SIGKILL right after', async () => {
  const dir = await tempDir();
  const path = join(dir, 'x.json');
  const script = `
    import { DurableJSONFile } from ${JSON.stringify(new URL('../../server/store/durable-file.ts', import.meta.url).pathname)};
    const f = new DurableJSONFile(${JSON.stringify(path)});
    for (let i = 1; i <= 20; i++) { await f.write({ n: i, pad: 'x'.repeat(10000) }); process.stdout.write(i + '\\n'); }
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let acked = 0;
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      acked = Math.max(acked, ...String(d).trim().split('\n').map(Number));
      if (acked >= 7) {
        child.kill('SIGKILL');
        resolve();
      }
    });
  });
  const stored = JSON.parse(await readFile(path, 'utf8'));
  assert.ok(stored.n >= acked, `stored ${stored.n}, acknowledged ${acked}`);
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

record.run();
