// Closing a study at its end: read-only from then on (exports still allowed), and only a closed study
// can be erased. Pure rules; the route and the store do the rest.
import { ConflictError, ValidationError } from './errors.ts';
import type { Study } from './types.ts';

/** Marks the study closed by `userId` at `now`; closing twice is a conflict. */
export function closeStudy(study: Study, userId: string, now: Date): void {
  if (study.status === 'closed') throw new ConflictError('Studien är redan avslutad.');
  study.status = 'closed';
  study.closedAt = now.toISOString();
  study.closedBy = userId;
  study.version += 1;
}

/** An erasure needs a closed study and the study's id typed again as confirmation. */
export function assertErasable(study: Study, confirmation: string | undefined): void {
  if (study.status !== 'closed') throw new ConflictError('Avsluta studien innan den raderas.');
  if (confirmation !== study.id) {
    throw new ValidationError(`Bekräfta raderingen genom att skriva studiens id (${study.id}).`, 'confirmation_required');
  }
}
