// /api/studies/:study/audit — the study's audit log, for the lead only (reading it is logged too).
import { Hono } from 'hono';
import { z } from 'zod';
import { ForbiddenError, ValidationError } from '../domain/errors.ts';
import { audited } from '../http/audit.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { studyAccess } from '../http/study-access.ts';
import { displayName } from '../http/views.ts';
import { toCsv } from '../export/csv.ts';

const MAX_ENTRIES = 1000;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const filterSchema = z.object({
  format: z.enum(['json', 'csv']).optional(),
  user: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  family: z.string().max(64).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export function auditRoutes(services: Services) {
  const { store } = services;
  return new Hono<AppEnv>().get('/', audited(services, 'audit.read'), async (c) => {
    const access = studyAccess(store, c.get('user'), c.req.param('study')!);
    if (access.role !== 'lead') throw new ForbiddenError('Bara projektledaren kan läsa granskningsloggen.');
    const parsed = filterSchema.safeParse(c.req.query());
    if (!parsed.success) throw new ValidationError('Ogiltigt filter för granskningsloggen.');
    const f = parsed.data;
    const users = store.app.data.users;
    const filterUser = f.user ? users.find((u) => u.id === f.user || u.username === f.user)?.id ?? f.user : undefined;
    const members = new Set(access.repo.study.members.map((m) => m.userId));
    const lines = (await store.audit.read()).filter(
      (l) =>
        (l.study === access.repo.id || (l.study === null && members.has(l.user))) &&
        (!filterUser || l.user === filterUser) &&
        (!f.action || l.action.startsWith(f.action)) &&
        (!f.family || l.family === f.family) &&
        (!f.from || l.time.slice(0, 10) >= f.from) &&
        (!f.to || l.time.slice(0, 10) <= f.to),
    );
    const all = lines.reverse().map(({ prev: _prev, ...l }) => ({ ...l, userName: displayName(users, l.user) }));
    if (f.format === 'csv') {
      const header = ['tid', 'användare', 'namn', 'roll', 'händelse', 'studie', 'familj', 'objekt', 'utfall'];
      const rows = all.map((e) => [e.time, e.user, e.userName, e.role, e.action, e.study, e.family, e.object, e.outcome]);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="granskningslogg-${access.repo.id}.csv"`);
      return c.body(toCsv(header, rows));
    }
    return c.json({ entries: all.slice(0, MAX_ENTRIES), total: all.length });
  });
}
