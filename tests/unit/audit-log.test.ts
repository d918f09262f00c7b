import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog, type AuditEvent } from '../../server/store/audit-log.ts';

const event = (time: string, action = 'document.read', object = 'd-1'): AuditEvent => ({
  time, user: 'u-1', role: 'caseworker', action, study: 's', family: 'fam-1', object, outcome: 'ok',
});

async function logWithLines(): Promise<{ dir: string; log: AuditLog }> {
  const dir = await mkdtemp(join(tmpdir(), 'backspegel-audit-'));
  const log = new AuditLog(dir);
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
  const again = new AuditLog(dir);
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

chain.run();
