// /api/studies — the studies I am a member of, one study with its questions, and creating a study
// from a template (admins and accounts allowed to create studies).
import { Hono } from 'hono';
import { roleIn } from '../domain/access.ts';
import { studyCreateSchema } from '../domain/schemas.ts';
import type { Study, StudyRole, StudySummary, StudyView } from '../domain/types.ts';
import type { User } from '../store/app-data.ts';
import { audited } from '../http/audit.ts';
import { readJson } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { studyAccess } from '../http/study-access.ts';
import { createStudyFromTemplate } from '../studies/create-study.ts';
import { importProjectFromForm } from '../refi/project-import-form.ts';

/** One study as its members see it. */
export function studyView(s: Study, role: StudyRole | null, questionsLocked: boolean, users: readonly User[]): StudyView {
  const seesPeople = role === 'lead' || role === 'researcher';
  return {
    people: seesPeople
      ? s.members.map((m) => ({ id: m.userId, displayName: users.find((u) => u.id === m.userId)?.displayName ?? 'Okänd användare', role: m.role }))
      : [],
    id: s.id,
    title: s.title,
    description: s.description,
    selectionCriteria: s.selectionCriteria ?? '',
    role: role!,
    version: s.version,
    status: s.status ?? 'open',
    closedAt: s.closedAt ?? null,
    legalBasis: s.legalBasis,
    ethicsApproval: s.ethicsApproval,
    endDate: s.endDate,
    questions: s.questions,
    questionsLocked,
    kind: s.kind ?? 'case-file',
    ...(s.inventory ? { inventory: s.inventory } : {}),
  };
}

export function studyRoutes(services: Services) {
  const { store, clock } = services;
  return new Hono<AppEnv>()
    .get('/', (c) => {
      const user = c.get('user');
      const list: StudySummary[] = [];
      for (const repo of store.allStudies()) {
        const role = roleIn(repo.study, user.id);
        if (role) list.push({ id: repo.id, title: repo.study.title, description: repo.study.description, role, kind: repo.study.kind ?? 'case-file' });
      }
      return c.json(list);
    })
    .post('/', audited(services, 'study.create'), async (c) => {
      const user = c.get('user');
      // A REFI-QDA project (.qdpx/.qde) as multipart `file` creates a study from its contents.
      if ((c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
        c.set('audit', { action: 'study.import' });
        const result = await importProjectFromForm(c, store, user, clock());
        c.set('audit', { action: 'study.import', object: result.study.id });
        return c.json(result, 201);
      }
      const input = await readJson(c, studyCreateSchema);
      const study = await createStudyFromTemplate(store, input, user, clock());
      c.set('audit', { object: study.id });
      return c.json(studyView(study, roleIn(study, user.id), false, store.app.data.users), 201);
    })
    .get('/:study', (c) => {
      const { repo, role } = studyAccess(store, c.get('user'), c.req.param('study'));
      return c.json(studyView(repo.study, role, repo.hasAnnotations(), store.app.data.users));
    });
}
