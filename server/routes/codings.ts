// /api/studies/:study/codings — codes applied to annotations, caseworker reflections (whole or a
// passage) and passages of case-file documents. Each coding is one code on one segment; a segment
// may carry several codes and segments may overlap, but a segment carries each code once.
import { Hono, type Context } from 'hono';
import { makeTarget } from '../domain/anchoring.ts';
import { segmentKey, subtreeOf } from '../domain/codebook.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { codingCreateSchema, type CodingCreateInput } from '../domain/schemas.ts';
import type { Coding, CodingTarget } from '../domain/types.ts';
import { audited } from '../http/audit.ts';
import { readJson } from '../http/body.ts';
import { codingViews } from '../http/coding-views.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { documentAccess, familyAccess, researchAccess, type StudyAccess } from '../http/study-access.ts';
import { newId } from '../store/ids.ts';
import { codes, codings } from '../store/study-collections.ts';

/** Checks that the target exists where the client says, and returns it as stored with its family. */
async function resolveTarget(access: StudyAccess, input: CodingCreateInput['target']): Promise<{ target: CodingTarget; familyId: string }> {
  const { repo } = access;
  if (input.type === 'annotation') {
    const familyId = repo.familyOfAnnotation(input.id);
    if (!familyId || !repo.familyData(familyId).annotations.some((a) => a.id === input.id)) throw new NotFoundError('Markeringen finns inte.');
    familyAccess(access, familyId);
    return { target: { type: 'annotation', id: input.id }, familyId };
  }
  if (input.type === 'passage') {
    const { meta } = documentAccess(access, input.documentId);
    const { text } = await repo.documents.read(meta.id);
    if (input.end <= input.start || text.slice(input.start, input.end) !== input.exact) {
      throw new ValidationError('Den markerade texten finns inte på angiven plats i dokumentet.', 'target_mismatch');
    }
    return { target: { type: 'passage', documentId: meta.id, ...makeTarget(text, input.start, input.end) }, familyId: meta.familyId };
  }
  const family = familyAccess(access, input.familyId);
  if (input.key !== 'summary' && !repo.study.questions.some((q) => q.id === input.key)) throw new NotFoundError('Det finns ingen sådan reflektion i studien.');
  const text = repo.familyData(family.id).reflections[input.key]?.text ?? '';
  if (!text.trim()) throw new ValidationError('Reflektionen är tom och kan inte kodas.', 'empty_reflection');
  const { start, end, exact } = input;
  if (start === undefined && end === undefined && exact === undefined) {
    return { target: { type: 'reflection', familyId: family.id, key: input.key, passage: null }, familyId: family.id };
  }
  if (start === undefined || end === undefined || exact === undefined || end <= start || text.slice(start, end) !== exact) {
    throw new ValidationError('Det markerade stycket finns inte på angiven plats i reflektionen.', 'target_mismatch');
  }
  return { target: { type: 'reflection', familyId: family.id, key: input.key, passage: makeTarget(text, start, end) }, familyId: family.id };
}

/** Does the coding's segment lie in `documentId` (an annotation's or passage's document)? */
function inDocument(access: Pick<StudyAccess, 'repo'>, coding: Coding, documentId: string): boolean {
  const t = coding.target;
  if (t.type === 'passage') return t.documentId === documentId;
  if (t.type !== 'annotation') return false;
  return access.repo.familyData(coding.familyId).annotations.some((a) => a.id === t.id && a.documentId === documentId);
}

/** The codings the query asks for: by code (with `rollup=1` its sub-codes too), family, document, kind of target. */
export function selectCodings(access: Pick<StudyAccess, 'repo'>, query: Record<string, string | undefined>): Coding[] {
  const { code, family, document, type, annotation, rollup } = query;
  const codeIds = code ? (rollup === '1' ? subtreeOf(access.repo.records.list(codes), code) : new Set([code])) : null;
  return access.repo.records.list(codings).filter((c) =>
    (!codeIds || codeIds.has(c.codeId)) &&
    (!family || c.familyId === family) &&
    (!type || c.target.type === type) &&
    (!annotation || (c.target.type === 'annotation' && c.target.id === annotation)) &&
    (!document || inDocument(access, c, document)));
}

export function codingRoutes(services: Services) {
  const { store, clock } = services;
  const users = () => store.app.data.users;
  const access = (c: Context<AppEnv>) => researchAccess(store, c.get('user'), c.req.param('study')!);

  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const a = access(c);
      const found = selectCodings(a, c.req.query());
      return c.json(await codingViews(a.repo, a.repo.records.list(codes), found, users()));
    })
    .post('/', audited(services, 'coding.create'), async (c) => {
      const a = access(c);
      const input = await readJson(c, codingCreateSchema);
      const { target, familyId } = await resolveTarget(a, input.target);
      const coding = await a.repo.records.transact((tx) => {
        if (!tx.get(codes, input.codeId)) throw new ValidationError('Koden finns inte i kodboken.', 'unknown_code');
        const key = segmentKey(target);
        const twin = a.repo.records.list(codings).find((c) => c.codeId === input.codeId && segmentKey(c.target) === key);
        if (twin) throw new ConflictError('Stycket är redan kodat med den koden.', twin);
        const created: Coding = { id: newId('k'), codeId: input.codeId, target, familyId, createdBy: a.user.id, createdAt: clock().toISOString(), version: 1 };
        tx.put(codings, created);
        return created;
      });
      c.set('audit', { object: coding.id, family: familyId });
      const [view] = await codingViews(a.repo, a.repo.records.list(codes), [coding], users());
      return c.json(view, 201);
    })
    .delete('/:id', audited(services, 'coding.delete', 'id'), async (c) => {
      const a = access(c);
      const existing = a.repo.records.get(codings, c.req.param('id'));
      if (!existing) throw new NotFoundError('Kodningen finns inte.');
      c.set('audit', { object: existing.id, family: existing.familyId });
      // Coders remove their own codings; the lead may remove anyone's.
      if (existing.createdBy !== a.user.id && a.role !== 'lead') throw new ForbiddenError('Du kan bara ta bort dina egna kodningar.');
      await a.repo.records.transact((tx) => {
        if (tx.get(codings, existing.id)) tx.delete(codings, existing.id);
      });
      return c.body(null, 204);
    });
}
