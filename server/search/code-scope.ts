// The search's code filter: which indexed records are coded with a code or one of its descendants.
import type { Code, Coding } from '../domain/types.ts';
import type { IndexedRecord } from './search-sources.ts';

/** What a code filter lets through: everything coded with the code or one of its descendants. */
export interface CodeScope {
  annotations: Set<string>;
  reflections: Set<string>;
  /** Coded passages per document: [start, end) ranges. */
  passages: Map<string, [number, number][]>;
  /** The code and its descendants: memos about one of them pass. */
  codes: Set<string>;
}

/** The scope of `codeId`; null when the codebook has no such code. */
export function codeScope(all: readonly Code[], coded: readonly Coding[], codeId: string): CodeScope | null {
  if (!all.some((c) => c.id === codeId)) return null;
  const children = new Map<string, string[]>();
  for (const c of all) if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  const scope: CodeScope = { annotations: new Set(), reflections: new Set(), passages: new Map(), codes: new Set([codeId]) };
  // Breadth first; the set guards against a cycle in damaged data.
  for (const id of scope.codes) for (const child of children.get(id) ?? []) scope.codes.add(child);
  for (const c of coded) {
    if (!scope.codes.has(c.codeId)) continue;
    const t = c.target;
    if (t.type === 'annotation') scope.annotations.add(t.id);
    else if (t.type === 'reflection') scope.reflections.add(`${t.familyId}:${t.key}`);
    else scope.passages.set(t.documentId, [...(scope.passages.get(t.documentId) ?? []), [t.start, t.end]]);
  }
  return scope;
}

export function inScope(scope: CodeScope, r: IndexedRecord): boolean {
  switch (r.type) {
    case 'annotation':
      return scope.annotations.has(r.ref!);
    case 'reflection':
      return scope.reflections.has(r.ref!);
    case 'memo':
      return r.ref !== null && scope.codes.has(r.ref);
    case 'appraisal':
    case 'rating':
      return false; // appraisals and ratings cannot be coded
    case 'entry': {
      const ranges = scope.passages.get(r.documentId!);
      return !!ranges && ranges.some(([start, end]) => start < r.end! && r.start! < end);
    }
  }
}
