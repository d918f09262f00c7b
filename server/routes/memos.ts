// /api/studies/:study/memos — researchers' memos about the study, a family, a code or a caseworker's
// reflection (a meta-reflection). Markdown, saved with a version so a stale save gets 409.
import { Hono, type Context } from 'hono';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { memoCreateSchema, memoPatchSchema } from '../domain/schemas.ts';
import type { Memo, MemoAbout, MemoView } from '../domain/types.ts';
import { audited } from '../http/audit.ts';
import { readJson, requireVersion } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { familyAccess, researchAccess, type StudyAccess } from '../http/study-access.ts';
import { displayName } from '../http/views.ts';
import type { User } from '../store/app-data.ts';
import { newId } from '../store/ids.ts';
import type { Transaction } from '../store/record-file.ts';
import { codes, memos, references } from '../store/study-collections.ts';
import { checkReferenceLinks } from '../literature/study-library.ts';

/** The family a memo concerns, after checking that what it is about exists. */
function familyOfAbout(access: StudyAccess, about: MemoAbout): string | null {
  const { repo } = access;
  switch (about.type) {
    case 'study':
      if (about.id !== repo.id) throw new ValidationError('Memot kan bara handla om den här studien.', 'unknown_target');
      return null;
    case 'code':
      if (!repo.records.get(codes, about.id)) throw new ValidationError('Koden finns inte i kodboken.', 'unknown_code');
      return null;
    case 'family':
      return familyAccess(access, about.id).id;
    case 'reflection': {
      // "<familyId>:<key>", the key being 'summary' or a question id.
      const [familyId = '', key = ''] = about.id.split(':');
      const family = familyAccess(access, familyId);
      if (key !== 'summary' && !repo.study.questions.some((q) => q.id === key)) throw new NotFoundError('Det finns ingen sådan reflektion i studien.');
      return family.id;
    }
  }
}

export const memoView = (memo: Memo, users: User[]): MemoView => ({ ...memo, authorName: displayName(users, memo.authorId) ?? '' });

export function memoRoutes(services: Services) {
  const { store, clock } = services;
  const users = () => store.app.data.users;
  const access = (c: Context<AppEnv>) => researchAccess(store, c.get('user'), c.req.param('study')!);

  /** The author's own memo at the version the client saw. */
  const ownCurrent = (tx: Transaction, a: StudyAccess, id: string, version: number): Memo => {
    const memo = tx.get(memos, id);
    if (!memo) throw new NotFoundError('Memot finns inte.');
    if (memo.authorId !== a.user.id) throw new ForbiddenError('Du kan bara ändra dina egna memon.');
    if (memo.version !== version) throw new ConflictError('Memot har sparats någon annanstans sedan du började skriva.', memoView(memo, users()));
    return memo;
  };

  /** Names the memo in the audit line up front, so a refused or failed change still says which memo it was. */
  const auditMemo = (c: Context<AppEnv>, a: StudyAccess) => {
    const memo = a.repo.records.get(memos, c.req.param('id')!);
    if (memo) c.set('audit', { object: memo.id, family: memo.familyId ?? undefined });
  };

  return new Hono<AppEnv>()
    .get('/', (c) => {
      const { repo } = access(c);
      const { about, family } = c.req.query();
      const [type, ...rest] = (about ?? '').split(':');
      const aboutId = rest.join(':');
      const list = repo.records.list(memos).filter((m) =>
        (!about || (m.about.type === type && (!aboutId || m.about.id === aboutId))) && (!family || m.familyId === family));
      return c.json([...list].sort((x, y) => y.updatedAt.localeCompare(x.updatedAt)).map((m) => memoView(m, users())));
    })
    .get('/:id', (c) => {
      const { repo } = access(c);
      const memo = repo.records.get(memos, c.req.param('id'));
      if (!memo) throw new NotFoundError('Memot finns inte.');
      return c.json(memoView(memo, users()));
    })
    .post('/', audited(services, 'memo.create'), async (c) => {
      const a = access(c);
      const input = await readJson(c, memoCreateSchema);
      const familyId = familyOfAbout(a, input.about);
      const now = clock().toISOString();
      const memo: Memo = { id: newId('m'), title: input.title, body: input.body, about: input.about, familyId, authorId: a.user.id, createdAt: now, updatedAt: now, version: 1 };
      await a.repo.records.transact((tx) => {
        const links = checkReferenceLinks(input.references ?? [], (key) => !!tx.get(references, key));
        if (links.length) memo.references = links;
        tx.put(memos, memo);
      });
      c.set('audit', { object: memo.id, family: familyId ?? undefined });
      return c.json(memoView(memo, users()), 201);
    })
    .patch('/:id', audited(services, 'memo.update', 'id'), async (c) => {
      const a = access(c);
      auditMemo(c, a);
      const version = requireVersion(c);
      const patch = await readJson(c, memoPatchSchema);
      const saved = await a.repo.records.transact((tx) => {
        const memo = ownCurrent(tx, a, c.req.param('id'), version);
        const next: Memo = { ...memo, ...patch, updatedAt: clock().toISOString(), version: memo.version + 1 };
        if (patch.references) {
          // Links made before their reference was deleted may stay; new ones must exist.
          const links = checkReferenceLinks(patch.references, (key) => !!tx.get(references, key), memo.references);
          if (links.length) next.references = links;
          else delete next.references;
        }
        tx.put(memos, next);
        return next;
      });
      c.set('audit', { object: saved.id, family: saved.familyId ?? undefined });
      return c.json(memoView(saved, users()));
    })
    .delete('/:id', audited(services, 'memo.delete', 'id'), async (c) => {
      const a = access(c);
      auditMemo(c, a);
      const version = requireVersion(c);
      const removed = await a.repo.records.transact((tx) => {
        const memo = ownCurrent(tx, a, c.req.param('id'), version);
        tx.delete(memos, memo.id);
        return memo;
      });
      c.set('audit', { object: removed.id, family: removed.familyId ?? undefined });
      return c.body(null, 204);
    });
}
