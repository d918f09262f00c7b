// The codebook rules on hand-made trees: order, subtrees, parent and name checks, and the plans for
// deleting and merging codes. Every expected value is written out by hand.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import {
  assertParent, assertUniqueName, CODE_PALETTE, codebookOrder, nextColor, planDeletion, planMerge, segmentKey, subtreeOf,
} from '../../server/domain/codebook.ts';
import { ValidationError } from '../../server/domain/errors.ts';
import type { Code, Coding, CodingTarget } from '../../server/domain/types.ts';

const s = suite('Codebook rules');

const code = (id: string, name: string, parentId: string | null = null, version = 1): Code => ({
  id, name, parentId, version, description: '', color: '#1f77b4',
  createdBy: 'u-a', createdAt: '2025-01-01T00:00:00.000Z', updatedBy: 'u-a', updatedAt: '2025-01-01T00:00:00.000Z',
});

const annotation = (id: string): CodingTarget => ({ type: 'annotation', id });
const passage = (documentId: string, start: number, end: number): CodingTarget =>
  ({ type: 'passage', documentId, start, end, exact: 'x'.repeat(end - start), prefix: '', suffix: '' });
const reflection = (familyId: string, key: string): CodingTarget => ({ type: 'reflection', familyId, key, passage: null });

const coding = (id: string, codeId: string, target: CodingTarget, version = 1): Coding => ({
  id, codeId, target, familyId: 'fam-1', createdBy: 'u-a', createdAt: '2025-01-01T00:00:00.000Z', version,
});

const stamp = { updatedBy: 'u-b', updatedAt: '2025-06-01T12:00:00.000Z' };

/** The error a call throws: a ValidationError with `code`. */
function throwsValidation(fn: () => unknown, errorCode: string) {
  assert.throws(fn, (e: unknown) => e instanceof ValidationError && e.code === errorCode && e.status === 422);
}

// Tree used below:
//   Familjen (P)
//     Konflikt (C)
//       Våld (G)
//     Skolan (S)
//   Stöd (T)
const tree = [code('C', 'Konflikt', 'P'), code('T', 'Stöd'), code('G', 'Våld', 'C'), code('P', 'Familjen'), code('S', 'Skolan', 'P')];

s('codebookOrder: depth first, siblings in Swedish order (Å Ä Ö after Z), each with its depth', () => {
  const codes = [
    code('z', 'Zebra'), code('ae', 'Ärende'), code('aa', 'Åtgärd'), code('a', 'Apa'),
    code('a2', 'Öga', 'a'), code('a1', 'bära', 'a'), code('k10', 'Kod 10', 'a1'), code('k2', 'Kod 2', 'a1'),
  ];
  assert.equal(codebookOrder(codes).map(({ code: c, depth }) => [c.name, depth]), [
    ['Apa', 0],
    ['bära', 1],
    ['Kod 2', 2],
    ['Kod 10', 2],
    ['Öga', 1],
    ['Zebra', 0],
    ['Åtgärd', 0],
    ['Ärende', 0],
  ]);
});

s('codebookOrder: the mixed-up input tree comes out in order, and a code with a missing parent is top level', () => {
  assert.equal(codebookOrder(tree).map(({ code: c, depth }) => `${depth}:${c.id}`), ['0:P', '1:C', '2:G', '1:S', '0:T']);
  const stray = [code('x', 'Ensam', 'finns-inte'), code('b', 'Barn')];
  assert.equal(codebookOrder(stray).map(({ code: c, depth }) => `${depth}:${c.id}`), ['0:b', '0:x']);
  assert.equal(codebookOrder([]), []);
});

s('subtreeOf: the code itself and every code below it', () => {
  assert.equal([...subtreeOf(tree, 'P')].sort(), ['C', 'G', 'P', 'S']);
  assert.equal([...subtreeOf(tree, 'C')].sort(), ['C', 'G']);
  assert.equal([...subtreeOf(tree, 'G')], ['G']);
  assert.equal([...subtreeOf(tree, 'T')], ['T']);
});

