// The one rule about a closed study that every write shares: nothing in it changes any more.
import { StudyClosedError } from './errors.ts';
import type { Study } from './types.ts';

/** Throws 409 `study_closed` when the study is closed; an open study (or one without a status) passes. */
export function assertStudyOpen(study: Pick<Study, 'status'>): void {
  if (study.status === 'closed') throw new StudyClosedError();
}
