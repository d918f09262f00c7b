// Study templates: studies/<id>/template.json — a title, a description, selection criteria, the
// reflection questions a new study starts with (none in the blank template) and optionally a seed
// codebook for its researchers. Read from disk once.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { checklistSchema } from '../domain/checklist/checklist-schema.ts';
import type { Checklist } from '../domain/checklist/checklist-types.ts';
import { inventoryConfigSchema } from '../domain/inventory/inventory-config.ts';
import type { InventoryConfig } from '../domain/inventory/inventory-types.ts';
import type { ReflectionQuestion, StudyKind } from '../domain/types.ts';
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
  kind: z.enum(['case-file', 'inventory']).default('case-file'),
  /** Kind 'inventory': the rating scale, criteria, units and age bands. */
  inventory: inventoryConfigSchema.optional(),
  /** Case-file studies: the folder in studies/ whose checklist.json appraises investigations (default kortutredning). */
  checklist: safeId.optional(),
}).refine((t) => (t.kind === 'inventory') === Boolean(t.inventory), 'An inventory template needs an inventory, and only it.');

/** The checklist a case-file study appraises investigations with when its template names none. */
export const DEFAULT_CHECKLIST = 'kortutredning';

export interface StudyTemplateInfo {
  id: string;
  title: string;
  description: string;
  selectionCriteria: string;
  legalBasis: 'follow-up' | 'research';
  questions: ReflectionQuestion[];
  /** The codes a study created from the template starts with (empty: none). */
  codebook: CodeSeed[];
  kind: StudyKind;
  inventory?: InventoryConfig;
  /** Case-file templates: the checklist investigations are appraised with. */
  checklist?: Checklist;
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
    const { checklist, ...rest } = template;
    out.push(template.kind === 'case-file' ? { ...rest, checklist: await loadChecklist(checklist ?? DEFAULT_CHECKLIST, dir) } : rest);
  }
  // Ready-made questions first, the blank template last.
  return out.sort((a, b) => Number(!a.questions.length) - Number(!b.questions.length) || a.title.localeCompare(b.title, 'sv'));
}

/** studies/<id>/checklist.json: a kortutredning checklist and its manual. */
export async function loadChecklist(id: string, dir = TEMPLATES_DIR): Promise<Checklist> {
  const text = await readFile(join(dir, safeId.parse(id), 'checklist.json'), 'utf8');
  return checklistSchema.parse(JSON.parse(text));
}
