// Document files: a text and its chronology written together, read back together or — for the
// chronology alone — without touching the text.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entry } from '../../server/domain/types.ts';
import { DocumentFiles } from '../../server/store/document-files.ts';

const test = suite('document files');

const entries: Entry[] = [{ start: 0, end: 20, date: '2021-01-15', kind: 'utredning', title: 'Förhandsbedömning' }];

test('read gives back text and chronology; entries reads only the chronology file', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'backspegel-docs-'));
  try {
    await new DocumentFiles(dir).write('d-1', '2021-01-15 Förhandsb.', entries);
    assert.equal(await new DocumentFiles(dir).read('d-1'), { text: '2021-01-15 Förhandsb.', entries });
    // A fresh instance with the text gone: the chronology still comes, so the text was never read for it.
    await rm(join(dir, 'd-1.txt'));
    const fresh = new DocumentFiles(dir);
    assert.equal(await fresh.entries('d-1'), entries);
    try {
      await fresh.read('d-1');
      assert.unreachable('the text is gone');
    } catch (e) {
      assert.is((e as NodeJS.ErrnoException).code, 'ENOENT');
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('two reads at once share one read of the files; a failed read is tried again next time', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'backspegel-docs-'));
  try {
    await new DocumentFiles(dir).write('d-1', '2021-01-15 Förhandsb.', entries);
    const files = new DocumentFiles(dir);
    const [head, whole] = await Promise.all([files.read('d-1'), files.read('d-1')]);
    assert.is(head, whole, 'one read answered both');

    const missing = new DocumentFiles(dir);
    await rm(join(dir, 'd-1.txt'));
    const both = await Promise.allSettled([missing.read('d-1'), missing.read('d-1')]);
    assert.equal(both.map((r) => r.status), ['rejected', 'rejected']);
    await rm(join(dir, 'd-1.entries.json'));
    await new DocumentFiles(dir).write('d-1', '2021-01-15 Förhandsb.', entries);
    assert.equal(await missing.read('d-1'), { text: '2021-01-15 Förhandsb.', entries }, 'not stuck on the failed read');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
