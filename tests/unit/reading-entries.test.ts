// entryIndexes: which entry of its document each block of the chronology is (the reader's reading reports).
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Block } from '../../client/common/chronology.ts';
import { entryIndexes } from '../../client/views/family/reading-controller.ts';

const block = (documentId: string, start: number, date: string, preamble = false) =>
  ({ key: `${documentId}:${start}`, documentId, start, date, preamble }) as Block;

test('entries count per document in text order; preambles have none', () => {
  // Two documents interleaved by date: d1 has a preamble and three entries, d2 two entries.
  const blocks = [
    block('d1', 0, '2010-01-01', true),
    block('d1', 50, '2010-01-01'),
    block('d2', 0, '2010-06-01'),
    block('d1', 120, '2011-01-01'),
    block('d2', 80, '2012-01-01'),
    block('d1', 300, '2013-01-01'),
  ];
  assert.equal(entryIndexes(blocks), [-1, 0, 0, 1, 1, 2]);
  assert.equal(entryIndexes([]), []);
});

test.run();
