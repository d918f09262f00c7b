// settledBlocks: while documents are loaded only up to their head, the reader shows only the blocks whose
// place in the chronology cannot change when the rest arrives.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildChronology, settledBlocks, type LoadedDocument } from '../../client/common/chronology.ts';
import type { Entry } from '../../server/domain/types.ts';

const settled = suite('settledBlocks');

/** A document whose text is one line per date (each entry 11 characters: "YYYY-MM-DD\n"). */
function doc(id: string, dates: string[]): LoadedDocument {
  const entries: Entry[] = dates.map((date, i) => ({ start: i * 11, end: i * 11 + 10, date, kind: 'utredning', title: date }));
  return { view: { id, familyId: 'f', title: id, text: dates.map((d) => `${d}\n`).join(''), entries }, date: dates[0]! };
}

settled('nothing partial: every block', () => {
  const blocks = buildChronology([doc('a', ['2010-01-01', '2012-01-01']), doc('b', ['2011-01-01'])]);
  assert.is(settledBlocks(blocks, new Set()), blocks);
});

settled('a partial document holds back what is dated from its last loaded entry on, of every document', () => {
  // Head of a: 2010 and 2013 (later entries unknown); b is whole: 2011, 2013, 2015.
  const blocks = buildChronology([doc('a', ['2010-01-01', '2013-01-01']), doc('b', ['2011-01-01', '2013-01-01', '2015-01-01'])]);
  const shown = settledBlocks(blocks, new Set(['a']));
  assert.equal(shown.map((b) => `${b.documentId} ${b.date}`), ['a 2010-01-01', 'b 2011-01-01']);
});

settled('two partial documents: the earlier of their last loaded dates counts', () => {
  const blocks = buildChronology([doc('a', ['2010-01-01', '2014-01-01']), doc('b', ['2009-01-01', '2011-06-01'])]);
  const shown = settledBlocks(blocks, new Set(['a', 'b']));
  assert.equal(shown.map((b) => `${b.documentId} ${b.date}`), ['b 2009-01-01', 'a 2010-01-01']);
});

settled('all blocks when holding back would leave none', () => {
  const blocks = buildChronology([doc('a', ['2010-01-01', '2010-01-01'])]);
  assert.is(settledBlocks(blocks, new Set(['a'])).length, 2);
});

settled.run();
