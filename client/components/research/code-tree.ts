// Pure rules of the codebook tree on the client: children, subtrees, where a code may move, and what
// Alt+→ (under the code above) and Alt+← (one level up) mean. The server checks the same rules again;
// children and subtrees are its own functions. The server lists the codes in codebook order, so
// childrenByParent's lists are in that order too.
import { childrenByParent, subtreeOf } from '../../../server/domain/codebook.ts';
import type { CodeListItem } from '../../data/research.ts';

export { childrenByParent, subtreeOf };

/** The codes `id` may be placed under or merged into: all but itself and its descendants (codebook order). */
export function placesFor(codes: readonly CodeListItem[], id: string): CodeListItem[] {
  const own = subtreeOf(codes, id);
  return codes.filter((c) => !own.has(c.id));
}

/** Alt+→: the sibling just above `id`, to become its parent; undefined for the first of its siblings. */
export function indentParent(codes: readonly CodeListItem[], id: string): CodeListItem | undefined {
  const code = codes.find((c) => c.id === id);
  if (!code) return undefined;
  const siblings = childrenByParent(codes).get(code.parentId ?? null) ?? [];
  const at = siblings.findIndex((c) => c.id === id);
  return at > 0 ? siblings[at - 1] : undefined;
}

/** Alt+←: the parent's parent (null: the top level); undefined when `id` is already at the top level. */
export function outdentParent(codes: readonly CodeListItem[], id: string): string | null | undefined {
  const code = codes.find((c) => c.id === id);
  if (!code?.parentId) return undefined;
  return codes.find((c) => c.id === code.parentId)?.parentId ?? null;
}

/** A code's name indented by its depth, for a <select> ("– – Barn"). */
export function indentedName(code: { name: string; depth?: number }): string {
  return `${'– '.repeat(code.depth ?? 0)}${code.name}`;
}
