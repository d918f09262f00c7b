// /api/studies/:study/search — full-text search within what the user may see. The query is never
// written to the audit log (it may contain names), only that a search was made. Memos and the code
// filter are research material: only researchers and the lead get memo hits, and to anyone else every
// code is unknown (an empty result, as for a code that does not exist). A målgruppsinventering's rating
// reasons follow GET …/inventory/children: researchers and the lead find every rating, a caseworker only
// their own.
import { Hono } from 'hono';
import { z } from 'zod';
import { visibleFamilies } from '../domain/access.ts';
import { ValidationError } from '../domain/errors.ts';
import { audited } from '../http/audit.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { studyAccess } from '../http/study-access.ts';

const year = z.coerce.number().int().min(1900).max(2100);
const querySchema = z.object({
  q: z.string().trim().min(1).max(200),
  type: z.enum(['entry', 'annotation', 'reflection', 'appraisal', 'memo', 'rating']).optional(),
  family: z.string().max(64).optional(),
  question: z.string().max(64).optional(),
  code: z.string().max(64).optional(),
  author: z.string().max(64).optional(),
  from: year.optional(),
  to: year.optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export function searchRoutes(services: Services) {
  return new Hono<AppEnv>().get('/', audited(services, 'search'), async (c) => {
    const access = studyAccess(services.store, c.get('user'), c.req.param('study')!);
    const parsed = querySchema.safeParse(c.req.query());
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0];
      throw new ValidationError(field === 'q' || field === undefined ? 'Skriv något att söka efter (högst 200 tecken).' : `Ogiltigt sökfilter: ${String(field)}.`);
    }
    const { q, type, family, question, code, author, from, to, offset, limit } = parsed.data;
    // A search made while the index is still being built (after a restart or a large import) is told
    // how far it has come, with 503 index_building, rather than kept waiting.
    const index = await services.search.ready(access.repo);
    const families = new Set(visibleFamilies(access.repo.study, access.user.id).map((f) => f.id));
    const memos = access.role === 'lead' || access.role === 'researcher';
    const ratings = memos ? 'all' as const : { own: access.user.id };
    return c.json(await index.search(q, { families, memos, ratings, type, family, question, code, author, from, to, offset, limit }));
  });
}
