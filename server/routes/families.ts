// /api/studies/:study/families — the families I may see, one family, and its documents.
import { Hono } from 'hono';
import { visibleFamilies } from '../domain/access.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { familyAccess, studyAccess } from '../http/study-access.ts';
import { familyView } from '../http/views.ts';

export function familyRoutes({ store }: Services) {
  return new Hono<AppEnv>()
    .get('/', (c) => {
      const user = c.get('user');
      const { repo } = studyAccess(store, user, c.req.param('study')!);
      const study = repo.study;
      return c.json(visibleFamilies(study, user.id).map((f) => familyView(repo, study, f, user.id)));
    })
    .get('/:family', (c) => {
      const user = c.get('user');
      const access = studyAccess(store, user, c.req.param('study')!);
      const family = familyAccess(access, c.req.param('family'));
      return c.json(familyView(access.repo, access.repo.study, family, user.id));
    })
    .get('/:family/documents', (c) => {
      const access = studyAccess(store, c.get('user'), c.req.param('study')!);
      const family = familyAccess(access, c.req.param('family'));
      const docs = access.repo.study.documents
        .filter((d) => d.familyId === family.id)
        .map(({ id, title, kind, date, length, entryCount }) => ({ id, title, kind, date, length, entryCount }));
      return c.json(docs);
    });
}
