// /api/studies/:study/audit — the study's audit log, for the lead only (reading and exporting it are logged
// too). Entries carry the family's pseudonym and a readable name for the object; the CSV is in Swedish.
import { Hono } from 'hono';
import { z } from 'zod';
import { ForbiddenError, ValidationError } from '../domain/errors.ts';
import { audited } from '../http/audit.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { studyAccess } from '../http/study-access.ts';
import { displayName } from '../http/views.ts';
import { auditObjectLabel } from '../domain/audit-labels.ts';
import { codes } from '../store/study-collections.ts';
import { auditCsv, type AuditRow } from '../export/audit-csv.ts';

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
    if (c.req.query('format') === 'csv') c.set('audit', { action: 'audit.export' });
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
    // Names are resolved now, from the study as it is: the log itself holds ids only.
    const study = access.repo.study;
    const userName = (id: string) => users.find((u) => u.id === id)?.displayName ?? null;
    const codeName = (id: string) => access.repo.records.get(codes, id)?.name ?? null;
    const all: AuditRow[] = lines.reverse().map(({ prev: _prev, ...l }) => ({
      ...l,
      userName: displayName(users, l.user),
      familyLabel: l.family ? study.families.find((fam) => fam.id === l.family)?.pseudonym ?? null : null,
      objectLabel: auditObjectLabel(l, study, userName, codeName),
    }));
    if (f.format === 'csv') {
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="granskningslogg-${access.repo.id}.csv"`);
      return c.body(auditCsv(all));
    }
    return c.json({ entries: all.slice(0, MAX_ENTRIES), total: all.length });
  });
}
