// Resolving the study and family a request names, with the access rules applied: anything the
// user may not reach is reported as not found (404), never as forbidden.
import { canDoResearch, canSeeFamily, roleIn } from '../domain/access.ts';
import { ForbiddenError, NotFoundError } from '../domain/errors.ts';
import type { Family, StudyRole } from '../domain/types.ts';
import type { User } from '../store/app-data.ts';
import type { Store } from '../store/store.ts';
import type { StudyRepo } from '../store/study-repo.ts';

export interface StudyAccess {
  repo: StudyRepo;
  role: StudyRole;
  user: User;
}

/** The study, if the user is a member of it. */
export function studyAccess(store: Store, user: User, studyId: string): StudyAccess {
  const repo = store.study(studyId);
  const role = repo ? roleIn(repo.study, user.id) : null;
  if (!repo || !role) throw new NotFoundError('Studien finns inte eller så har du inte tillgång till den.');
  return { repo, role, user };
}

/** The study, if the user is one of its researchers or its lead (codebook, codings, memos, matrices). */
export function researchAccess(store: Store, user: User, studyId: string): StudyAccess {
  const access = studyAccess(store, user, studyId);
  if (!canDoResearch(access.repo.study, user.id)) throw new ForbiddenError('Bara forskare och projektledaren arbetar med kodbok, kodningar och memon.');
  return access;
}

/** A family of the study that the user may see. */
export function familyAccess(access: StudyAccess, familyId: string): Family {
  const family = access.repo.study.families.find((f) => f.id === familyId);
  if (!family || !canSeeFamily(access.repo.study, access.user.id, family)) {
    throw new NotFoundError('Familjen finns inte eller så har du inte tillgång till den.');
  }
  return family;
}

/** A document the user may read (through its family). */
export function documentAccess(access: StudyAccess, documentId: string) {
  const meta = access.repo.study.documents.find((d) => d.id === documentId);
  if (!meta) throw new NotFoundError('Dokumentet finns inte eller så har du inte tillgång till det.');
  const family = access.repo.study.families.find((f) => f.id === meta.familyId);
  if (!family || !canSeeFamily(access.repo.study, access.user.id, family)) {
    throw new NotFoundError('Dokumentet finns inte eller så har du inte tillgång till det.');
  }
  return { meta, family };
}
