// Planning an imported project, step 2: the codebook (ATLAS.ti's "A::B" → B under A), and the
// collector every later step adds its codings to.
import { nextColor } from '../domain/codebook.ts';
import { guidKey } from '../domain/refi-codebook-import.ts';
import type { Code, Coding } from '../domain/types.ts';
import { newId } from '../store/ids.ts';
import { pseudonymiseFreeText, pseudonymiseName } from './import-text.ts';
import type { PlanContext } from './plan-context.ts';
import type { ParsedProject } from './project-parse.ts';

const collator = new Intl.Collator('sv', { sensitivity: 'base' });

/** The codes, and a code guid key → the code id. Codes of the same name under the same parent are merged. */
export function planCodes(parsed: ParsedProject, notCodes: ReadonlySet<string>, { by, at, key, now }: PlanContext): { codes: Code[]; codeOfGuid: Map<string, string> } {
  const codes: Code[] = [];
  const codeOfGuid = new Map<string, string>();
  const findOrAdd = (name: string, parentId: string | null, rawDescription = '', color: string | null = null): Code => {
    const trimmed = pseudonymiseName(name, key, now) || 'Namnlös kod';
    const description = pseudonymiseFreeText(rawDescription, key, now);
    const twin = codes.find((c) => c.parentId === parentId && collator.compare(c.name, trimmed) === 0);
    if (twin) {
      if (!twin.description && description) twin.description = description;
      return twin;
    }
    const code: Code = { id: newId('c'), name: trimmed, description, color: color ?? nextColor(codes), parentId, createdBy: by, createdAt: at, updatedBy: by, updatedAt: at, version: 1 };
    codes.push(code);
    return code;
  };
  for (const c of parsed.codes) {
    const key = guidKey(c.guid);
    if (notCodes.has(key)) continue;
    let parentId = c.parentGuid ? codeOfGuid.get(guidKey(c.parentGuid)) ?? null : null;
    const parts = c.name.split('::').map((p) => p.trim()).filter(Boolean);
    const leaf = parts.pop() ?? c.name;
    for (const part of parts) parentId = findOrAdd(part, parentId).id;
    codeOfGuid.set(key, findOrAdd(leaf, parentId, c.description, c.color).id);
  }
  return { codes, codeOfGuid };
}

export interface CodingCollector {
  codings: Coding[];
  /** Adds a coding unless the same code is already on the same segment. */
  add: (codeId: string, target: Coding['target'], familyId: string, created: string | null) => void;
}

export function collectCodings({ by, at }: PlanContext): CodingCollector {
  const codings: Coding[] = [];
  const codingKeys = new Set<string>();
  const add = (codeId: string, target: Coding['target'], familyId: string, created: string | null) => {
    const k = `${codeId}|${JSON.stringify(target.type === 'passage' ? [target.documentId, target.start, target.end] : target)}`;
    if (codingKeys.has(k)) return;
    codingKeys.add(k);
    codings.push({ id: newId('k'), codeId, target, familyId, createdBy: by, createdAt: created ?? at, version: 1 });
  };
  return { codings, add };
}
