// The lead's study setup: settings (legal basis, ethics approval, end date), members and their
// roles, and which caseworker has which family. Every write names the study version it saw.
import { Hono, type Context } from 'hono';
import { ConflictError, ForbiddenError, StudyClosedError } from '../domain/errors.ts';
import { reviseQuestions } from '../domain/study-setup.ts';
import { assertErasable, closeStudy } from '../domain/study-close.ts';
import { studyView } from './studies.ts';
import { assignmentSchema, membersSchema, studySettingsSchema } from '../domain/schemas.ts';
import { assignFamily, setMembers } from '../domain/study-admin.ts';
import type { Study } from '../domain/types.ts';
import { audited } from '../http/audit.ts';
import { readJson, requireVersion } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import type { Services } from '../http/services.ts';
import { familyAccess, studyAccess, type StudyAccess } from '../http/study-access.ts';

function leadAccess(services: Services, c: Context<AppEnv>): StudyAccess {
  const access = studyAccess(services.store, c.get('user'), c.req.param('study')!);
  if (access.role !== 'lead') throw new ForbiddenError('Bara projektledaren ändrar studiens uppsättning.');
  return access;
}

/** Applies `change` to the study if `version` is current; bumps the version. */
function changeStudy(access: StudyAccess, version: number, change: (draft: Study) => void): Promise<Study> {
  return access.repo.mutateStudy((draft) => {
    if (draft.status === 'closed') throw new StudyClosedError();
    if (draft.version !== version) throw new ConflictError('Studien har ändrats av någon annan. Ladda om sidan.', { version: draft.version });
    change(draft);
    draft.version += 1;
    return draft;
  });
}

function membersView(services: Services, study: Study) {
  const users = services.store.app.data.users;
  return {
    version: study.version,
    members: study.members.map((m) => {
      const u = users.find((x) => x.id === m.userId);
      return { userId: m.userId, username: u?.username ?? '?', displayName: u?.displayName ?? 'Okänd användare', role: m.role };
    }),
    accounts: users.filter((u) => !u.disabled).map((u) => ({ id: u.id, username: u.username, displayName: u.displayName })),
    assignments: Object.fromEntries(study.families.map((f) => [f.id, f.assignedTo])),
  };
}

export function studyAdminRoutes(services: Services) {
  return new Hono<AppEnv>()
    .patch('/', audited(services, 'study.update'), async (c) => {
      const access = leadAccess(services, c);
      const version = requireVersion(c);
      const { questions, ...settings } = await readJson(c, studySettingsSchema);
      const study = await changeStudy(access, version, (d) => {
        if (questions) d.questions = reviseQuestions(d.questions, questions, access.repo.hasAnnotations());
        Object.assign(d, settings);
      });
      return c.json(studyView(study, access.role, access.repo.hasAnnotations(), services.store.app.data.users));
    })
    .post('/close', audited(services, 'study.close'), async (c) => {
      const access = leadAccess(services, c);
      // If-Match is optional here: given, it must be the current version.
      const version = c.req.header('if-match') === undefined ? undefined : requireVersion(c);
      const study = await access.repo.mutateStudy((d) => {
        if (d.status !== 'closed' && version !== undefined && d.version !== version) throw new ConflictError('Studien har ändrats av någon annan. Ladda om sidan.', { version: d.version });
        closeStudy(d, access.user.id, services.clock());
        return d;
      });
      return c.json(studyView(study, access.role, access.repo.hasAnnotations(), services.store.app.data.users));
    })
    .delete('/', audited(services, 'study.erase'), async (c) => {
      const access = leadAccess(services, c);
      assertErasable(access.repo.study);
      // Written before the study is gone: the audit line keeps who erased which study.
      c.set('audit', { object: access.repo.id, study: access.repo.id });
      await services.store.eraseStudy(access.repo.id);
      services.search.forget(access.repo.id);
      return c.body(null, 204);
    })
    .get('/members', (c) => c.json(membersView(services, leadAccess(services, c).repo.study)))
    .put('/members', audited(services, 'study.members'), async (c) => {
      const access = leadAccess(services, c);
      const version = requireVersion(c);
      const { members } = await readJson(c, membersSchema);
      const known = new Set(services.store.app.data.users.map((u) => u.id));
      const study = await changeStudy(access, version, (d) => setMembers(d, members, known));
      return c.json(membersView(services, study));
    })
    .put('/families/:family/assignment', audited(services, 'family.assign'), async (c) => {
      const access = leadAccess(services, c);
      const family = familyAccess(access, c.req.param('family'));
      const version = requireVersion(c);
      const { assignedTo } = await readJson(c, assignmentSchema);
      const study = await changeStudy(access, version, (d) => assignFamily(d, family.id, assignedTo));
      return c.json(membersView(services, study));
    });
}
