// buildMatrix on a hand-made three-level codebook: own counts per cell, folded (rollup) counts, rows
// in codebook order with their depth. Expected values are counted by hand in the comments.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { buildMatrix } from '../../server/domain/matrix.ts';
import type { Code, Coding } from '../../server/domain/types.ts';

const s = suite('Code matrix');

const code = (id: string, name: string, parentId: string | null = null): Code => ({
  id, name, parentId, version: 1, description: '', color: '#1f77b4',
  createdBy: 'u-a', createdAt: '2025-01-01T00:00:00.000Z', updatedBy: 'u-a', updatedAt: '2025-01-01T00:00:00.000Z',
});

// Risk (r)
//   Hemmet (h)
//     Våld (v)
//   Skolan (sk)
// Stöd (st)
// Given out of order on purpose.
const codes = [code('st', 'Stöd'), code('v', 'Våld', 'h'), code('sk', 'Skolan', 'r'), code('r', 'Risk'), code('h', 'Hemmet', 'r')];
const cols = [{ id: 'q1', label: 'Tidiga tecken' }, { id: 'q2', label: 'Öppningar' }, { id: 'q3', label: 'Insatser' }];

/** Each coding's column is given here by coding id. */
const column: Record<string, string | null> = {};
let n = 0;
const coding = (codeId: string, col: string | null): Coding => {
  const id = `k${++n}`;
  column[id] = col;
  return { id, codeId, target: { type: 'annotation', id: `a-${id}` }, familyId: 'fam-1', createdBy: 'u-a', createdAt: '2025-01-01T00:00:00.000Z', version: 1 };
};

const codings = [
  coding('v', 'q1'),
  coding('v', 'q1'),
  coding('v', 'q2'),
  coding('h', 'q1'),
  coding('sk', 'q3'),
  coding('r', 'q2'),
  coding('st', 'q3'),
  // Not counted: no column, a column not in the matrix, a code not in the codebook.
  coding('st', null),
  coding('sk', 'q9'),
  coding('borttagen', 'q1'),
];

const matrix = buildMatrix(codes, codings, cols, (k) => column[k.id] ?? null);

s('rows follow the codebook, depth first, with colour, parent and depth', () => {
  assert.equal(matrix.rows, [
    { id: 'r', label: 'Risk', color: '#1f77b4', parentId: null, depth: 0 },
    { id: 'h', label: 'Hemmet', color: '#1f77b4', parentId: 'r', depth: 1 },
    { id: 'v', label: 'Våld', color: '#1f77b4', parentId: 'h', depth: 2 },
    { id: 'sk', label: 'Skolan', color: '#1f77b4', parentId: 'r', depth: 1 },
    { id: 'st', label: 'Stöd', color: '#1f77b4', parentId: null, depth: 0 },
  ]);
  assert.equal(matrix.cols, cols);
});

s('cells count each code\'s own codings per column; no column, unknown column or unknown code is not counted', () => {
  assert.equal(matrix.cells, [
    [0, 1, 0], // Risk: k6
    [1, 0, 0], // Hemmet: k4
    [2, 1, 0], // Våld: k1, k2 | k3
    [0, 0, 1], // Skolan: k5 (k9 is in q9, not a column)
    [0, 0, 1], // Stöd: k7 (k8 has no column)
  ]);
  const total = matrix.cells.flat().reduce((a, b) => a + b, 0);
  assert.is(total, 7);
});

s('rollup adds every descendant\'s codings to its ancestors', () => {
  assert.equal(matrix.rollup, [
    [3, 2, 1], // Risk: own [0,1,0] + Hemmet's rollup [3,1,0] + Skolan [0,0,1]
    [3, 1, 0], // Hemmet: own [1,0,0] + Våld [2,1,0]
    [2, 1, 0], // Våld: a leaf, as its cells
    [0, 0, 1], // Skolan: a leaf
    [0, 0, 1], // Stöd: a leaf
  ]);
});

s('an empty codebook or no columns give an empty matrix; a code without codings is a row of zeros', () => {
  assert.equal(buildMatrix([], codings, cols, () => 'q1'), { rows: [], cols, cells: [], rollup: [] });
  const none = buildMatrix([code('x', 'Tom')], codings, [], () => 'q1');
  assert.equal(none.cells, [[]]);
  const zero = buildMatrix([code('x', 'Tom')], codings, cols, () => 'q1');
  assert.equal(zero.cells, [[0, 0, 0]]);
  assert.equal(zero.rollup, [[0, 0, 0]]);
});

s.run();
