// The reader's keyboard selection (client/common/keyboard-selection.ts): stepping to the next or previous
// sentence or word, growing and shrinking a selection; and offsetToPoint, which turns the text offsets back
// into a DOM point in a rendered block (client/common/offsets.ts).
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { extend, selectedSpan, selectionOf, step, type KeySelection } from '../../client/common/keyboard-selection.ts';
import { offsetToPoint, pointToOffset, type NodeLike } from '../../client/common/offsets.ts';
import { sentences, words } from '../../client/common/text-segments.ts';

const text = 'Sara ringer. Hon har en dotter, Elsa. Hon låter trött. Rådgivning lämnas.';
const S = sentences(text);
const W = words(text);
const shown = (sel: KeySelection | null) => {
  const span = sel && selectedSpan(text, sel);
  return span ? text.slice(span.start, span.end) : null;
};

const k = suite('keyboard selection');

k('steps to the next and previous sentence or word, and stops at the ends', () => {
  assert.is(S.length, 4);
  const start = { start: 0, end: 0 };
  assert.equal(step(S, start, 1), S[0]);
  assert.is(step(S, start, -1), null, 'nothing before the first sentence');
  assert.equal(step(S, S[1]!, 1), S[2]);
  assert.equal(step(S, S[1]!, -1), S[0]);
  assert.is(step(S, S[3]!, 1), null);
  const elsa = W.find((w) => text.slice(w.start, w.end) === 'Elsa')!;
  assert.is(text.slice(step(W, elsa, 1)!.start, step(W, elsa, 1)!.end), 'Hon');
  assert.is(text.slice(step(W, elsa, -1)!.start, step(W, elsa, -1)!.end), 'dotter');
  // From a word in the middle of a sentence, the next sentence is the one after it.
  assert.equal(step(S, elsa, 1), S[2]);
});

k('grows by a sentence to either side and shrinks back, never to nothing', () => {
  const one = selectionOf(S[1]!);
  const two = extend(text, one, S, 1)!;
  assert.is(shown(two), 'Hon har en dotter, Elsa. Hon låter trött.');
  assert.is(shown(extend(text, two, S, -1)), 'Hon har en dotter, Elsa.', 'back to the first sentence');
  const before = extend(text, one, S, -1)!;
  assert.is(shown(before), 'Sara ringer. Hon har en dotter, Elsa.', 'Shift+Left on one sentence takes in the one before');
  assert.is(extend(text, before, S, -1), null, 'the block begins');
  const all = extend(text, extend(text, two, S, 1)!, S, 1);
  assert.is(all, null, 'the block ends');
});

k('grows and shrinks by a word from the moving end', () => {
  const one = selectionOf(S[1]!);
  assert.is(shown(extend(text, one, W, 1, true)), 'Hon har en dotter, Elsa. Hon');
  const shorter = extend(text, one, W, -1, true)!;
  assert.is(shown(shorter), 'Hon har en dotter,', 'the last word goes (the focus is at its start)');
  assert.is(shown(extend(text, shorter, W, -1, true)), 'Hon har en');
  // Shrunk down to the first word, one more step turns to the left of the anchor (the word's start).
  let sel: KeySelection | null = selectionOf(S[1]!);
  for (let i = 0; i < 4; i++) sel = extend(text, sel!, W, -1, true);
  assert.is(shown(sel), 'Hon');
  assert.is(shown(extend(text, sel!, W, -1, true)), 'ringer.');
});

k('continues a mouse selection', () => {
  const from = text.indexOf('dotter');
  const mouse = selectionOf({ start: from, end: from + 'dotter'.length });
  assert.is(shown(extend(text, mouse, S, 1)), 'dotter, Elsa.', 'to the end of its sentence');
  assert.is(shown(extend(text, mouse, S, -1)), 'Hon har en dotter', 'to the start of its sentence');
});

k.run();

// A block like the reader renders it: heading (decoration), text spans with their start offset, a mark with
// a badge, and the hidden tail. Block text [100, 130): "Mamma ringer " + "och ber" + " om hjälp." + "\n\n".
type FakeNode = NodeLike & { childNodes: FakeNode[]; parentNode: FakeNode | null; nextSibling: FakeNode | null };
const tx = (content: string): FakeNode => ({ nodeType: 3, parentNode: null, childNodes: [], nextSibling: null, textContent: content });
function el(attrs: Record<string, string>, children: FakeNode[]): FakeNode {
  const node: FakeNode = { nodeType: 1, parentNode: null, childNodes: children, nextSibling: null, textContent: null, getAttribute: (n) => attrs[n] ?? null };
  children.forEach((c, i) => {
    c.parentNode = node;
    c.nextSibling = children[i + 1] ?? null;
  });
  return node;
}
const t1 = tx('Mamma ringer ');
const t2 = tx('och ber');
const t3 = tx(' om hjälp.');
const section = el({ 'data-block': 'd:100', 'data-start': '100', 'data-end': '132' }, [
  el({}, [tx('14 mars 2009')]),
  el({}, [
    el({ 'data-o': '100' }, [{ nodeType: 8, parentNode: null, childNodes: [], nextSibling: null, textContent: 'lit' } as FakeNode, t1]),
    el({}, [el({ 'data-o': '113' }, [t2])]),
    el({}, [tx('1')]),
    el({ 'data-o': '120' }, [t3]),
    el({ 'data-o': '130' }, [tx('\n\n')]),
  ]),
]);

const p = suite('offsetToPoint');

p('finds the text node and offset of a position, and is the inverse of pointToOffset', () => {
  assert.equal(offsetToPoint(section, 100), { node: t1, offset: 0 });
  assert.equal(offsetToPoint(section, 106), { node: t1, offset: 6 });
  assert.equal(offsetToPoint(section, 115), { node: t2, offset: 2 });
  assert.equal(offsetToPoint(section, 129, 'end'), { node: t3, offset: 9 });
  for (const pos of [100, 106, 113, 119, 120, 125, 130]) {
    for (const bias of ['start', 'end'] as const) {
      const point = offsetToPoint(section, pos, bias)!;
      assert.is(pointToOffset(point.node, point.offset)!.pos, pos, `${pos} (${bias})`);
    }
  }
});

p('at the border of two spans the bias picks a side', () => {
  assert.equal(offsetToPoint(section, 113, 'start'), { node: t2, offset: 0 });
  assert.equal(offsetToPoint(section, 113, 'end'), { node: t1, offset: 13 });
  assert.equal(offsetToPoint(section, 100, 'end'), { node: t1, offset: 0 }, 'the very start still resolves');
  assert.is(offsetToPoint(section, 90), null);
});

p.run();
