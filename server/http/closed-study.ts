// A closed study is read-only: every write under /api/studies/:study/… is refused with 409
// `study_closed`, in one place, so a new route cannot forget it. Reads and exports still work;
// closing itself is the only write that passes. Erasing is DELETE /api/studies/:study (not under /…).
import type { MiddlewareHandler } from 'hono';
import { roleIn } from '../domain/access.ts';
import { assertStudyOpen } from '../domain/study-open.ts';
import type { AppEnv } from './env.ts';
import type { Services } from './services.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function refuseWritesToClosedStudies(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const repo = services.store.study(c.req.param('study') ?? '');
    // Outsiders are left to the route, which answers 404: whether a study is closed is not theirs to learn.
    const member = repo && roleIn(repo.study, c.get('user').id) !== null;
    // The study itself (PATCH checks on its own; DELETE is the erasure) and closing pass through.
    const within = c.req.path.slice(`/api/studies/${repo?.id ?? ''}`.length).replace(/^\/$/, '');
    // POST /citations only renders the Markdown it is sent, so a closed study's memos still show their references.
    const renders = within === '/citations';
    if (member && within && within !== '/close' && !renders && !READS.has(c.req.method)) assertStudyOpen(repo.study);
    await next();
  };
}
