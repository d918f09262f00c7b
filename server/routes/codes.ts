// /api/studies/:study/codes — the study's hierarchical codebook: list, create, edit or move
// (If-Match), delete (its codings moved to the parent or deleted, as asked) and merge.
import { Hono, type Context } from 'hono';
import { assertParent, assertUniqueName, codebookOrder, nextColor, planDeletion, planMerge, type CodebookPlan } from '../domain/codebook.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { codeCreateSchema, codeMergeSchema, codePatchSchema } from '../domain/schemas.ts';
import type { Code } from '../domain/types.ts';
import { audited } from '../http/audit.ts';
import { readJson, requireVersion } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { researchAccess } from '../http/study-access.ts';
import { newId } from '../store/ids.ts';
import type { Transaction } from '../store/record-file.ts';
import { codes, codings, memos, references } from '../store/study-collections.ts';
import { checkReferenceLinks } from '../literature/study-library.ts';
import type { StudyRepo } from '../store/study-repo.ts';

/** A code as listed: with its depth in the tree and how many codings it has. */
export interface CodeView extends Code {
  depth: number;
  codingCount: number;
}

/** The stored code if the client's version is still current; else 409 with what is stored. */
function currentCode(tx: Transaction, id: string, version: number): Code {
  const code = tx.get(codes, id);
  if (!code) throw new NotFoundError('Koden finns inte.');
  if (code.version !== version) throw new ConflictError('Koden har ändrats sedan du öppnade den.', code);
  return code;
}

/**
 * Stores a codebook edit. Memos about a code that goes away follow its codings (to the parent or the
 * code it was merged into) or, with nowhere to go, become memos about the study: a memo is never lost.
 */
function applyPlan(tx: Transaction, repo: StudyRepo, plan: CodebookPlan, heir: string | null): void {
  const gone = new Set(plan.deleteCodes);
  for (const memo of repo.records.list(memos)) {
    if (memo.about.type !== 'code' || !gone.has(memo.about.id)) continue;
    const about = heir ? { type: 'code' as const, id: heir } : { type: 'study' as const, id: repo.id };
    tx.put(memos, { ...memo, about, version: memo.version + 1 });
  }
  for (const c of plan.putCodes) tx.put(codes, c);
  for (const c of plan.putCodings) tx.put(codings, c);
  for (const id of plan.deleteCodings) tx.delete(codings, id);
  for (const id of plan.deleteCodes) tx.delete(codes, id);
}

export function codeRoutes(services: Services) {
  const { store, clock } = services;
  const access = (c: Context<AppEnv>) => researchAccess(store, c.get('user'), c.req.param('study')!);
  const stamp = (userId: string) => ({ updatedBy: userId, updatedAt: clock().toISOString() });
  /** Names the code in the audit line up front, so a refused or failed change still says which code it was. */
  const auditCode = (c: Context<AppEnv>, repo: StudyRepo) => {
    const code = repo.records.get(codes, c.req.param('id')!);
    if (code) c.set('audit', { object: code.id });
  };

  return new Hono<AppEnv>()
    .get('/', (c) => {
      const { repo } = access(c);
      const counts = new Map<string, number>();
      for (const coding of repo.records.list(codings)) counts.set(coding.codeId, (counts.get(coding.codeId) ?? 0) + 1);
      const list: CodeView[] = codebookOrder(repo.records.list(codes)).map(({ code, depth }) => ({ ...code, depth, codingCount: counts.get(code.id) ?? 0 }));
      return c.json(list);
    })
    .post('/', audited(services, 'code.create'), async (c) => {
      const { repo, user } = access(c);
      const input = await readJson(c, codeCreateSchema);
      const code = await repo.records.transact((tx) => {
        const all = repo.records.list(codes);
        assertParent(all, null, input.parentId);
        assertUniqueName(all, null, input.parentId, input.name);
        const now = clock().toISOString();
        const links = checkReferenceLinks(input.references ?? [], (key) => !!tx.get(references, key));
        const created: Code = {
          id: newId('c'), name: input.name, description: input.description, color: input.color ?? nextColor(all),
          parentId: input.parentId, ...(links.length ? { references: links } : {}),
          createdBy: user.id, createdAt: now, updatedBy: user.id, updatedAt: now, version: 1,
        };
        tx.put(codes, created);
        return created;
      });
      c.set('audit', { object: code.id });
      return c.json(code, 201);
    })
    .patch('/:id', audited(services, 'code.update', 'id'), async (c) => {
      const { repo, user } = access(c);
      auditCode(c, repo);
      const version = requireVersion(c);
      const patch = await readJson(c, codePatchSchema);
      const code = await repo.records.transact((tx) => {
        const current = currentCode(tx, c.req.param('id'), version);
        const all = repo.records.list(codes);
        const parentId = patch.parentId === undefined ? current.parentId : patch.parentId;
        assertParent(all, current.id, parentId);
        assertUniqueName(all, current.id, parentId, patch.name ?? current.name);
        const next: Code = { ...current, ...patch, parentId, ...stamp(user.id), version: current.version + 1 };
        if (patch.references) {
          // Links made before their reference was deleted may stay; new ones must exist.
          const links = checkReferenceLinks(patch.references, (key) => !!tx.get(references, key), current.references);
          if (links.length) next.references = links;
          else delete next.references;
        }
        tx.put(codes, next);
        return next;
      });
      return c.json(code);
    })
    .delete('/:id', audited(services, 'code.delete', 'id'), async (c) => {
      const { repo, user } = access(c);
      auditCode(c, repo);
      const version = requireVersion(c);
      const mode = c.req.query('codings') ?? 'move-to-parent';
      if (mode !== 'move-to-parent' && mode !== 'delete') {
        throw new ValidationError('Ange vad som ska hända med kodningarna: codings=move-to-parent eller codings=delete.');
      }
      await repo.records.transact((tx) => {
        const current = currentCode(tx, c.req.param('id'), version);
        const plan = planDeletion(repo.records.list(codes), repo.records.list(codings), current.id, mode, stamp(user.id));
        applyPlan(tx, repo, plan, current.parentId);
      });
      return c.body(null, 204);
    })
    .post('/:id/merge', audited(services, 'code.merge', 'id'), async (c) => {
      const { repo, user } = access(c);
      auditCode(c, repo);
      const { into } = await readJson(c, codeMergeSchema);
      const merged = await repo.records.transact((tx) => {
        const from = tx.get(codes, c.req.param('id'));
        if (!from) throw new NotFoundError('Koden finns inte.');
        applyPlan(tx, repo, planMerge(repo.records.list(codes), repo.records.list(codings), from.id, into, stamp(user.id)), into);
        // The merged code's literature goes with its codings.
        const target = tx.get(codes, into)!;
        const added = (from.references ?? []).filter((key) => !target.references?.includes(key));
        if (added.length) tx.put(codes, { ...target, references: [...(target.references ?? []), ...added], ...stamp(user.id), version: target.version + 1 });
        return tx.get(codes, into)!;
      });
      return c.json(merged);
    });
}
