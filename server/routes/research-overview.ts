// GET /api/studies/:study/overview — the study's totals for researchers and the lead.
import { Hono } from 'hono';
import { researchOverview } from '../domain/research-overview.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { researchAccess } from '../http/study-access.ts';
import { codes, codings, memos } from '../store/study-collections.ts';
import { questionColumns } from './matrix.ts';

export function researchOverviewRoutes({ store }: Services) {
  return new Hono<AppEnv>().get('/', (c) => {
    const { repo } = researchAccess(store, c.get('user'), c.req.param('study')!);
    const { columnOf } = questionColumns(repo);
    return c.json(researchOverview({
      study: repo.study,
      familyData: (id) => repo.familyData(id),
      codings: repo.records.list(codings),
      memos: repo.records.list(memos),
      codeCount: repo.records.list(codes).length,
      questionOf: columnOf,
    }));
  });
}
