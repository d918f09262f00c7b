// How codings show on the family page (client/common/coding-marks.ts): grouped by segment in codebook
// order, removable by their coder and the lead, passages placed in the block they start in (re-anchored
// place, orphans left out), unchanged blocks kept as the same objects, and reflections split whole/passages.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { appliedCodes, codeStyles, inputKey, placeCodings, reflectionCodings, segmentsOf } from '../../client/common/coding-marks.ts';
import type { Block } from '../../client/common/chronology.ts';
import { segmentKey } from '../../server/domain/codebook.ts';
import type { AnnotationView, CodingTarget, CodingView } from '../../server/domain/types.ts';

const test = suite('coding marks');

const CODES = [
  { id: 'c-a', name: 'Anknytning', color: '#111111' },
  { id: 'c-b', name: 'Bostad', color: '#222222' },
  { id: 'c-c', name: 'Ce', color: '#333333' },
  { id: 'c-d', name: 'De', color: '#444444' },
  { id: 'c-e', name: 'E', color: '#555555' },
];

let n = 0;
function coding(codeId: string, target: CodingTarget, segment: Partial<CodingView['segment']> = {}, createdBy = 'u-1'): CodingView {
  n++;
  return {
    id: `k-${n}`, codeId, target, familyId: 'fam-1', createdBy, createdAt: `2024-01-01T00:00:${String(n).padStart(2, '0')}Z`, version: 1,
    codeName: CODES.find((c) => c.id === codeId)?.name ?? 'Borttagen', createdByName: createdBy,
    segment: {
      familyId: 'fam-1', familyPseudonym: 'Familj 1', documentId: null, documentTitle: null, start: null, date: null,
      questionId: null, text: '', comment: null, annotationId: null, reflectionKey: null, orphan: false, ...segment,
    },
  };
}

const passage = (start: number, exact: string): CodingTarget => ({ type: 'passage', documentId: 'd-1', start, end: start + exact.length, exact, prefix: '', suffix: '' });

function block(start: number, end: number): Block {
  return { key: `d-1:${start}`, documentId: 'd-1', documentTitle: 'Akt', start, end, date: '2010-01-01', year: 2010, kind: null, title: '', preamble: false };
}

test('groups codings by segment, in codebook order, with patterns that differ between neighbours', () => {
  const styles = codeStyles(CODES);
  assert.equal([...styles.values()].map((s) => s.pattern), [0, 1, 2, 3, 0]);
  const list = [
    coding('c-b', passage(10, 'hungrig'), { start: 10, text: 'hungrig' }),
    coding('c-a', passage(10, 'hungrig'), { start: 10, text: 'hungrig' }, 'u-2'),
    coding('c-a', { type: 'annotation', id: 'a-1' }),
  ];
  const segs = segmentsOf(list, styles, { id: 'u-1', lead: false });
  assert.equal([...segs.keys()], ['p:d-1:10-17', 'a:a-1']);
  const marks = segs.get('p:d-1:10-17')!.marks;
  assert.equal(marks.map((m) => [m.name, m.color, m.pattern, m.removable]), [['Anknytning', '#111111', 0, false], ['Bostad', '#222222', 1, true]]);
  assert.ok(segmentsOf(list, styles, { id: 'u-9', lead: true }).get('p:d-1:10-17')!.marks.every((m) => m.removable), 'the lead removes any');
  const closed = segmentsOf(list, styles, { id: 'u-1', lead: true, readonly: true });
  assert.ok([...closed.values()].every((seg) => seg.marks.every((m) => !m.removable)), 'nothing is removable in a closed study');
  assert.equal([...appliedCodes(segs, 'p:d-1:10-17')].sort(), ['c-a', 'c-b']);
  assert.equal([...appliedCodes(segs, 'p:d-1:99-100')], []);
});

