// Who may see and do what in a study. Pure rules; routes call them for every object
// and answer 404 for anything outside the user's reach.
import type { Family, Study, StudyRole } from './types.ts';

/**
 * The user's effective role in the study. A research study without an ethics approval number
 * keeps its researchers out entirely until the lead enters one.
 */
export function roleIn(study: Study, userId: string): StudyRole | null {
  const role = study.members.find((m) => m.userId === userId)?.role ?? null;
  if (role === 'researcher' && study.legalBasis === 'research' && !study.ethicsApproval?.trim()) return null;
  return role;
}

/** Caseworkers see the families assigned to them; researchers and leads see the whole study. */
export function canSeeFamily(study: Study, userId: string, family: Family): boolean {
  const role = roleIn(study, userId);
  if (role === 'lead' || role === 'researcher') return true;
  return role === 'caseworker' && family.assignedTo.includes(userId);
}

export function visibleFamilies(study: Study, userId: string): Family[] {
  return study.families.filter((f) => canSeeFamily(study, userId, f));
}

/** Caseworkers annotate and reflect on their own families; the lead may too. Researchers read. */
export function canWriteCaseworkerMaterial(study: Study, userId: string, family: Family): boolean {
  const role = roleIn(study, userId);
  if (role === 'lead') return true;
  return role === 'caseworker' && family.assignedTo.includes(userId);
}

/** Only the lead imports case files. */
export function canImportDocuments(study: Study, userId: string): boolean {
  return roleIn(study, userId) === 'lead';
}

/** Researchers and the lead keep the codebook, code, and write memos; caseworkers do not see them. */
export function canDoResearch(study: Study, userId: string): boolean {
  const role = roleIn(study, userId);
  return role === 'lead' || role === 'researcher';
}