s('assertParent: an existing parent outside the code\'s own subtree is fine; a cycle or an unknown parent is refused', () => {
  assertParent(tree, 'C', 'T');
  assertParent(tree, 'G', 'P');
  assertParent(tree, null, 'G');
  assertParent(tree, 'P', null);
  throwsValidation(() => assertParent(tree, 'P', 'G'), 'code_cycle');
  throwsValidation(() => assertParent(tree, 'P', 'C'), 'code_cycle');
  throwsValidation(() => assertParent(tree, 'C', 'C'), 'code_cycle');
  throwsValidation(() => assertParent(tree, null, 'finns-inte'), 'unknown_code');
  throwsValidation(() => assertParent(tree, 'C', 'finns-inte'), 'unknown_code');
});

s('assertUniqueName: siblings differ case-insensitively; the same name elsewhere, or the code itself, is fine', () => {
  throwsValidation(() => assertUniqueName(tree, null, 'P', 'konflikt'), 'duplicate_code');
  throwsValidation(() => assertUniqueName(tree, null, 'P', 'SKOLAN'), 'duplicate_code');
  throwsValidation(() => assertUniqueName(tree, null, null, 'stöd'), 'duplicate_code');
  throwsValidation(() => assertUniqueName(tree, 'S', 'P', 'Konflikt'), 'duplicate_code');
  // Accents that are not letters of their own in Swedish are aside too.
  throwsValidation(() => assertUniqueName([...tree, code('k', 'Café', 'T')], null, 'T', 'cafe'), 'duplicate_code');
  assertUniqueName(tree, null, 'C', 'Konflikt');
  assertUniqueName(tree, null, null, 'Konflikt');
  assertUniqueName(tree, 'C', 'P', 'KONFLIKT');
  // Ö is a letter of its own in Swedish, not an accented O.
  assertUniqueName(tree, null, null, 'Stod');
});

s('segmentKey: one key per segment; a reflection whole and a passage of it differ', () => {
  assert.is(segmentKey(annotation('a-1')), 'a:a-1');
  assert.is(segmentKey(passage('d-1', 10, 20)), 'p:d-1:10-20');
  assert.is(segmentKey(reflection('fam-1', 'summary')), 'r:fam-1:summary:*');
  const part: CodingTarget = { type: 'reflection', familyId: 'fam-1', key: 'summary', passage: { start: 3, end: 9, exact: 'x', prefix: '', suffix: '' } };
  assert.is(segmentKey(part), 'r:fam-1:summary:3-9');
});

s('planDeletion, move-to-parent: sub-codes move up, codings move to the parent, a duplicate segment is dropped', () => {
  const codings = [
    coding('k1', 'C', annotation('a-1')),
    coding('k2', 'P', annotation('a-1')),
    coding('k3', 'C', passage('d-1', 10, 20), 2),
    coding('k4', 'G', annotation('a-1')),
    coding('k5', 'C', reflection('fam-1', 'summary')),
    coding('k6', 'S', passage('d-1', 10, 20)),
  ];
  const plan = planDeletion(tree, codings, 'C', 'move-to-parent', stamp);
  assert.equal(plan.deleteCodes, ['C']);
  assert.equal(plan.putCodes, [{ ...code('G', 'Våld', 'P', 2), ...stamp }]);
  assert.equal(plan.putCodings, [
    { ...coding('k3', 'P', passage('d-1', 10, 20)), version: 3 },
    { ...coding('k5', 'P', reflection('fam-1', 'summary')), version: 2 },
  ]);
  // k1 codes a-1, which the parent P already codes (k2).
  assert.equal(plan.deleteCodings, ['k1']);
});

