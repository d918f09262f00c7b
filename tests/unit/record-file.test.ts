import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collection, RecordFile, type StoredRecord } from '../../server/store/record-file.ts';
import { rejects } from '../setup/rejects.ts';

interface Note extends StoredRecord {
  text: string;
}
const notes = collection<Note>('notes');
const tags = collection<Note>('tags');
const note = (id: string, text = 't', version = 1): Note => ({ id, text, version });

async function fixture(options: { compactAfter?: number } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'backspegel-records-'));
  const messages: string[] = [];
  const paths = [join(dir, 'f.json'), join(dir, 'f.log')] as const;
  const open = () => RecordFile.open(...paths, { ...options, log: (m) => messages.push(m) });
  return { dir, paths, messages, open, done: () => rm(dir, { recursive: true }) };
}

const records = suite('Record collections: snapshot plus journal');

records('puts, edits and deletes in several collections are journalled one line per change and survive reopening', async () => {
  const f = await fixture();
  const r = await f.open();
  await r.transact((tx) => {
    tx.put(notes, note('n-1'));
    tx.put(notes, note('n-2'));
  });
  await r.transact((tx) => tx.put(notes, { ...tx.get(notes, 'n-1')!, text: 'ändrad', version: 2 }));
  await r.transact((tx) => tx.put(notes, note('n-3')));
  await r.transact((tx) => tx.delete(notes, 'n-2'));
  await r.transact((tx) => tx.put(tags, note('summary', 'S')));
  await r.transact((tx) => tx.delete(tags, 'summary'));
  const journal = (await readFile(f.paths[1], 'utf8')).trim().split('\n');
  assert.is(journal.length, 6, 'one small line per change, no snapshot rewrite');
  assert.equal(journal.map((l) => JSON.parse(l).seq), [1, 2, 3, 4, 5, 6]);
  const again = await f.open();
  assert.equal(again.list(notes).map((n) => [n.id, n.text, n.version]), [['n-1', 'ändrad', 2], ['n-3', 't', 1]], 'in the order first stored');
  assert.equal(again.list(tags), [], 'a deleted record stays deleted');
  assert.is(again.seq, 6);
  await f.done();
});

records('each collection has its own change counter, so a cache of one outlives changes to another', async () => {
  const f = await fixture();
  const r = await f.open();
  await r.transact((tx) => tx.put(notes, note('n-1')));
  const notesSeq = r.seqOf(notes);
  await r.transact((tx) => tx.put(tags, note('t-1')));
  assert.is(r.seqOf(notes), notesSeq, 'a change to tags leaves the notes counter alone');
  assert.ok(r.seqOf(tags) > notesSeq);
  const again = await f.open();
  assert.ok(again.seqOf(notes) >= notesSeq && again.seqOf(tags) >= r.seqOf(tags), 'never goes back across a restart');
  await f.done();
});

records('a torn last line is cut on open and reported; the next write is not glued to it; the file opens again', async () => {
  const f = await fixture();
  const r = await f.open();
  await r.transact((tx) => tx.put(notes, note('n-1')));
  await appendFile(f.paths[1], '{"seq":2,"ops":[{"c":"notes","put":{"id":"n-2"');
  const reopened = await f.open();
  assert.match(f.messages.join('\n'), /cut \d+ bytes of an interrupted write/);
  assert.equal(reopened.list(notes).map((n) => n.id), ['n-1']);
  await reopened.transact((tx) => tx.put(notes, note('n-3')));
  const third = await f.open();
  assert.equal(third.list(notes).map((n) => n.id), ['n-1', 'n-3']);
  await f.done();
});

records('a damaged line in the middle of the journal is an error that names the file, not silently skipped', async () => {
  const f = await fixture();
  await writeFile(f.paths[1], '{"seq":1,"ops":[]}\nnot json\n{"seq":3,"ops":[]}\n');
  await rejects(() => f.open(), /line 2 is not valid JSON/);
  await f.done();
});

