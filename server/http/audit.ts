// Audit middleware: placed on a route, it writes one audit line after the handler has answered —
// who, which action, which study/family/object, and the outcome — before the response leaves.
import type { Context, MiddlewareHandler } from 'hono';
import { roleIn } from '../domain/access.ts';
import type { AuditOutcome } from '../store/audit-log.ts';
import { isSafeId } from '../store/ids.ts';
import type { AppEnv } from './env.ts';
import type { Services } from './services.ts';

export function outcomeOf(status: number): AuditOutcome {
  if (status < 400) return 'ok';
  return status === 401 || status === 403 || status === 404 ? 'denied' : 'failed';
}

/**
 * `audited(services, 'document.read', 'doc')` logs the action with the route parameter `doc` as
 * the object id, unless the handler names the object itself with `c.set('audit', { object, family })`.
 */
export function audited(services: Services, action: string, objectParam?: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    await writeAudit(services, c, action, objectParam);
  };
}

async function writeAudit(services: Services, c: Context<AppEnv>, action: string, objectParam?: string) {
  const user = c.get('user');
  const studyId = c.req.param('study') ?? null;
  const repo = studyId ? services.store.study(studyId) : undefined;
  const known = c.get('audit') ?? {};
  await services.store.audit.append({
    time: services.clock().toISOString(),
    user: user.id,
    role: repo ? roleIn(repo.study, user.id) : null,
    action,
    study: repo ? studyId : null,
    family: safe(known.family ?? c.req.param('family')),
    object: safe(known.object ?? (objectParam ? c.req.param(objectParam) : undefined)),
    outcome: outcomeOf(c.res.status),
  });
}

// Ids come from the URL; anything that is not an id shape is not written (it could be anything).
const safe = (id: string | undefined): string | null => (id === undefined ? null : isSafeId(id) ? id : '(ogiltigt id)');

/** Logs a login attempt or logout, which happen outside any study. */
export function auditSession(services: Services, user: string, action: string, outcome: AuditOutcome): Promise<void> {
  return services.store.audit.append({
    time: services.clock().toISOString(),
    user: user.slice(0, 64),
    role: null,
    action,
    study: null,
    family: null,
    object: null,
    outcome,
  });
}
