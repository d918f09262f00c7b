// The study's audit log (lead only): who did what, when, with which outcome — never content.
import type { StudyRole } from '../../server/domain/types.ts';
import { seg, type Api } from './api.ts';

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
  object: string | null;
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

/** Every action the server writes, in the order the filter lists them. */
export const AUDIT_ACTIONS = [
  'session.login', 'session.logout', 'document.read', 'document.import', 'import.upload',
  'annotation.create', 'annotation.update', 'annotation.delete', 'reflection.update',
  'study.update', 'study.members', 'family.assign', 'family.names',
  'user.add', 'user.update', 'user.reset', 'audit.read',
] as const;

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
