// PUT /api/studies/:study/documents/:doc/reading — the reader reports how far the user has read a
// document ({ reached }: the highest entry index reached). Only ever increases: a smaller value is
// ignored and the stored one returned. Caseworkers of the family and the lead report; researchers read
// without being tracked. Not audited: a position in a text is not case content, and opening the
// document is already in the audit log (document.read); a line per scroll would drown the log.
import { Hono } from 'hono';
import { canWriteCaseworkerMaterial } from '../domain/access.ts';
import { ForbiddenError } from '../domain/errors.ts';
import { checkReached, nextReached } from '../domain/reading.ts';
import { readingPutSchema } from '../domain/schemas.ts';
import { readJson } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { documentAccess, studyAccess } from '../http/study-access.ts';
import { reading, readingId, type StoredReading } from '../store/family-collections.ts';

const view = (r: StoredReading) => ({ documentId: r.documentId, reached: r.reached, updatedAt: r.updatedAt });

export function readingRoutes({ store, clock }: Services) {
  return new Hono<AppEnv>().put('/documents/:doc/reading', async (c) => {
    const access = studyAccess(store, c.get('user'), c.req.param('study')!);
    const { meta, family } = documentAccess(access, c.req.param('doc'));
    const userId = access.user.id;
    if (!canWriteCaseworkerMaterial(access.repo.study, userId, family)) {
      throw new ForbiddenError('Bara familjens socialsekreterare och projektledaren sparar hur långt de läst.');
    }
    const { reached } = await readJson(c, readingPutSchema);
    checkReached(reached, meta.entryCount);
    const id = readingId(userId, meta.id);
    const stored = await access.repo.mutateFamily(family.id, (tx) => {
      const current = tx.get(reading, id);
      const next = nextReached(current?.reached, reached);
      // Nothing new: no write (and no journal line) for a report that moves nothing.
      if (current && next === current.reached) return current;
      const record: StoredReading = {
        id, userId, documentId: meta.id, reached: next, version: (current?.version ?? 0) + 1, updatedAt: clock().toISOString(),
      };
      tx.put(reading, record);
      return record;
    });
    return c.json(view(stored));
  });
}
