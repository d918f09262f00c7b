// Code × question and code × family matrices: how often each code was applied, per column. Pure; the
// route says which column a coding falls in. Rows follow the codebook, so the client can fold them.
import { codebookOrder } from './codebook.ts';
import type { Code, CodeMatrix, Coding } from './types.ts';

export interface MatrixColumn {
  id: string;
  label: string;
}

/**
 * Counts codings per code and column. `columnOf` names a coding's column id (null: in none of them).
 * `rollup` adds every descendant's counts to its ancestors: what a folded row shows.
 */
export function buildMatrix(
  codes: readonly Code[], codings: readonly Coding[], cols: readonly MatrixColumn[], columnOf: (coding: Coding) => string | null,
): Omit<CodeMatrix, 'segments'> {
  const ordered = codebookOrder(codes);
  const rowIndex = new Map(ordered.map((r, i) => [r.code.id, i]));
  const colIndex = new Map(cols.map((c, i) => [c.id, i]));
  const cells = ordered.map(() => new Array<number>(cols.length).fill(0));
  for (const coding of codings) {
    const r = rowIndex.get(coding.codeId);
    const col = columnOf(coding);
    const c = col === null ? undefined : colIndex.get(col);
    if (r !== undefined && c !== undefined) cells[r]![c]!++;
  }
  // Depth-first order: every descendant comes after its ancestor, so one backward pass sums subtrees.
  const rollup = cells.map((row) => [...row]);
  for (let i = ordered.length - 1; i >= 0; i--) {
    const parent = ordered[i]!.code.parentId;
    const p = parent === null ? undefined : rowIndex.get(parent);
    if (p === undefined) continue;
    for (let c = 0; c < cols.length; c++) rollup[p]![c]! += rollup[i]![c]!;
  }
  return {
    rows: ordered.map(({ code, depth }) => ({ id: code.id, label: code.name, color: code.color, parentId: code.parentId, depth })),
    cols: cols.map((c) => ({ id: c.id, label: c.label })),
    cells,
    rollup,
  };
}