s('planDeletion, delete: sub-codes move up, the code\'s own codings are deleted, no other coding is touched', () => {
  const codings = [
    coding('k1', 'C', annotation('a-1')),
    coding('k2', 'P', annotation('a-1')),
    coding('k3', 'C', passage('d-1', 10, 20)),
    coding('k4', 'G', annotation('a-1')),
  ];
  const plan = planDeletion(tree, codings, 'C', 'delete', stamp);
  assert.equal(plan, {
    putCodes: [{ ...code('G', 'Våld', 'P', 2), ...stamp }],
    deleteCodes: ['C'],
    putCodings: [],
    deleteCodings: ['k1', 'k3'],
  });
  // A top-level code with 'delete': its children become top level.
  const top = planDeletion(tree, codings, 'P', 'delete', stamp);
  assert.equal(top.putCodes.map((c) => [c.id, c.parentId, c.version]), [['C', null, 2], ['S', null, 2]]);
  assert.equal(top.deleteCodings, ['k2']);
});

s('planDeletion: a top-level code has no parent to move codings to (no_parent)', () => {
  throwsValidation(() => planDeletion(tree, [coding('k1', 'T', annotation('a-1'))], 'T', 'move-to-parent', stamp), 'no_parent');
  throwsValidation(() => planDeletion(tree, [], 'P', 'move-to-parent', stamp), 'no_parent');
});

s('planMerge: codings move to the target (duplicates dropped), sub-codes are adopted, the merged code goes', () => {
  const codings = [
    coding('k1', 'C', annotation('a-1')),
    coding('k2', 'S', annotation('a-1')),
    coding('k3', 'C', passage('d-1', 10, 20)),
    coding('k4', 'G', passage('d-1', 10, 20)),
    coding('k5', 'T', reflection('fam-1', 'summary')),
  ];
  const plan = planMerge(tree, codings, 'C', 'S', stamp);
  assert.equal(plan, {
    putCodes: [{ ...code('G', 'Våld', 'S', 2), ...stamp }],
    deleteCodes: ['C'],
    putCodings: [{ ...coding('k3', 'S', passage('d-1', 10, 20)), version: 2 }],
    deleteCodings: ['k1'],
  });
  // Into a code in another branch: everything moves, nothing clashes.
  const across = planMerge(tree, codings, 'C', 'T', stamp);
  assert.equal(across.putCodings.map((k) => [k.id, k.codeId]), [['k1', 'T'], ['k3', 'T']]);
  assert.equal(across.deleteCodings, []);
  assert.equal(across.putCodes.map((c) => [c.id, c.parentId]), [['G', 'T']]);
});

s('planMerge: into itself, into its own descendant or into an unknown code is refused', () => {
  throwsValidation(() => planMerge(tree, [], 'P', 'G', stamp), 'code_cycle');
  throwsValidation(() => planMerge(tree, [], 'P', 'C', stamp), 'code_cycle');
  throwsValidation(() => planMerge(tree, [], 'C', 'C', stamp), 'code_cycle');
  throwsValidation(() => planMerge(tree, [], 'C', 'finns-inte', stamp), 'unknown_code');
  // The other way round is fine: a descendant merged into its ancestor.
  assert.equal(planMerge(tree, [], 'G', 'P', stamp).deleteCodes, ['G']);
});

s('planDeletion and planMerge: a sub-code whose name is taken where it would move is refused (duplicate_code)', () => {
  // Deleting Konflikt would move Våld up beside a Våld that is already there; merging into Stöd likewise.
  const clash = [...tree, code('V2', 'våld', 'P'), code('V3', 'Våld', 'T')];
  throwsValidation(() => planDeletion(clash, [], 'C', 'delete', stamp), 'duplicate_code');
  throwsValidation(() => planMerge(clash, [], 'C', 'T', stamp), 'duplicate_code');
});

s('nextColor: the least used palette colour, earliest first on a tie; colours outside the palette do not count', () => {
  assert.is(nextColor([]), CODE_PALETTE[0]);
  const withColor = (id: string, color: string) => ({ ...code(id, id), color });
  assert.is(nextColor([withColor('a', '#1f77b4')]), '#d62728');
  assert.is(nextColor([withColor('a', '#1f77b4'), withColor('b', '#d62728'), withColor('c', '#000000')]), '#2ca02c');
  const all = CODE_PALETTE.map((c, i) => withColor(`c${i}`, c));
  assert.is(nextColor([...all, withColor('x', '#1f77b4')]), '#d62728');
});

s.run();
