// The codebook as a tree, and what editing it does to the codings: pure rules, no storage.
// Routes turn the plans returned here into one durable transaction, so a merge or a deletion
// moves every coding it touches or none.
import { ValidationError } from './errors.ts';
import type { Code, Coding, CodingTarget } from './types.ts';

/** Colours given to new codes in turn when none is chosen; each has a name in the UI, never colour alone. */
export const CODE_PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf', '#ff7f0e'];

const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

/** Codes by parent id (null: the top level), each list in the order given. The client shares it. */
export function childrenByParent<C extends Pick<Code, 'id' | 'parentId'>>(codes: readonly C[]): Map<string | null, C[]> {
  const children = new Map<string | null, C[]>();
  const ids = new Set(codes.map((c) => c.id));
  for (const code of codes) {
    // A parent that is gone (never expected) reads as top level rather than hiding the code.
    const parent = code.parentId && ids.has(code.parentId) ? code.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(code);
    children.set(parent, list);
  }
  return children;
}

/** Codes depth-first in codebook order (siblings by name, Swedish collation), each with its depth. */
export function codebookOrder(codes: readonly Code[]): { code: Code; depth: number }[] {
  const children = childrenByParent(codes);
  const out: { code: Code; depth: number }[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const code of (children.get(parent) ?? []).sort((a, b) => collator.compare(a.name, b.name))) {
      out.push({ code, depth });
      visit(code.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** The ids of `id` and every code below it. */
export function subtreeOf(codes: readonly Code[], id: string): Set<string> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of codes) {
      if (c.parentId && found.has(c.parentId) && !found.has(c.id)) {
        found.add(c.id);
        grew = true;
      }
    }
  }
  return found;
}

/** A parent must exist and must not be the code itself or one of its descendants. */
export function assertParent(codes: readonly Code[], codeId: string | null, parentId: string | null): void {
  if (parentId === null) return;
  if (!codes.some((c) => c.id === parentId)) throw new ValidationError('Överordnad kod finns inte.', 'unknown_code');
  if (codeId && subtreeOf(codes, codeId).has(parentId)) {
    throw new ValidationError('En kod kan inte placeras under sig själv eller sina underkoder.', 'code_cycle');
  }
}

/** Sibling codes must have different names (case and accents aside), or the codebook cannot be read. */
export function assertUniqueName(codes: readonly Code[], codeId: string | null, parentId: string | null, name: string): void {
  const clash = codes.some((c) => c.id !== codeId && c.parentId === parentId && collator.compare(c.name, name) === 0);
  if (clash) throw new ValidationError('Det finns redan en kod med det namnet på samma nivå.', 'duplicate_code');
}

/** One key per coded segment, so the same code is never applied twice to the same thing. */
export function segmentKey(target: CodingTarget): string {
  switch (target.type) {
    case 'annotation':
      return `a:${target.id}`;
    case 'reflection':
      return `r:${target.familyId}:${target.key}:${target.passage ? `${target.passage.start}-${target.passage.end}` : '*'}`;
    case 'passage':
      return `p:${target.documentId}:${target.start}-${target.end}`;
  }
}

/** What a codebook edit does: codes and codings to store again, and ids to delete. */
export interface CodebookPlan {
  putCodes: Code[];
  deleteCodes: string[];
  putCodings: Coding[];
  deleteCodings: string[];
}

/**
 * Moves the codings of `from` to `to`; where `to` already codes the same segment, the moved one is
 * dropped instead (a segment carries each code once).
 */
function moveCodings(codings: readonly Coding[], from: string, to: string, plan: CodebookPlan): void {
  const taken = new Set(codings.filter((c) => c.codeId === to).map((c) => segmentKey(c.target)));
  for (const coding of codings) {
    if (coding.codeId !== from) continue;
    const key = segmentKey(coding.target);
    if (taken.has(key)) plan.deleteCodings.push(coding.id);
    else {
      taken.add(key);
      plan.putCodings.push({ ...coding, codeId: to, version: coding.version + 1 });
    }
  }
}

/**
 * Moves the direct children of `from` under `to` (or to the top level). A child whose name is taken
 * there already is refused: two siblings of one name could not be told apart.
 */
function adoptChildren(codes: readonly Code[], from: string, to: string | null, stamp: Pick<Code, 'updatedBy' | 'updatedAt'>, plan: CodebookPlan): void {
  const there = codes.filter((c) => c.parentId === to && c.id !== from);
  for (const child of codes) {
    if (child.parentId !== from) continue;
    if (there.some((c) => collator.compare(c.name, child.name) === 0)) {
      throw new ValidationError(
        'En underkod har samma namn som en kod på den nivå den skulle flyttas till. Byt namn på den eller slå ihop dem först.',
        'duplicate_code',
      );
    }
    plan.putCodes.push({ ...child, parentId: to, ...stamp, version: child.version + 1 });
  }
}

export type CodingsOnDelete = 'move-to-parent' | 'delete';

/**
 * Deleting a code: its sub-codes move up to its parent; its codings move to the parent or are
 * deleted, as the user chose. A top-level code has no parent to move codings to.
 */
export function planDeletion(
  codes: readonly Code[], codings: readonly Coding[], id: string, onCodings: CodingsOnDelete, stamp: Pick<Code, 'updatedBy' | 'updatedAt'>,
): CodebookPlan {
  const code = codes.find((c) => c.id === id)!;
  const plan: CodebookPlan = { putCodes: [], deleteCodes: [id], putCodings: [], deleteCodings: [] };
  adoptChildren(codes, id, code.parentId, stamp, plan);
  if (onCodings === 'move-to-parent') {
    if (!code.parentId) {
      throw new ValidationError('Koden har ingen överordnad kod att flytta kodningarna till. Välj att ta bort dem i stället.', 'no_parent');
    }
    moveCodings(codings, id, code.parentId, plan);
  } else {
    for (const c of codings) if (c.codeId === id) plan.deleteCodings.push(c.id);
  }
  return plan;
}

/** Merging `id` into `into`: its codings and sub-codes go to `into`, then it is deleted. */
export function planMerge(
  codes: readonly Code[], codings: readonly Coding[], id: string, into: string, stamp: Pick<Code, 'updatedBy' | 'updatedAt'>,
): CodebookPlan {
  if (!codes.some((c) => c.id === into)) throw new ValidationError('Koden att slå ihop med finns inte.', 'unknown_code');
  if (subtreeOf(codes, id).has(into)) {
    throw new ValidationError('En kod kan inte slås ihop med sig själv eller någon av sina underkoder.', 'code_cycle');
  }
  const plan: CodebookPlan = { putCodes: [], deleteCodes: [id], putCodings: [], deleteCodings: [] };
  adoptChildren(codes, id, into, stamp, plan);
  moveCodings(codings, id, into, plan);
  return plan;
}

/** The next palette colour: the one least used so far. */
export function nextColor(codes: readonly Code[]): string {
  const used = new Map(CODE_PALETTE.map((c) => [c, 0]));
  for (const code of codes) if (used.has(code.color)) used.set(code.color, used.get(code.color)! + 1);
  return [...used].sort((a, b) => a[1] - b[1])[0]![0];
}
