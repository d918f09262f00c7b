import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHash } from 'node:crypto';
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog, type AuditEvent } from '../../server/store/audit-log.ts';

const KEY = new Uint8Array(32).fill(7);
const event = (time: string, action = 'document.read', object = 'd-1'): AuditEvent => ({
  time, user: 'u-1', role: 'caseworker', action, study: 's', family: 'fam-1', object, outcome: 'ok',
});

async function logWithLines(): Promise<{ dir: string; log: AuditLog }> {
  const dir = await mkdtemp(join(tmpdir(), 'backspegel-audit-'));
  const log = new AuditLog(dir, KEY, () => undefined);
  await log.append(event('2026-10-30T10:00:00.000Z', 'session.login', ''));
  await log.append(event('2026-10-31T10:00:00.000Z'));
  await log.append(event('2026-11-01T08:00:00.000Z', 'annotation.create', 'a-1'));
  await log.append(event('2026-11-02T08:00:00.000Z', 'annotation.update', 'a-1'));
  return { dir, log };
}

const chain = suite('The hash-chained audit log');

chain('appends one JSON line per event into a file per month, each chained to the one before', async () => {
  const { dir, log } = await logWithLines();
  const october = (await readFile(join(dir, 'audit', '2026-10.jsonl'), 'utf8')).trim().split('\n');
  const november = (await readFile(join(dir, 'audit', '2026-11.jsonl'), 'utf8')).trim().split('\n');
  assert.is(october.length, 2);
  assert.is(november.length, 2);
  assert.is(JSON.parse(october[0]!).prev, '0'.repeat(64));
  assert.is.not(JSON.parse(november[0]!).prev, '0'.repeat(64), 'the chain continues across months');
  assert.equal(await log.verify(), { ok: true, lines: 4 });
  await rm(dir, { recursive: true });
});

chain('a new process continues the chain where the last one stopped', async () => {
  const { dir } = await logWithLines();
  const again = new AuditLog(dir, KEY, () => undefined);
  await again.append(event('2026-11-03T08:00:00.000Z'));
  assert.equal(await again.verify(), { ok: true, lines: 5 });
  await rm(dir, { recursive: true });
});

for (const [name, tamper] of [
  ['an edited line', (lines: string[]) => void (lines[0] = lines[0]!.replace('"a-1"', '"a-2"'))],
  ['a removed line in the middle', (lines: string[]) => void lines.splice(0, 1)],
  ['a removed last line', (lines: string[]) => void lines.pop()],
  ['an inserted line', (lines: string[]) => void lines.splice(1, 0, lines[0]!)],
] as const) {
  chain(`verify finds ${name}`, async () => {
    const { dir, log } = await logWithLines();
    const file = join(dir, 'audit', '2026-11.jsonl');
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    tamper(lines);
    await writeFile(file, lines.join('\n') + '\n');
    const result = await log.verify();
    assert.is(result.ok, false);
    assert.ok(result.problem);
    await rm(dir, { recursive: true });
  });
}

chain('an edit in an earlier month is pinned to its file and line', async () => {
  const { dir, log } = await logWithLines();
  const file = join(dir, 'audit', '2026-10.jsonl');
  const lines = (await readFile(file, 'utf8')).trim().split('\n');
  lines[0] = lines[0]!.replace('"ok"', '"denied"');
  await writeFile(file, lines.join('\n') + '\n');
  const result = await log.verify();
  assert.equal(result.problem && [result.problem.file, result.problem.line], ['2026-10.jsonl', 2]);
  await rm(dir, { recursive: true });
});

chain('a clock that steps back over a month boundary does not read as tampering', async () => {
  const { dir, log } = await logWithLines();
  await log.append(event('2026-10-31T23:59:00.000Z'));
  assert.equal(await readdir(join(dir, 'audit')).then((f) => f.filter((n) => n.endsWith('.jsonl'))), ['2026-10.jsonl', '2026-11.jsonl']);
  const november = (await readFile(join(dir, 'audit', '2026-11.jsonl'), 'utf8')).trim().split('\n');
  assert.is(november.length, 3, 'the late line went to the newest file');
  assert.equal(await log.verify(), { ok: true, lines: 5 });
  await rm(dir, { recursive: true });
});

