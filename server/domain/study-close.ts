// Closing a study at its end: read-only from then on (exports still allowed), and only a closed study
// can be erased. Pure rules; the route and the store do the rest.
import { ConflictError } from './errors.ts';
import type { Study } from './types.ts';

/** Marks the study closed by `userId` at `now`; closing twice is a conflict. */
export function closeStudy(study: Study, userId: string, now: Date): void {
  if (study.status === 'closed') throw new ConflictError('Studien är redan avslutad.');
  study.status = 'closed';
  study.closedAt = now.toISOString();
  study.closedBy = userId;
  study.version += 1;
}

/** Only a closed study can be erased (closing first is the confirmation the API asks for). */
export function assertErasable(study: Study): void {
  if (study.status !== 'closed') throw new ConflictError('Avsluta studien innan den raderas.');
}
