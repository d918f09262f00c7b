// Seeds the demo målgruppsinventering (studies/demo-malgruppsinventering): the study with the
// instrument of its template, the list of children read as a lead's import would read it, and the
// caseworkers' committed ratings, including the second, blind ratings of the double-rated sample.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { z } from 'zod';
import { parseInventoryCsv } from '../domain/inventory/inventory-csv.ts';
import type { InventoryChild, InventoryConfig, InventoryRating } from '../domain/inventory/inventory-types.ts';
import type { Study } from '../domain/types.ts';
import { inventoryChildren, inventoryRatings, ratingId } from '../store/inventory-collections.ts';
import type { Store } from '../store/store.ts';
import { loadStudyTemplates } from './study-templates.ts';

export const DEMO_INVENTORY_DIR = new URL('../../studies/demo-malgruppsinventering/', import.meta.url).pathname;

const localFile = z.string().regex(/^[a-z0-9/_.-]+$/).refine((f) => !f.includes('..'));

const demoInventorySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
  title: z.string().min(1),
  description: z.string(),
  legalBasis: z.enum(['follow-up', 'research']),
  ethicsApproval: z.string().nullable(),
  endDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  template: z.string(),
  children: localFile,
  ratings: localFile,
  members: z.array(z.object({ username: z.string(), role: z.enum(['lead', 'researcher', 'caseworker']) })),
});

const ratingRowSchema = z.object({
  pseudonym: z.string().min(1),
  bedömare: z.string().min(1),
  nivå: z.string().min(1),
  kriterier: z.string(),
  motivering: z.string(),
});

async function inventoryOf(templateId: string): Promise<InventoryConfig> {
  const template = (await loadStudyTemplates()).find((t) => t.id === templateId);
  if (!template?.inventory) throw new Error(`Demo inventory names a template that is not an inventory: ${templateId}`);
  return template.inventory;
}

function readRatings(text: string) {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, delimiter: ';', skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`Demo ratings: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row})`);
  return parsed.data.map((row) => ratingRowSchema.parse(row));
}

/** Creates the demo inventory in `store`; `userId` maps a demo username to its account id. */
export async function seedDemoInventory(store: Store, userId: (username: string) => string, now: string, dir = DEMO_INVENTORY_DIR): Promise<string> {
  const template = demoInventorySchema.parse(JSON.parse(await readFile(join(dir, 'study.json'), 'utf8')));
  const inventory = await inventoryOf(template.template);
  const { rows, errors } = parseInventoryCsv(await readFile(join(dir, template.children), 'utf8'), inventory);
  if (errors.length) throw new Error(`Demo children, row ${errors[0]!.row}: ${errors[0]!.message}`);
  const members = template.members.map((m) => ({ userId: userId(m.username), role: m.role }));
  const caseworkers = new Set(members.filter((m) => m.role === 'caseworker').map((m) => m.userId));
  const leadId = members.find((m) => m.role === 'lead')?.userId;
  if (!leadId) throw new Error('The demo inventory has no lead');

  const children = new Map<string, InventoryChild>();
  rows.forEach((row, i) => {
    const caseworkerId = userId(row.caseworker);
    if (!caseworkers.has(caseworkerId)) throw new Error(`Demo child row ${row.row}: the caseworker is not a caseworker of the study`);
    const id = `barn-${String(i + 1).padStart(4, '0')}`;
    children.set(row.pseudonym, { id, pseudonym: row.pseudonym, unit: row.unit, ageBand: row.ageBand, caseworkerId, secondRaterId: null, version: 1, createdAt: now, createdBy: leadId });
  });

  const levels = new Set(inventory.scale.map((l) => l.id));
  const criteria = new Set(inventory.criteria.map((c) => c.id));
  const ratings = readRatings(await readFile(join(dir, template.ratings), 'utf8')).map((r, i): InventoryRating => {
    const child = children.get(r.pseudonym);
    const raterId = userId(r.bedömare);
    const ticked = r.kriterier ? r.kriterier.split(',') : [];
    if (!child) throw new Error(`Demo rating ${i + 1}: no such child`);
    if (!levels.has(r.nivå) || !ticked.every((c) => criteria.has(c))) throw new Error(`Demo rating ${i + 1}: a level or criterion the template lacks`);
    if (raterId !== child.caseworkerId) {
      // A rating by someone else than the caseworker is the sample's second, blind rating.
      if (!caseworkers.has(raterId) || (child.secondRaterId && child.secondRaterId !== raterId)) throw new Error(`Demo rating ${i + 1}: an unexpected rater`);
      child.secondRaterId = raterId;
    }
    return { id: ratingId(child.id, raterId), childId: child.id, raterId, level: r.nivå, criteria: ticked, reason: r.motivering, version: 1, createdAt: now, createdBy: raterId, updatedAt: now, updatedBy: raterId };
  });

  const study: Study = {
    id: template.id,
    title: template.title,
    description: template.description,
    template: template.template,
    kind: 'inventory',
    inventory,
    legalBasis: template.legalBasis,
    ethicsApproval: template.ethicsApproval,
    endDate: template.endDate,
    questions: [],
    members,
    families: [],
    documents: [],
    version: 1,
  };
  const repo = await store.createStudy(study);
  await repo.records.transact((tx) => {
    for (const child of children.values()) tx.put(inventoryChildren, child);
    for (const rating of ratings) tx.put(inventoryRatings, rating);
  });
  return study.id;
}
