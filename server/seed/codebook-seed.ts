// A template's seed codebook: a nested list of codes that a new study starts with (the researchers
// edit, merge and extend it from there). Read from template.json, turned into stored codes here.
import { z } from 'zod';
import { assertUniqueName, nextColor } from '../domain/codebook.ts';
import type { Code } from '../domain/types.ts';
import { newId } from '../store/ids.ts';
import { codes } from '../store/study-collections.ts';
import type { StudyRepo } from '../store/study-repo.ts';

/** One seed code with its sub-codes; `color` ("#rrggbb") is optional, the palette fills in. */
export interface CodeSeed {
  name: string;
  description?: string;
  color?: string;
  children?: CodeSeed[];
}

// The same limits as a code created in the app, so that a seeded code can be edited there as it is.
// Strict, so that a misspelt key in a template fails at start rather than being dropped.
export const codeSeedSchema: z.ZodType<CodeSeed> = z.lazy(() =>
  z.strictObject({
    name: z.string().trim().min(1).max(200),
    description: z.string().max(20_000).optional(),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
    children: z.array(codeSeedSchema).optional(),
  }),
);

export const codebookSeedSchema = z.array(codeSeedSchema);

/**
 * The seed as stored codes, parents before their children, all created by `userId` at `now`.
 * Sibling names must differ as in the app (throws otherwise); codes without a colour take the
 * palette's least used one in turn.
 */
export function codesFromSeed(seed: readonly CodeSeed[], userId: string, now: string): Code[] {
  const out: Code[] = [];
  const add = (list: readonly CodeSeed[], parentId: string | null) => {
    for (const s of list) {
      assertUniqueName(out, null, parentId, s.name);
      const code: Code = {
        id: newId('c'),
        name: s.name.trim(),
        description: s.description ?? '',
        color: s.color ?? nextColor(out),
        parentId,
        createdBy: userId,
        createdAt: now,
        updatedBy: userId,
        updatedAt: now,
        version: 1,
      };
      out.push(code);
      add(s.children ?? [], code.id);
    }
  };
  add(seed, null);
  return out;
}

/**
 * Stores the seed as the study's codes in one transaction: the study starts with the whole seed
 * codebook or, should the write fail, none of it.
 */
export async function storeSeedCodebook(repo: StudyRepo, seed: readonly CodeSeed[], userId: string, now: string): Promise<void> {
  const seeded = codesFromSeed(seed, userId, now);
  if (seeded.length) await repo.records.transact((tx) => seeded.forEach((code) => tx.put(codes, code)));
}

/** Codes by their path of names from the top ("Tidiga tecken" › "Skolfrånvaro"), joined with "\u0000". */
export function codesByPath(codes: readonly Code[]): Map<string, Code> {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const pathOf = (c: Code): string[] => (c.parentId && byId.has(c.parentId) ? [...pathOf(byId.get(c.parentId)!), c.name] : [c.name]);
  return new Map(codes.map((c) => [pathOf(c).join('\u0000'), c]));
}
