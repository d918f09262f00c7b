// GET /api/studies/:study/codes/:id/segments.csv[?rollup=1] — every segment coded with a code (and
// with `rollup=1` its sub-codes) as CSV for Excel or R; audited as an export.
import { Hono } from 'hono';
import { NotFoundError } from '../domain/errors.ts';
import { codedSegmentsCsv } from '../export/coded-segments-csv.ts';
import { audited } from '../http/audit.ts';
import { codingViews } from '../http/coding-views.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { researchAccess } from '../http/study-access.ts';
import { codes } from '../store/study-collections.ts';
import { selectCodings } from './codings.ts';

export function codeSegmentRoutes(services: Services) {
  const { store } = services;
  return new Hono<AppEnv>().get('/:id/segments.csv', audited(services, 'codings.export', 'id'), async (c) => {
    const access = researchAccess(store, c.get('user'), c.req.param('study')!);
    const code = access.repo.records.get(codes, c.req.param('id'));
    if (!code) throw new NotFoundError('Koden finns inte.');
    const found = selectCodings(access, { code: code.id, rollup: c.req.query('rollup') === '1' ? '1' : '' });
    const views = await codingViews(access.repo, access.repo.records.list(codes), found, store.app.data.users);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    // The file name carries the code's id, never its name (a code name could hold anything).
    c.header('Content-Disposition', `attachment; filename="kodade-stycken-${code.id}.csv"`);
    return c.body(codedSegmentsCsv(views, access.repo.study.questions));
  });
}
