// GET /api/studies/:study/progress — the lead's overview: per family and caseworker, entries read,
// annotations per question and the reflections written (computed in server/domain/progress.ts).
import { Hono } from 'hono';
import { ForbiddenError } from '../domain/errors.ts';
import { studyProgress } from '../domain/progress.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { studyAccess } from '../http/study-access.ts';
import { displayName } from '../http/views.ts';

export function progressRoutes({ store }: Services) {
  return new Hono<AppEnv>().get('/', (c) => {
    const { repo, role } = studyAccess(store, c.get('user'), c.req.param('study')!);
    if (role !== 'lead') throw new ForbiddenError('Bara projektledaren ser studiens framsteg.');
    const users = store.app.data.users;
    return c.json(studyProgress(repo.study, (id) => repo.familyData(id), (id) => displayName(users, id)!));
  });
}
