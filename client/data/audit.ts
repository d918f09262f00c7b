// The study's audit log (lead only): who did what, when, with which outcome — never content.
import type { StudyRole } from '../../server/domain/types.ts';
import { seg, type Api } from './api.ts';

export { AUDIT_ACTIONS } from '../../server/domain/audit-labels.ts';

export type AuditOutcome = 'ok' | 'denied' | 'failed';

export interface AuditEntry {
  /** ISO timestamp */
  time: string;
  /** user id (or the attempted username of a failed login) */
  user: string;
  userName: string | null;
  role: StudyRole | null;
  action: string;
  study: string | null;
  family: string | null;
  /** The family's pseudonym, when the family still exists. */
  familyLabel: string | null;
  object: string | null;
  /** A readable name for the object (document title, "markering i Familj A", question label …), else its id. */
  objectLabel: string | null;
  outcome: AuditOutcome;
}

/** Narrows the log; empty values are left out. Dates are 'YYYY-MM-DD', inclusive. */
export interface AuditFilter {
  user?: string;
  action?: string;
  family?: string;
  from?: string;
  to?: string;
}

function query(filter: AuditFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...extra })) if (value) params.set(key, value);
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** The newest entries (at most 1000) and how many match in all. */
export function fetchAudit(api: Api, studyId: string, filter: AuditFilter = {}): Promise<{ entries: AuditEntry[]; total: number }> {
  return api.request('GET', `/api/studies/${seg(studyId)}/audit${query(filter)}`);
}

/** The address of the CSV download with the same filter (a plain link; the session cookie goes along). */
export function auditCsvHref(api: Api, studyId: string, filter: AuditFilter = {}): string {
  return `${api.base}/api/studies/${seg(studyId)}/audit${query(filter, { format: 'csv' })}`;
}
