// "Sök i akten": the occurrences of a word or phrase in the case file, in reading order (by date across
// documents), ignoring case and line breaks, never running over from one entry into the next.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildChronology, type LoadedDocument } from '../../client/common/chronology.ts';
import { findInCaseFile } from '../../client/common/find-in-case-file.ts';
import type { DocumentView, Entry } from '../../server/domain/types.ts';

function loaded(id: string, text: string, entries: Entry[]): LoadedDocument {
  return { view: { id, title: id, text, entries } as unknown as DocumentView, date: entries[0]?.date ?? '2020-01-01' };
}
const entry = (text: string, heading: string, date: string, next?: string): Entry => {
  const start = text.indexOf(heading);
  return { start, end: next ? text.indexOf(next) : text.length, date, kind: 'journalanteckning', title: heading };
};

// Document a: 2012 and 2015; document b: 2013 — reading order a(2012), b(2013), a(2015).
const A = '2012-03-04 Hembesök\nSkolan ringde om Elsa.\n\n2015-01-02 Möte\nMötet med SKOLAN hölls.\nSkolan\n';
const B = '2013-05-06 Samtal\nMamma berättar om skolan och\nfritids.\n';
const docs = [
  loaded('a', A, [entry(A, '2012-03-04 Hembesök', '2012-03-04', '2015-01-02'), entry(A, '2015-01-02 Möte', '2015-01-02')]),
  loaded('b', B, [entry(B, '2013-05-06 Samtal', '2013-05-06')]),
];
const blocks = buildChronology(docs);
const texts = new Map(docs.map((d) => [d.view.id, d.view.text]));

const find = suite('findInCaseFile');

find('finds every occurrence in reading order, whatever the case', () => {
  const hits = findInCaseFile(blocks, texts, 'skolan');
  const shown = hits.map((h) => ({ block: h.block, text: (h.block.startsWith('a') ? A : B).slice(h.start, h.end) }));
  assert.equal(shown, [
    { block: blocks[0]!.key, text: 'Skolan' },
    { block: blocks[1]!.key, text: 'skolan' },
    { block: blocks[2]!.key, text: 'SKOLAN' },
    { block: blocks[2]!.key, text: 'Skolan' },
  ]);
  assert.equal(blocks.map((b) => b.documentId), ['a', 'b', 'a'], 'the blocks are in date order');
  assert.is(hits[0]!.start, A.indexOf('Skolan'), 'offsets into the document');
});

find('a phrase matches over a line break; å, ä and ö ignore case too', () => {
  const hits = findInCaseFile(blocks, texts, 'skolan   och fritids');
  assert.is(hits.length, 1);
  assert.is(B.slice(hits[0]!.start, hits[0]!.end), 'skolan och\nfritids');
  assert.is(findInCaseFile(blocks, texts, 'MÖTET').length, 1);
  assert.is(findInCaseFile(blocks, texts, 'hembesök').length, 1);
});

find('nothing for a query of fewer than two characters, or for characters that mean something in a pattern', () => {
  assert.equal(findInCaseFile(blocks, texts, ' s '), []);
  assert.equal(findInCaseFile(blocks, texts, '.*'), []);
  assert.is(findInCaseFile(blocks, texts, 'Elsa.').length, 1);
});

find('never a match that runs from one entry into the next; at most the limit and one more', () => {
  assert.equal(findInCaseFile(blocks, texts, 'Elsa. 2015'), []);
  assert.is(findInCaseFile(blocks, texts, 'skolan', 2).length, 3, 'one more than the limit says "more than"');
});

find.run();
