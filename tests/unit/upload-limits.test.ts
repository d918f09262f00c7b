// How many uploaded files are parsed at once: one per core, as many as the memory budget for parsing holds.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parallelParses } from '../../server/import/upload-limits.ts';

const limits = suite('Parses at once');

limits('one per core, as far as the memory budget for parsing goes (about 1.2 GB a large file), never none', () => {
  assert.is(parallelParses(2, 3072), 2, 'this machine, the default budget');
  assert.is(parallelParses(8, 3072), 2, 'more cores, the same budget: still two');
  assert.is(parallelParses(8, 12_000), 8, 'a larger budget: one per core');
  assert.is(parallelParses(16, 12_000), 10, 'the budget caps it');
  assert.is(parallelParses(1, 3072), 1);
  assert.is(parallelParses(4, 500), 1, 'a budget below one parse still parses, one at a time');
});

limits.run();
