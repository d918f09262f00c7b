import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { lastStartingAtOrBefore } from '../../server/domain/sorted-spans.ts';

const s = suite('lastStartingAtOrBefore');

s('finds the last span starting at or before an offset, -1 before the first', () => {
  const spans = [{ start: 0 }, { start: 10 }, { start: 25 }, { start: 25 }, { start: 40 }];
  assert.is(lastStartingAtOrBefore(spans, 0), 0);
  assert.is(lastStartingAtOrBefore(spans, 9), 0);
  assert.is(lastStartingAtOrBefore(spans, 10), 1);
  assert.is(lastStartingAtOrBefore(spans, 30), 3);
  assert.is(lastStartingAtOrBefore(spans, 1000), 4);
  assert.is(lastStartingAtOrBefore([{ start: 5 }], 4), -1);
  assert.is(lastStartingAtOrBefore([], 4), -1);
});

s.run();
