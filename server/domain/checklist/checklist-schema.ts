// The shape of a kortutredning checklist (studies/<id>/checklist.json), checked when it is read.
import { z } from 'zod';
import type { Checklist } from './checklist-types.ts';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);

export const checklistSchema = z
  .object({
    id,
    title: z.string().min(1),
    manual: z.string(),
    sides: z
      .array(
        z.object({
          id: z.enum(['barnets-behov', 'foraldrarnas-formaga', 'familj-och-miljo']),
          label: z.string().min(1),
          items: z.array(z.object({ id, label: z.string().min(1), help: z.string() })).min(1),
        }),
      )
      .length(3),
  })
  .refine((c) => {
    const ids = c.sides.flatMap((s) => s.items.map((i) => i.id));
    return new Set(ids).size === ids.length;
  }, 'Punkternas id måste vara unika i hela checklistan.') satisfies z.ZodType<Checklist>;
