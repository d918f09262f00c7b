// /api/studies/:study/annotations — list, create, edit and delete annotations (markeringar).
import { Hono, type Context } from 'hono';
import { makeTarget } from '../domain/anchoring.ts';
import { canWriteCaseworkerMaterial, visibleFamilies } from '../domain/access.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { annotationCreateSchema, annotationPatchSchema } from '../domain/schemas.ts';
import type { Annotation, Study } from '../domain/types.ts';
import { annotations as annotationRecords } from '../store/family-collections.ts';
import { newId } from '../store/ids.ts';
import { readJson, requireVersion } from '../http/body.ts';
import { audited } from '../http/audit.ts';
import type { AppEnv } from '../http/env.ts';
import { Lru } from '../store/lru.ts';
import { CachedJson, sendCachedJson } from '../http/cached-json.ts';
import type { Services } from '../http/services.ts';
import type { Transaction } from '../store/record-file.ts';
import { documentAccess, familyAccess, researchAccess, studyAccess, type StudyAccess } from '../http/study-access.ts';
import { codings } from '../store/study-collections.ts';
import type { StudyRepo } from '../store/study-repo.ts';
import { annotationView, annotationViews } from '../http/views.ts';

function assertQuestion(study: Study, questionId: string): void {
  if (!study.questions.some((q) => q.id === questionId)) {
    throw new ValidationError('Reflektionsfrågan finns inte i studien.', 'unknown_question');
  }
}

/** The annotation with `id` if the user may see its family; else 404. */
function findAnnotation(access: StudyAccess, id: string): Annotation {
  const familyId = access.repo.familyOfAnnotation(id);
  if (familyId) familyAccess(access, familyId);
  const annotation = familyId && access.repo.familyData(familyId).annotations.find((a) => a.id === id);
  if (!annotation) throw new NotFoundError('Markeringen finns inte.');
  return annotation;
}

/** Ids of the annotations coded with `codeId`. */
function annotationsCodedWith(repo: StudyRepo, codeId: string): Set<string> {
  const ids = new Set<string>();
  for (const k of repo.records.list(codings)) if (k.codeId === codeId && k.target.type === 'annotation') ids.add(k.target.id);
  return ids;
}

function assertAuthor(access: StudyAccess, annotation: Annotation): void {
  if (annotation.authorId !== access.user.id) throw new ForbiddenError('Du kan bara ändra dina egna markeringar.');
}

export function annotationRoutes(services: Services) {
  const { store, clock } = services;
  const users = () => store.app.data.users;
  // The reader asks for a document's annotations over and over: keep the serialised answer per family revision.
  const cache = new Lru<string, { revision: number; answer: CachedJson }>(1000);

  /** An edit or delete: the annotation must be reachable and the user's own, with If-Match given. */
  const authorsChange = async (c: Context<AppEnv>) => {
    const access = studyAccess(store, c.get('user'), c.req.param('study')!);
    const existing = findAnnotation(access, c.req.param('id')!);
    c.set('audit', { object: existing.id, family: existing.familyId });
    assertAuthor(access, existing);
    const version = requireVersion(c);
    const { text } = await access.repo.documents.read(existing.documentId);
    return { access, existing, version, text };
  };

  /** The stored annotation, if the client's version is still current; else 409 with what is stored. */
  const currentAt = (tx: Transaction, id: string, version: number, text: string): Annotation => {
    const a = tx.get(annotationRecords, id);
    if (!a) throw new NotFoundError('Markeringen finns inte.');
    if (a.version !== version) throw new ConflictError('Markeringen har ändrats sedan du öppnade den.', annotationView(a, text, users()));
    return a;
  };

  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const access = studyAccess(store, c.get('user'), c.req.param('study')!);
      const { family, document, question, code } = c.req.query();
      // Codings are research material: only researchers and the lead may filter by them.
      const coded = code ? annotationsCodedWith(researchAccess(store, c.get('user'), c.req.param('study')!).repo, code) : null;
      const families = family
        ? [familyAccess(access, family)]
        : document
          ? [documentAccess(access, document).family]
          : visibleFamilies(access.repo.study, access.user.id);
      // Only one family's list is cached (a document or family filter): its revision says when it is stale.
      const key = families.length === 1 && !coded ? `${access.repo.id}|${families[0]!.id}|${document ?? ''}|${question ?? ''}` : undefined;
      const revision = key ? access.repo.familyRevision(families[0]!.id, [annotationRecords]) : 0;
      const hit = key ? cache.get(key) : undefined;
      if (hit?.revision === revision) return sendCachedJson(c, hit.answer);
      const found: Annotation[] = [];
      for (const f of families) {
        for (const a of access.repo.familyData(f.id).annotations) {
          if ((!document || a.documentId === document) && (!question || a.questionId === question) && (!coded || coded.has(a.id))) found.push(a);
        }
      }
      const answer = new CachedJson(await annotationViews(access.repo, found, users()));
      if (key) cache.set(key, { revision, answer });
      return sendCachedJson(c, answer);
    })
    .post('/', audited(services, 'annotation.create'), async (c) => {
      const access = studyAccess(store, c.get('user'), c.req.param('study')!);
      const input = await readJson(c, annotationCreateSchema);
      const { meta, family } = documentAccess(access, input.documentId);
      if (!canWriteCaseworkerMaterial(access.repo.study, access.user.id, family)) {
        throw new ForbiddenError('Du kan inte markera i den här familjens akt.');
      }
      assertQuestion(access.repo.study, input.questionId);
      const { text } = await access.repo.documents.read(meta.id);
      const { start, end, exact } = input.target;
      if (end > text.length || text.slice(start, end) !== exact) {
        throw new ValidationError('Den markerade texten finns inte på angiven plats i dokumentet.', 'target_mismatch');
      }
      const now = clock().toISOString();
      const annotation: Annotation = {
        id: newId('a'),
        documentId: meta.id,
        familyId: family.id,
        questionId: input.questionId,
        target: makeTarget(text, start, end),
        comment: input.comment,
        knownAtTheTime: input.knownAtTheTime,
        authorId: access.user.id,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await access.repo.mutateFamily(family.id, (tx) => tx.put(annotationRecords, annotation));
      c.set('audit', { object: annotation.id, family: family.id });
      return c.json(annotationView(annotation, text, users()), 201);
    })
    .patch('/:id', audited(services, 'annotation.update', 'id'), async (c) => {
      const { access, existing, version, text } = await authorsChange(c);
      const patch = await readJson(c, annotationPatchSchema);
      if (patch.questionId) assertQuestion(access.repo.study, patch.questionId);
      const updated = await access.repo.mutateFamily(existing.familyId, (tx) => {
        const a = currentAt(tx, existing.id, version, text);
        const next: Annotation = { ...a, ...patch, version: a.version + 1, updatedAt: clock().toISOString() };
        tx.put(annotationRecords, next);
        return next;
      });
      return c.json(annotationView(updated, text, users()));
    })
    .delete('/:id', audited(services, 'annotation.delete', 'id'), async (c) => {
      const { access, existing, version, text } = await authorsChange(c);
      await access.repo.mutateFamily(existing.familyId, (tx) => {
        currentAt(tx, existing.id, version, text);
        tx.delete(annotationRecords, existing.id);
      });
      return c.body(null, 204);
    });
}
