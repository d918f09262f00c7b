import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FamilyRecord } from '../../server/store/family-record.ts';
import type { Annotation } from '../../server/domain/types.ts';
import { rejects } from '../setup/rejects.ts';

const annotation = (id: string, version = 1, comment = 'k'): Annotation => ({
  id, documentId: 'd-1', familyId: 'f', questionId: 'q', comment, knownAtTheTime: null, authorId: 'u', createdAt: '', updatedAt: '', version,
  target: { start: 0, end: 1, exact: 'x', prefix: '', suffix: '' },
});

const family = suite('A family record: snapshot plus journal');

family('changes are journalled and survive reopening: puts, edits, deletes and reflections', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'backspegel-family-'));
  const path = join(dir, 'f.json');
  const r = await FamilyRecord.open(path);
  await r.mutate((d) => void d.annotations.push(annotation('a-1'), annotation('a-2')));
  await r.mutate((d) => Object.assign(d.annotations[0]!, { comment: 'ändrad', version: 2 }));
  await r.mutate((d) => void d.annotations.push(annotation('a-3')));
  await r.mutate((d) => void (d.annotations = d.annotations.filter((a) => a.id !== 'a-2')));
  await r.mutate((d) => void (d.reflections.summary = { text: 'S', version: 1, updatedAt: '', updatedBy: 'u' }));
  const journal = (await readFile(join(dir, 'f.log'), 'utf8')).trim().split('\n');
  assert.is(journal.length, 5, 'one small line per change, no snapshot rewrite');
  const again = await FamilyRecord.open(path);
  assert.equal(again.data.annotations.map((a) => [a.id, a.comment, a.version]), [['a-1', 'ändrad', 2], ['a-3', 'k', 1]], 'in the same order');
  assert.is(again.data.reflections.summary?.text, 'S');
  await rm(dir, { recursive: true });
});

family('a torn last line (a crash mid-append, never acknowledged) is ignored', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'backspegel-family-'));
  const r = await FamilyRecord.open(join(dir, 'f.json'));
  await r.mutate((d) => void d.annotations.push(annotation('a-1')));
  await appendFile(join(dir, 'f.log'), '{"put":[{"id":"a-2"');
  const again = await FamilyRecord.open(join(dir, 'f.json'));
  assert.equal(again.data.annotations.map((a) => a.id), ['a-1']);
  await rm(dir, { recursive: true });
});

family('a change that throws is undone, and nothing is journalled', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'backspegel-family-'));
  const r = await FamilyRecord.open(join(dir, 'f.json'));
  await r.mutate((d) => void d.annotations.push(annotation('a-1')));
  await rejects(() =>
    r.mutate((d) => {
      d.annotations.push(annotation('a-2'));
      throw new Error('conflict');
    }),
  );
  assert.equal(r.data.annotations.map((a) => a.id), ['a-1']);
  assert.is((await readFile(join(dir, 'f.log'), 'utf8')).trim().split('\n').length, 1);
  await rm(dir, { recursive: true });
});

family('the journal is folded into the snapshot as it grows, and nothing is lost', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'backspegel-family-'));
  const r = await FamilyRecord.open(join(dir, 'f.json'));
  for (let i = 0; i < 520; i++) await r.mutate((d) => void d.annotations.push(annotation(`a-${i}`)));
  const journal = (await readFile(join(dir, 'f.log'), 'utf8')).trim().split('\n').filter(Boolean);
  assert.ok(journal.length < 500, `journal compacted (${journal.length} lines left)`);
  const snapshot = JSON.parse(await readFile(join(dir, 'f.json'), 'utf8'));
  assert.ok(snapshot.annotations.length >= 500);
  const again = await FamilyRecord.open(join(dir, 'f.json'));
  assert.is(again.data.annotations.length, 520);
  await rm(dir, { recursive: true });
});

family.run();
