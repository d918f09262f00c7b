// Audit middleware: placed on a route, it writes one audit line after the handler has answered —
// who, which action, which study/family/object, and the outcome — before the response leaves.
import type { Context, MiddlewareHandler } from 'hono';
import { roleIn } from '../domain/access.ts';
import type { Study } from '../domain/types.ts';
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
 * An id taken from the URL is written only when it is known to exist — the handler answered 2xx/3xx,
 * or the study has a document, family or reflection key of that id — and is null otherwise: a URL
 * can hold anything, a personal number too. The action and outcome are always written; a handler may
 * name a more precise action with `c.set('audit', { action })` (e.g. an export instead of a read).
 */
export function audited(services: Services, action: string, objectParam?: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    await writeAudit(services, c, action, objectParam);
  };
}

/** Route parameters whose ids the audit line can check against the study itself. */
const IN_STUDY: Record<string, (study: Study, id: string) => boolean> = {
  doc: (study, id) => study.documents.some((d) => d.id === id),
  family: (study, id) => study.families.some((f) => f.id === id),
  key: (study, id) => id === 'summary' || study.questions.some((q) => q.id === id),
};

/** The id in route parameter `param`, if the request showed that it exists; else null. */
function confirmedParam(c: Context<AppEnv>, param: string, study: Study | undefined): string | null {
  const id = c.req.param(param);
  if (id === undefined) return null;
  if (c.res.status < 400) return safe(id);
  const inStudy = IN_STUDY[param];
  return study && inStudy?.(study, id) ? safe(id) : null;
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
    action: known.action ?? action,
    study: known.study !== undefined ? safe(known.study) : repo ? studyId : null,
    family: known.family !== undefined ? safe(known.family) : confirmedParam(c, 'family', repo?.study),
    object: known.object !== undefined ? safe(known.object) : objectParam ? confirmedParam(c, objectParam, repo?.study) : null,
    outcome: outcomeOf(c.res.status),
  });
}

// Even a confirmed id is written only in the shape of an id.
const safe = (id: string): string | null => (isSafeId(id) ? id : null);

/** Logs a login attempt, a logout or a password change, which happen outside any study. */
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