chain('the chain is keyed: recomputing it with plain SHA-256 after an edit does not verify', async () => {
  const { dir, log } = await logWithLines();
  const file = join(dir, 'audit', '2026-11.jsonl');
  const lines = (await readFile(file, 'utf8')).trim().split('\n');
  // An editor without the key rewrites the second line and re-chains it the only way they can.
  lines[1] = JSON.stringify({ ...JSON.parse(lines[1]!), outcome: 'denied', prev: createHash('sha256').update(lines[0]!).digest('hex') });
  await writeFile(file, lines.join('\n') + '\n');
  assert.equal(await log.verify().then((r) => r.problem?.line), 2);
  assert.is(await new AuditLog(dir, new Uint8Array(32).fill(8), () => undefined).verify().then((r) => r.ok), false, 'another key does not verify either');
  await rm(dir, { recursive: true });
});

chain('the head checkpoint: written with a process\'s first append, then a moment later or at flush; verify flushes first', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'backspegel-audit-'));
  const log = new AuditLog(dir, KEY, () => undefined, 60_000);
  const head = async () => JSON.parse(await readFile(join(dir, 'audit', 'head.json'), 'utf8')).lines as number;
  for (const day of ['01', '02', '03']) await log.append(event(`2026-11-${day}T08:00:00.000Z`));
  assert.is(await head(), 1, 'the first append checkpoints at once; later ones wait');
  await log.flush();
  assert.is(await head(), 3);
  await log.append(event('2026-11-04T08:00:00.000Z'));
  const file = join(dir, 'audit', '2026-11.jsonl');
  const lines = (await readFile(file, 'utf8')).trim().split('\n');
  await writeFile(file, lines.slice(0, -1).join('\n') + '\n');
  assert.equal((await log.verify()).problem?.file, 'head.json', 'a line removed before its checkpoint was written is still found');
  await rm(dir, { recursive: true });
});

chain('a torn last line (a crash mid-append) is cut on recovery, reported, and the chain goes on unbroken', async () => {
  const { dir } = await logWithLines();
  const file = join(dir, 'audit', '2026-11.jsonl');
  await appendFile(file, '{"time":"2026-11-02T09:00:00.000Z","user":"u-1","ro');
  const messages: string[] = [];
  const log = new AuditLog(dir, KEY, (m) => messages.push(m));
  assert.equal(await log.verify(), { ok: true, lines: 4, tornTail: true }, 'verify does not call a torn write tampering');
  assert.is((await log.read()).length, 4, 'read skips the torn line instead of failing');
  await log.recover();
  assert.match(messages.join('\n'), /cut \d+ bytes of an interrupted write/);
  await log.append(event('2026-11-03T08:00:00.000Z'));
  assert.equal(await log.verify(), { ok: true, lines: 5 });
  assert.is((await log.read()).at(-1)?.time, '2026-11-03T08:00:00.000Z');
  await rm(dir, { recursive: true });
});

chain('after a failed append the end of the chain is read again from disk before the next line', async () => {
  const { dir, log } = await logWithLines();
  const auditDir = join(dir, 'audit');
  await mkdir(join(auditDir, '2026-12.jsonl')); // the next month's file cannot be opened for appending
  await log.append(event('2026-12-01T08:00:00.000Z')).then(() => assert.unreachable('the append should fail'), () => undefined);
  await rmdir(join(auditDir, '2026-12.jsonl'));
  // What a failed write may leave behind: part of its line.
  await appendFile(join(auditDir, '2026-11.jsonl'), '{"time":"2026-12-01T08:00:00.000Z","us');
  await log.append(event('2026-12-01T08:01:00.000Z'));
  assert.equal(await log.verify(), { ok: true, lines: 5 });
  await rm(dir, { recursive: true });
});

chain('two writers on one log (the server and the command line) keep one unbroken chain', async () => {
  const { dir, log } = await logWithLines();
  const cli = new AuditLog(dir, KEY, () => undefined);
  await cli.append(event('2026-11-03T08:00:00.000Z', 'user.add', 'u-2'));
  await log.append(event('2026-11-03T08:01:00.000Z'));
  await cli.append(event('2026-11-03T08:02:00.000Z', 'user.reset', 'u-2'));
  await log.append(event('2026-11-03T08:03:00.000Z'));
  assert.equal(await log.verify(), { ok: true, lines: 8 });
  await rm(dir, { recursive: true });
});

chain.run();
