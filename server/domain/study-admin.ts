// The lead's changes to a study's setup: settings, members and family assignments. Pure checks
// on a draft study; the route applies them inside one durable mutation.
import { ValidationError } from './errors.ts';
import type { Study, StudyMember } from './types.ts';

/** Replaces the member list; a study always keeps at least one lead, and no one appears twice. */
export function setMembers(study: Study, members: StudyMember[], knownUserIds: Set<string>): void {
  const ids = members.map((m) => m.userId);
  if (new Set(ids).size !== ids.length) throw new ValidationError('Samma person finns med två gånger.');
  const unknown = ids.find((id) => !knownUserIds.has(id));
  if (unknown) throw new ValidationError('Ett av kontona finns inte.');
  if (!members.some((m) => m.role === 'lead')) throw new ValidationError('Studien måste ha minst en projektledare.');
  study.members = members;
  // Someone who is no longer a caseworker in the study cannot stay assigned to a family.
  const caseworkers = new Set(members.filter((m) => m.role === 'caseworker').map((m) => m.userId));
  for (const f of study.families) f.assignedTo = f.assignedTo.filter((id) => caseworkers.has(id));
}

/** Assigns a family to caseworkers of the study. */
export function assignFamily(study: Study, familyId: string, assignedTo: string[]): void {
  const family = study.families.find((f) => f.id === familyId);
  if (!family) throw new ValidationError('Familjen finns inte.');
  const caseworkers = new Set(study.members.filter((m) => m.role === 'caseworker').map((m) => m.userId));
  if (assignedTo.some((id) => !caseworkers.has(id))) {
    throw new ValidationError('Bara socialsekreterare i studien kan tilldelas en familj.');
  }
  family.assignedTo = [...new Set(assignedTo)];
}
