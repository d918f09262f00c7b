// Pure rules of the codebook tree on the client: children, subtrees, where a code may move, and what
// Alt+→ (under the code above) and Alt+← (one level up) mean. The server checks the same rules again.
import type { CodeListItem } from '../../data/research.ts';

/** Codes by parent id (null: top level), each list in codebook order (the order the server lists them). */
export function childrenByParent(codes: readonly CodeListItem[]): Map<string | null, CodeListItem[]> {
  const ids = new Set(codes.map((c) => c.id));
  const map = new Map<string | null, CodeListItem[]>();
  for (const code of codes) {
    // A parent missing from the list (never expected) reads as top level rather than hiding the code.
    const parent = code.parentId && ids.has(code.parentId) ? code.parentId : null;
    const list = map.get(parent) ?? [];
    list.push(code);
    map.set(parent, list);
  }
  return map;
}

/** The ids of `id` and every code below it. */
export function subtreeIds(codes: readonly CodeListItem[], id: string): Set<string> {
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

/** The codes `id` may be placed under or merged into: all but itself and its descendants (codebook order). */
export function placesFor(codes: readonly CodeListItem[], id: string): CodeListItem[] {
  const own = subtreeIds(codes, id);
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
export function indentedName(code: Pick<CodeListItem, 'name' | 'depth'>): string {
  return `${'– '.repeat(code.depth)}${code.name}`;
}
