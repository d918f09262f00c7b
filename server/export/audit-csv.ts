// The audit log as CSV, in Swedish: column headers, role, action and outcome words, and the family's
// pseudonym and the object's name as the lead sees them in the app (ids kept beside them for analysis).
import { auditActionLabel, auditOutcomeLabel, auditRoleLabel } from '../domain/audit-labels.ts';
import { toCsv } from './csv.ts';

/** One audit entry as the audit route shows it. */
export interface AuditRow {
  time: string;
  user: string;
  userName: string | null;
  role: string | null;
  action: string;
  study: string | null;
  family: string | null;
  familyLabel: string | null;
  object: string | null;
  objectLabel: string | null;
  outcome: string;
}

export const AUDIT_CSV_HEADER = ['tid', 'användare', 'namn', 'roll', 'händelse', 'studie', 'familj', 'objekt', 'objekt-id', 'utfall'];

/** The CSV document for `rows` (newest first, as given). */
export function auditCsv(rows: AuditRow[]): string {
  return toCsv(AUDIT_CSV_HEADER, rows.map((e) => [
    e.time, e.user, e.userName, auditRoleLabel(e.role), auditActionLabel(e.action), e.study,
    e.familyLabel ?? e.family, e.objectLabel ?? e.object, e.object, auditOutcomeLabel(e.outcome),
  ]));
}
