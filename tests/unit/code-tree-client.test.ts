// The codebook tree's rules on the client (client/components/research/code-tree.ts): where a code may
// go, and what Alt+→ (under the sibling above) and Alt+← (one level up) do.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { childrenByParent, indentParent, indentedName, outdentParent, placesFor, subtreeOf } from '../../client/components/research/code-tree.ts';
import type { CodeListItem } from '../../client/data/research.ts';

const tree = suite('codebook tree rules (client)');

function code(id: string, parentId: string | null, depth: number): CodeListItem {
  return {
    id, name: id.toUpperCase(), description: '', color: '#1f77b4', parentId, depth, codingCount: 0,
    createdBy: 'u', createdAt: '', updatedBy: 'u', updatedAt: '', version: 1,
  };
}

// Codebook order: a, a1, a1x, a2, b
const codes = [code('a', null, 0), code('a1', 'a', 1), code('a1x', 'a1', 2), code('a2', 'a', 1), code('b', null, 0)];

tree('children keep the codebook order', () => {
  const map = childrenByParent(codes);
  assert.equal(map.get(null)?.map((c) => c.id), ['a', 'b']);
  assert.equal(map.get('a')?.map((c) => c.id), ['a1', 'a2']);
});

tree('a code cannot go under itself or its descendants', () => {
  assert.equal([...subtreeOf(codes, 'a')].sort(), ['a', 'a1', 'a1x', 'a2']);
  assert.equal(placesFor(codes, 'a1').map((c) => c.id), ['a', 'a2', 'b']);
});

tree('Alt+→ places a code under the sibling above; the first sibling stays', () => {
  assert.is(indentParent(codes, 'a2')?.id, 'a1');
  assert.is(indentParent(codes, 'b')?.id, 'a');
  assert.is(indentParent(codes, 'a1'), undefined);
  assert.is(indentParent(codes, 'a'), undefined);
});

tree('Alt+← moves a code up one level; a top-level code stays', () => {
  assert.is(outdentParent(codes, 'a1x'), 'a');
  assert.is(outdentParent(codes, 'a1'), null);
  assert.is(outdentParent(codes, 'b'), undefined);
});

tree('select labels show the depth', () => {
  assert.is(indentedName(codes[2]!), '– – A1X');
});

tree.run();
