// /api/studies/:study/families — the families I may see, one family, and its documents; the lead adds
// a family and edits its pseudonym, years and attributes (If-Match: the family's version).
import { Hono, type Context } from 'hono';
import { visibleFamilies } from '../domain/access.ts';
import { ForbiddenError } from '../domain/errors.ts';
import { addFamily, editFamily } from '../domain/families.ts';
import { familyCreateSchema, familyPatchSchema } from '../domain/schemas.ts';
import { assertStudyOpen } from '../domain/study-open.ts';
import { audited } from '../http/audit.ts';
import { readJson, requireVersion } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { familyAccess, studyAccess, type StudyAccess } from '../http/study-access.ts';
import { familyView } from '../http/views.ts';
import { newId } from '../store/ids.ts';

/** The study, for its lead only (403 for other members, 404 for everyone else). */
function leadAccess(services: Services, c: Context<AppEnv>): StudyAccess {
  const access = studyAccess(services.store, c.get('user'), c.req.param('study')!);
  if (access.role !== 'lead') throw new ForbiddenError('Bara projektledaren lägger till och ändrar familjer.');
  return access;
}

export function familyRoutes(services: Services) {
  const { store } = services;
  return new Hono<AppEnv>()
    .get('/', (c) => {
      const user = c.get('user');
      const { repo } = studyAccess(store, user, c.req.param('study')!);
      const study = repo.study;
      return c.json(visibleFamilies(study, user.id).map((f) => familyView(repo, study, f, user.id)));
    })
    .post('/', audited(services, 'family.create'), async (c) => {
      const access = leadAccess(services, c);
      const input = await readJson(c, familyCreateSchema);
      // A random id, never one made from the pseudonym: ids reach URLs, file names and the audit log.
      const id = newId('f');
      const family = await access.repo.mutateStudy((draft) => {
        assertStudyOpen(draft);
        return structuredClone(addFamily(draft, id, input));
      });
      c.set('audit', { family: family.id, object: family.id });
      return c.json(familyView(access.repo, access.repo.study, family, access.user.id), 201);
    })
    .get('/:family', (c) => {
      const user = c.get('user');
      const access = studyAccess(store, user, c.req.param('study')!);
      const family = familyAccess(access, c.req.param('family'));
      return c.json(familyView(access.repo, access.repo.study, family, user.id));
    })
    .patch('/:family', audited(services, 'family.update', 'family'), async (c) => {
      const access = studyAccess(store, c.get('user'), c.req.param('study')!);
      const family = familyAccess(access, c.req.param('family'));
      if (access.role !== 'lead') throw new ForbiddenError('Bara projektledaren ändrar familjens uppgifter.');
      const version = requireVersion(c);
      const patch = await readJson(c, familyPatchSchema);
      const { repo, user } = access;
      const edited = await repo.mutateStudy((draft) => {
        assertStudyOpen(draft);
        return structuredClone(editFamily(draft, family.id, version, patch, (f) => familyView(repo, draft, f, user.id)));
      });
      return c.json(familyView(repo, repo.study, edited, user.id));
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