test('the client\'s keys for a new target are the server\'s segment keys', () => {
  const targets: [Parameters<typeof inputKey>[0], CodingTarget][] = [
    [{ type: 'annotation', id: 'a-1' }, { type: 'annotation', id: 'a-1' }],
    [{ type: 'passage', documentId: 'd-1', start: 3, end: 9, exact: 'xxxxxx' }, passage(3, 'xxxxxx')],
    [{ type: 'reflection', familyId: 'fam-1', key: 'summary' }, { type: 'reflection', familyId: 'fam-1', key: 'summary', passage: null }],
    [{ type: 'reflection', familyId: 'fam-1', key: 'q', start: 2, end: 5, exact: 'abc' },
      { type: 'reflection', familyId: 'fam-1', key: 'q', passage: { start: 2, end: 5, exact: 'abc', prefix: '', suffix: '' } }],
  ];
  for (const [input, stored] of targets) assert.is(inputKey(input), segmentKey(stored));
});

test('places passages in the block they now start in, leaves orphans out, and codes again where the text is', () => {
  const blocks = [block(0, 50), block(50, 120), block(120, 200)];
  const moved = coding('c-a', passage(60, 'stöd'), { start: 130, text: 'stöd' }); // re-anchored to block 3
  const lost = coding('c-b', passage(70, 'borta'), { start: 70, text: 'borta', orphan: true });
  const here = coding('c-c', passage(55, 'mamma'), { start: 55, text: 'mamma' });
  const segs = segmentsOf([moved, lost, here], codeStyles(CODES), { id: 'u-1', lead: false });
  const placed = placeCodings(blocks, new Map(), segs);
  assert.equal([...placed.keys()].sort(), ['d-1:120', 'd-1:50']);
  assert.equal(placed.get('d-1:120')!.passages[0]!.target, { type: 'passage', documentId: 'd-1', start: 130, end: 134, exact: 'stöd' });
  assert.is(placed.get('d-1:50')!.passages.length, 1, 'the orphan is not placed');
});

test('keeps a block\'s object when its codings are unchanged, and gives annotation cards their codes', () => {
  const blocks = [block(0, 50), block(50, 120)];
  const annotation = { id: 'a-1' } as AnnotationView;
  const owner = new Map([['d-1:0', [annotation]]]);
  const first = [coding('c-a', { type: 'annotation', id: 'a-1' }), coding('c-b', passage(60, 'stöd'), { start: 60, text: 'stöd' })];
  const styles = codeStyles(CODES);
  const user = { id: 'u-1', lead: false };
  const before = placeCodings(blocks, owner, segmentsOf(first, styles, user));
  assert.equal(before.get('d-1:0')!.annotations.get('a-1')!.map((m) => m.name), ['Anknytning']);
  const more = [...first, coding('c-c', passage(60, 'stöd'), { start: 60, text: 'stöd' })];
  const after = placeCodings(blocks, owner, segmentsOf(more, styles, user), before);
  assert.is(after.get('d-1:0'), before.get('d-1:0'), 'the unchanged block is the same object');
  assert.is.not(after.get('d-1:50'), before.get('d-1:50'));
  assert.equal(after.get('d-1:50')!.passages[0]!.marks.map((m) => m.name), ['Bostad', 'Ce']);
});

test('splits a reflection\'s codings into whole and passages in text order', () => {
  const whole = coding('c-a', { type: 'reflection', familyId: 'fam-1', key: 'q', passage: null }, { text: 'Hela texten' });
  const late = coding('c-b', { type: 'reflection', familyId: 'fam-1', key: 'q', passage: { start: 20, end: 24, exact: 'sent', prefix: '', suffix: '' } }, { start: 20, text: 'sent' });
  const early = coding('c-c', { type: 'reflection', familyId: 'fam-1', key: 'q', passage: { start: 2, end: 6, exact: 'tidigt', prefix: '', suffix: '' } }, { start: 2, text: 'tidigt' });
  const other = coding('c-d', { type: 'reflection', familyId: 'fam-1', key: 'summary', passage: null }, { text: 'x' });
  const r = reflectionCodings(segmentsOf([whole, late, early, other], codeStyles(CODES), { id: 'u-1', lead: false }), 'fam-1', 'q');
  assert.equal(r.whole?.marks.map((m) => m.name), ['Anknytning']);
  assert.is(r.whole?.exact, '');
  assert.equal(r.passages.map((p) => p.exact), ['tidigt', 'sent']);
  assert.equal(r.passages[0]!.target, { type: 'reflection', familyId: 'fam-1', key: 'q', start: 2, end: 8, exact: 'tidigt' });
});

test.run();
