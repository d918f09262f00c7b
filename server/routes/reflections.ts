// /api/studies/:study/families/:family/reflections[/:key] — the family's summary and one
// reflection per question, saved with a version so that a stale save gets 409, never overwrites.
import { Hono } from 'hono';
import { canWriteCaseworkerMaterial } from '../domain/access.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../domain/errors.ts';
import { reflectionPutSchema } from '../domain/schemas.ts';
import type { Study } from '../domain/types.ts';
import { readJson, requireVersion } from '../http/body.ts';
import { audited } from '../http/audit.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { familyAccess, studyAccess } from '../http/study-access.ts';
import { reflections } from '../store/family-collections.ts';
import { reflectionView } from '../http/views.ts';

const reflectionKeys = (study: Study) => ['summary', ...study.questions.map((q) => q.id)];

function assertKey(study: Study, key: string): void {
  if (!reflectionKeys(study).includes(key)) throw new NotFoundError('Det finns ingen sådan reflektion i studien.');
}

export function reflectionRoutes(services: Services) {
  const { store, clock } = services;
  const users = () => store.app.data.users;

  return new Hono<AppEnv>()
    .get('/', (c) => {
      const access = studyAccess(store, c.get('user'), c.req.param('study')!);
      const family = familyAccess(access, c.req.param('family')!);
      const stored = access.repo.familyData(family.id).reflections;
      return c.json(reflectionKeys(access.repo.study).map((key) => reflectionView(family.id, key, stored[key], users())));
    })
    .get('/:key', (c) => {
      const access = studyAccess(store, c.get('user'), c.req.param('study')!);
      const family = familyAccess(access, c.req.param('family')!);
      const key = c.req.param('key');
      assertKey(access.repo.study, key);
      return c.json(reflectionView(family.id, key, access.repo.familyData(family.id).reflections[key], users()));
    })
    .put('/:key', audited(services, 'reflection.update', 'key'), async (c) => {
      const access = studyAccess(store, c.get('user'), c.req.param('study')!);
      const family = familyAccess(access, c.req.param('family')!);
      const key = c.req.param('key');
      assertKey(access.repo.study, key);
      if (!canWriteCaseworkerMaterial(access.repo.study, access.user.id, family)) {
        throw new ForbiddenError('Du kan inte skriva reflektioner för den här familjen.');
      }
      const version = requireVersion(c);
      const { text } = await readJson(c, reflectionPutSchema);
      const saved = await access.repo.mutateFamily(family.id, (tx) => {
        const current = tx.get(reflections, key);
        if ((current?.version ?? 0) !== version) {
          throw new ConflictError(
            'Texten har sparats av någon annan sedan du började skriva.',
            reflectionView(family.id, key, current, users()),
          );
        }
        const next = { id: key, text, version: version + 1, updatedAt: clock().toISOString(), updatedBy: access.user.id };
        tx.put(reflections, next);
        return next;
      });
      return c.json(reflectionView(family.id, key, saved, users()));
    });
}
