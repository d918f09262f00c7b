// /api/studies — the studies I am a member of, and one study with its questions.
import { Hono } from 'hono';
import { roleIn } from '../domain/access.ts';
import type { StudySummary, StudyView } from '../domain/types.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { studyAccess } from '../http/study-access.ts';

export function studyRoutes({ store }: Services) {
  return new Hono<AppEnv>()
    .get('/', (c) => {
      const user = c.get('user');
      const list: StudySummary[] = [];
      for (const repo of store.allStudies()) {
        const role = roleIn(repo.study, user.id);
        if (role) list.push({ id: repo.id, title: repo.study.title, description: repo.study.description, role });
      }
      return c.json(list);
    })
    .get('/:study', (c) => {
      const { repo, role } = studyAccess(store, c.get('user'), c.req.param('study'));
      const s = repo.study;
      const view: StudyView = {
        id: s.id,
        title: s.title,
        description: s.description,
        role,
        version: s.version,
        legalBasis: s.legalBasis,
        ethicsApproval: s.ethicsApproval,
        endDate: s.endDate,
        questions: s.questions,
      };
      return c.json(view);
    });
}
