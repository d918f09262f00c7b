// The reader's pure logic (client/common): selections to text offsets, and a family's chronology.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { pointToOffset, rangeToOffsets, trimRange, type NodeLike } from '../../client/common/offsets.ts';
import { buildChronology, buildYears, placeAnnotations, segmentBlock, type LoadedDocument } from '../../client/common/chronology.ts';
import type { AnnotationView, Entry } from '../../server/domain/types.ts';

type FakeNode = NodeLike & { childNodes: FakeNode[]; parentNode: FakeNode | null; nextSibling: FakeNode | null };

function text(content: string): FakeNode {
  return { nodeType: 3, parentNode: null, childNodes: [], nextSibling: null, textContent: content };
}
function el(attrs: Record<string, string>, children: FakeNode[]): FakeNode {
  const node: FakeNode = { nodeType: 1, parentNode: null, childNodes: children, nextSibling: null, textContent: null, getAttribute: (n) => attrs[n] ?? null };
  children.forEach((c, i) => {
    c.parentNode = node;
    c.nextSibling = children[i + 1] ?? null;
  });
  return node;
}

/** A block for document text [100, 130): "Mamma ringer " + mark("och ber") + badge + " om hjälp." */
function block(key: string, start: number) {
  const t1 = text('Mamma ringer ');
  const t2 = text('och ber');
  const badge = text('1');
  const t3 = text(' om hjälp.');
  const section = el({ 'data-block': key, 'data-start': String(start), 'data-end': String(start + 30) }, [
    el({}, [text('14 mars 2009')]), // heading: decoration
    el({}, [
      el({ 'data-o': String(start) }, [t1]),
      el({}, [el({ 'data-o': String(start + 13) }, [t2]), el({ 'aria-hidden': 'true' }, [badge])]),
      el({ 'data-o': String(start + 20) }, [t3]),
    ]),
  ]);
  return { section, t1, t2, t3, badge };
}

const offsets = suite('Selections in the reader as text offsets');

offsets('a point in a text span is the span offset plus the characters before it', () => {
  const { t1, t2, t3 } = block('d:100', 100);
  assert.equal(pointToOffset(t1, 6), { block: 'd:100', start: 100, end: 130, pos: 106 });
  assert.is(pointToOffset(t2, 3)!.pos, 116);
  assert.is(pointToOffset(t3, 1)!.pos, 121);
});

offsets('decoration (a badge, a heading) counts as zero-width: it maps to where the next text starts', () => {
  const { badge, section } = block('d:100', 100);
  assert.is(pointToOffset(badge, 1)!.pos, 120);
  assert.is(pointToOffset(section.childNodes[0]!.childNodes[0]!, 5)!.pos, 100);
});

offsets('a range inside one block gives its offsets; over two blocks it is refused', () => {
  const a = block('d:100', 100);
  const b = block('d:130', 130);
  assert.equal(rangeToOffsets(a.t1, 6, a.t3, 3), { kind: 'ok', block: 'd:100', start: 106, end: 123 });
  assert.equal(rangeToOffsets(a.t1, 6, b.t1, 3), { kind: 'cross-block' });
  assert.equal(rangeToOffsets(a.t1, 4, a.t1, 4), { kind: 'none' });
  assert.equal(pointToOffset(text('utanför'), 2), null);
});

offsets('whitespace at the edges of a selection is trimmed away', () => {
  assert.equal(trimRange('  ord  ', 0, 7), { start: 2, end: 5 });
  assert.is(trimRange('   ', 0, 3), null);
});

offsets.run();

const entry = (start: number, end: number, date: string, title = 'Journalanteckning'): Entry => ({ start, end, date, kind: 'journalanteckning', title });
const doc = (id: string, text: string, entries: Entry[]): LoadedDocument => ({ view: { id, familyId: 'f', title: id, text, entries }, date: entries[0]?.date ?? '2020-01-01' });
const ann = (id: string, documentId: string, start: number, end: number, anchor: AnnotationView['anchor'] = 'anchored'): AnnotationView => ({
  id, documentId, familyId: 'f', questionId: 'q1', comment: '', knownAtTheTime: null, authorId: 'u', authorName: 'U', createdAt: '', updatedAt: '', version: 1, anchor,
  target: { start, end, exact: '', prefix: '', suffix: '' },
});

const chronology = suite('A family\'s chronology across documents');

chronology('blocks from all documents are merged in date order, each document split at its entries', () => {
  const a = doc('a', 'AKT\n2010-01-05 X\nett\n2012-03-01 Y\ntvå\n', [entry(4, 20, '2010-01-05'), entry(20, 36, '2012-03-01')]);
  const b = doc('b', '2011-06-01 Z\ntre\n', [entry(0, 17, '2011-06-01')]);
  const blocks = buildChronology([a, b]);
  assert.equal(blocks.map((x) => [x.documentId, x.date, x.preamble]), [
    ['a', '2010-01-05', true],
    ['a', '2010-01-05', false],
    ['b', '2011-06-01', false],
    ['a', '2012-03-01', false],
  ]);
  assert.equal(blocks.map((x) => [x.start, x.end]), [[0, 4], [4, 20], [0, 17], [20, a.view.text.length]], 'the last entry runs to the end of its text');
});

chronology('annotations land on the blocks they touch; an orphan is kept aside, never lost', () => {
  const a = doc('a', 'x'.repeat(60), [entry(0, 30, '2010-01-01'), entry(30, 60, '2011-01-01')]);
  const blocks = buildChronology([a]);
  const placed = placeAnnotations(blocks, [ann('n1', 'a', 25, 35), ann('n2', 'a', 40, 45), ann('n3', 'a', 1, 2, 'orphan')]);
  assert.equal(placed.owner.get('a:0')!.map((x) => x.id), ['n1']);
  assert.equal(placed.touching.get('a:30')!.map((x) => x.id), ['n1', 'n2']);
  assert.equal(placed.orphans.map((x) => x.id), ['n3']);
  const segments = segmentBlock(blocks[1]!, placed.touching.get('a:30')!);
  assert.equal(segments.map((s) => [s.start, s.end, s.covering.map((c) => c.id)]), [[30, 35, ['n1']], [35, 40, []], [40, 45, ['n2']], [45, 60, []]]);
});

chronology('the timeline has a row for every year the family is known, empty years included', () => {
  const a = doc('a', 'x'.repeat(60), [entry(0, 30, '2010-04-01'), entry(30, 60, '2013-01-01')]);
  const blocks = buildChronology([a]);
  const { owner } = placeAnnotations(blocks, [ann('n1', 'a', 35, 40)]);
  const years = buildYears(blocks, owner, '2009-11-01', null, new Date('2014-06-01'));
  assert.equal(years.map((y) => [y.year, y.entryCount, y.counts.get('q1') ?? 0]), [
    [2009, 0, 0], [2010, 1, 0], [2011, 0, 0], [2012, 0, 0], [2013, 1, 1], [2014, 0, 0],
  ]);
});

chronology.run();
