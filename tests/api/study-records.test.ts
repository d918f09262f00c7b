// Study-level record collections (codes, memos, references …) live in records.json + records.log
// beside study.json: a new resource is a new collection there, with the same durability as a family's.
import * as assert from 'uvu/assert';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { collection, type StoredRecord } from '../../server/store/record-file.ts';
import { appSuite } from '../setup/app.ts';

interface Code extends StoredRecord {
  name: string;
}
const codes = collection<Code>('codes');

const records = appSuite('Study-level record collections');

records('are journalled beside study.json and read back after a restart, deletes included', async ({ t }) => {
  const repo = t.store.study('mini')!;
  await repo.records.transact((tx) => {
    tx.put(codes, { id: 'c-1', version: 1, name: 'Tidig oro' });
    tx.put(codes, { id: 'c-2', version: 1, name: 'Samverkan' });
  });
  await repo.records.transact((tx) => tx.delete(codes, 'c-1'));
  const journal = await readFile(join(t.dataDir, 'studies', 'mini', 'records.log'), 'utf8');
  assert.is(journal.trim().split('\n').length, 2);
  const again = (await t.restart()).store.study('mini')!;
  assert.equal(again.records.list(codes).map((c) => c.name), ['Samverkan']);
});

records.run();