records('a change that throws, or whose append fails, leaves nothing behind: no phantom, no listener call', async () => {
  const f = await fixture();
  const r = await f.open();
  const seen: string[] = [];
  r.onCommit((ops) => seen.push(...ops.map((o) => ('put' in o ? o.put.id : o.del))));
  await rejects(() =>
    r.transact((tx) => {
      tx.put(notes, note('n-1'));
      throw new Error('validation failed half way');
    }),
  );
  await mkdir(f.paths[1]); // the journal cannot be opened for appending
  await rejects(() => r.transact((tx) => tx.put(notes, note('n-2'))));
  assert.equal(r.list(notes), [], 'readers never saw the failed change');
  assert.is(r.seq, 0);
  assert.equal(seen, []);
  await rm(f.paths[1], { recursive: true });
  await r.transact((tx) => tx.put(notes, note('n-3')));
  assert.equal(seen, ['n-3']);
  assert.equal((await f.open()).list(notes).map((n) => n.id), ['n-3']);
  await f.done();
});

records('readers see a change only once it is on disk, never while its append is under way', async () => {
  const f = await fixture();
  const r = await f.open();
  let committed = false;
  const write = r.transact((tx) => tx.put(notes, note('n-1'))).then(() => (committed = true));
  const seenWhileWriting: number[] = [];
  while (!committed) {
    seenWhileWriting.push(r.list(notes).length);
    await new Promise((resolve) => setImmediate(resolve));
  }
  await write;
  assert.ok(seenWhileWriting.length > 1, 'the reader looked while the append was under way');
  assert.ok(seenWhileWriting.slice(0, -1).every((n) => n === 0), `seen: ${seenWhileWriting.join(',')}`);
  assert.is(r.list(notes).length, 1);
  await f.done();
});

records('an asynchronous change is refused: its checks would not hold after an await', async () => {
  const f = await fixture();
  const r = await f.open();
  await rejects(() => r.transact(async (tx) => tx.put(notes, note('n-1'))), /must be synchronous/);
  assert.equal(r.list(notes), []);
  await f.done();
});

records('a failed fold after a durable append still acknowledges the write, and nothing is duplicated later', async () => {
  const f = await fixture({ compactAfter: 2 });
  const r = await f.open();
  await r.transact((tx) => tx.put(notes, note('n-1')));
  // The snapshot cannot be replaced: a non-empty directory stands where it goes.
  await mkdir(f.paths[0]);
  await writeFile(join(f.paths[0], 'x'), '');
  await r.transact((tx) => tx.put(notes, note('n-2')));
  assert.match(f.messages.join('\n'), /folding .* failed/);
  assert.equal(r.list(notes).map((n) => n.id), ['n-1', 'n-2']);
  await rm(f.paths[0], { recursive: true });
  await r.transact((tx) => tx.put(notes, note('n-3')));
  assert.is((await readFile(f.paths[1], 'utf8')).length, 0, 'the next commit folded the journal');
  assert.equal((await f.open()).list(notes).map((n) => n.id), ['n-1', 'n-2', 'n-3']);
  await f.done();
});

records('journal lines already folded into the snapshot are skipped, so an old edit cannot overwrite a newer one', async () => {
  const f = await fixture();
  const r = await f.open();
  await r.transact((tx) => tx.put(notes, note('n-1', 'first', 1)));
  const journalBefore = await readFile(f.paths[1]);
  await r.transact((tx) => tx.put(notes, note('n-1', 'second', 2)));
  await r.compact();
  // As after a crash between writing the snapshot and emptying the journal, or a backup that copied
  // the journal before the snapshot: the journal still holds the first edit.
  await writeFile(f.paths[1], journalBefore);
  const again = await f.open();
  assert.equal(again.list(notes).map((n) => [n.text, n.version]), [['second', 2]]);
  assert.is(again.seq, 2);
  await f.done();
});

records('files written before collections existed are read into collections', async () => {
  const f = await fixture();
  await writeFile(f.paths[0], JSON.stringify({ annotations: [note('a-1')], reflections: { summary: { text: 'S', version: 1 } } }));
  await writeFile(f.paths[1], JSON.stringify({ put: [note('a-2')], refl: { q1: { text: 'Q', version: 1 } } }) + '\n');
  const r = await f.open();
  assert.equal(r.list(collection<Note>('annotations')).map((a) => a.id), ['a-1', 'a-2']);
  assert.equal(r.list(collection<Note>('reflections')).map((x) => [x.id, x.text]), [['summary', 'S'], ['q1', 'Q']]);
  await f.done();
});

records.run();
