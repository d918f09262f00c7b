// The shape of an inventory's instrument in a template (scale, criteria, units, age bands), checked
// when the templates are read, so a broken template fails at start-up, not when a lead uses it.
import { z } from 'zod';
import type { InventoryConfig } from './inventory-types.ts';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
const unique = <T extends { id: string }>(items: T[]) => new Set(items.map((i) => i.id)).size === items.length;

export const inventoryConfigSchema = z.object({
  scale: z.array(z.object({ id, label: z.string().min(1), description: z.string() })).min(2).max(9).refine(unique, 'Nivåernas id måste vara unika.'),
  criteria: z.array(z.object({ id, label: z.string().min(1), help: z.string() })).max(30).refine(unique, 'Kriteriernas id måste vara unika.'),
  units: z.array(z.object({ id, label: z.string().min(1) })).min(1).max(20).refine(unique, 'Enheternas id måste vara unika.'),
  ageBands: z.array(z.string().regex(/^\d{1,2}-\d{1,2}$/)).min(1).max(10),
}) satisfies z.ZodType<InventoryConfig>;
