// Study templates: studies/<id>/template.json — a title, a description, selection criteria, the
// reflection questions a new study starts with (none in the blank template) and optionally a seed
// codebook for its researchers. Read from disk once.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ReflectionQuestion } from '../domain/types.ts';
import { codebookSeedSchema, codesFromSeed, type CodeSeed } from './codebook-seed.ts';

export const TEMPLATES_DIR = new URL('../../studies/', import.meta.url).pathname;

const safeId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

const templateSchema = z.object({
  id: safeId,
  title: z.string().min(1),
  description: z.string(),
  selectionCriteria: z.string().default(''),
  legalBasis: z.enum(['follow-up', 'research']).default('follow-up'),
  questions: z.array(z.object({ id: safeId, label: z.string().min(1), text: z.string().min(1) })).max(9),
  codebook: codebookSeedSchema.default([]),
});

export interface StudyTemplateInfo {
  id: string;
  title: string;
  description: string;
  selectionCriteria: string;
  legalBasis: 'follow-up' | 'research';
  questions: ReflectionQuestion[];
  /** The codes a study created from the template starts with (empty: none). */
  codebook: CodeSeed[];
}

let cache: Promise<StudyTemplateInfo[]> | undefined;

/** Every template under `dir` (default: the repository's studies/): those with questions first, then by title. */
export function loadStudyTemplates(dir = TEMPLATES_DIR): Promise<StudyTemplateInfo[]> {
  if (dir !== TEMPLATES_DIR) return readTemplates(dir);
  return (cache ??= readTemplates(dir));
}

async function readTemplates(dir: string): Promise<StudyTemplateInfo[]> {
  const out: StudyTemplateInfo[] = [];
  for (const name of (await readdir(dir)).sort()) {
    const text = await readFile(join(dir, name, 'template.json'), 'utf8').catch(() => null);
    if (text === null) continue;
    const template = templateSchema.parse(JSON.parse(text));
    if (template.id !== name) throw new Error(`Template ${name}: its id must be the folder name`);
    // Two sibling codes with the same name fail here, when the templates are read, not as a
    // confusing refusal when someone creates a study.
    try {
      codesFromSeed(template.codebook, 'template', '');
    } catch (e) {
      throw new Error(`Template ${name}: its codebook: ${(e as Error).message}`);
    }
    out.push(template);
  }
  // Ready-made questions first, the blank template last.
  return out.sort((a, b) => Number(!a.questions.length) - Number(!b.questions.length) || a.title.localeCompare(b.title, 'sv'));
}
