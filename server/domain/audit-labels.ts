// Swedish words for the audit log: every action the server writes, roles and outcomes, and a readable
// name for an entry's object, resolved from the study when the log is read (the log itself holds ids only).
// Pure: used by the audit route (JSON and CSV) and by the client's audit view.
import type { Study, StudyRole } from './types.ts';

/** Every action written to the audit log, in the order the filter lists them, with its Swedish label. */
export const AUDIT_ACTION_LABELS = {
  'session.login': 'Loggade in',
  'session.logout': 'Loggade ut',
  'session.password': 'Bytte lösenord',
  'document.read': 'Läste dokument',
  'search': 'Sökte',
  'document.import': 'Importerade dokument',
  'import.upload': 'Laddade upp fil för import',
  'import.archive': 'Laddade upp arkiv för import',
  'import.commit': 'Sparade import från arkiv',
  'import.discard': 'Kastade import från arkiv',
  'annotation.create': 'Skapade markering',
  'annotation.update': 'Ändrade markering',
  'annotation.delete': 'Tog bort markering',
  'reflection.update': 'Sparade reflektion',
  'investigation.appraise': 'Bedömde utredning med checklistan',
  'code.create': 'Skapade kod',
  'code.update': 'Ändrade kod',
  'code.delete': 'Tog bort kod',
  'code.merge': 'Slog ihop koder',
  'codebook.import': 'Importerade kodbok',
  'codebook.export': 'Exporterade kodbok',
  'coding.create': 'Kodade',
  'coding.delete': 'Tog bort kodning',
  'codings.export': 'Exporterade kodade stycken',
  'export.annotations-csv': 'Exporterade markeringar (CSV)',
  'export.report': 'Exporterade studierapporten',
  'export.codings-csv': 'Exporterade kodningar (CSV)',
  'export.annotations-jsonld': 'Exporterade webbannoteringar (JSON-LD)',
  'export.inventory-csv': 'Exporterade målgruppsinventeringen (CSV)',
  'export.qdpx': 'Exporterade studien som REFI-QDA-projekt (.qdpx)',
  'export.investigations-csv': 'Exporterade utredningar och bedömningar (CSV)',
  'study.import': 'Skapade en studie från ett REFI-QDA-projekt',
  'memo.create': 'Skrev memo',
  'memo.update': 'Ändrade memo',
  'memo.delete': 'Tog bort memo',
  'reference.create': 'Lade till referens',
  'reference.import': 'Importerade referenser',
  'reference.update': 'Ändrade referens',
  'reference.delete': 'Tog bort referens',
  'bibliography.export': 'Hämtade referenslistan',
  'round.create': 'Startade överensstämmelseomgång',
  'round.read': 'Läste överensstämmelseomgång',
  'round.code': 'Kodade i överensstämmelseomgång',
  'round.close': 'Avslutade överensstämmelseomgång',
  'round.resolve': 'Avgjorde enhet i överensstämmelseomgång',
  'inventory.import': 'Läste in barn till målgruppsinventeringen',
  'inventory.rate': 'Bedömde barn i målgruppsinventeringen',
  'inventory.sample': 'Drog urval för dubbelbedömning',
  'inventory.families': 'Gjorde barn i inventeringen till familjer i en aktstudie',
  'inventory.summary': 'Läste inventeringens sammanställning',
  'family.create': 'Lade till familj',
  'family.update': 'Ändrade familj',
  'family.assign': 'Tilldelade familj',
  'family.names': 'Lade till namn för familj',
  'study.create': 'Skapade studie',
  'study.update': 'Ändrade studiens inställningar',
  'study.members': 'Ändrade medlemmar',
  'study.close': 'Avslutade studie',
  'study.erase': 'Raderade studiens data',
  'audit.read': 'Läste granskningsloggen',
  'audit.export': 'Exporterade granskningsloggen',
  'user.add': 'Skapade konto',
  'user.update': 'Ändrade konto',
  'user.reset': 'Gav konto nytt lösenord',
  'data.backup': 'Gjorde säkerhetskopia',
  'data.restore': 'Återställde säkerhetskopia',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

/** The actions in filter order. */
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

/** 'document.read' → "Läste dokument"; an action without a label stays as it is. */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}

/** Role names as they are written in running text and in the CSV export. */
export const AUDIT_ROLE_LABELS: Record<StudyRole, string> = {
  caseworker: 'socialsekreterare',
  researcher: 'forskare',
  lead: 'projektledare',
};

/** 'researcher' → "forskare"; null (outside any study) → "". */
export function auditRoleLabel(role: string | null): string {
  if (!role) return '';
  return (AUDIT_ROLE_LABELS as Record<string, string>)[role] ?? role;
}

export const AUDIT_OUTCOME_LABELS = { ok: 'genomförd', denied: 'nekad', failed: 'misslyckad' } as const;

/** 'denied' → "nekad". */
export function auditOutcomeLabel(outcome: string): string {
  return (AUDIT_OUTCOME_LABELS as Record<string, string>)[outcome] ?? outcome;
}

/** What an audit entry says about its object (only ids; see AuditEvent in server/store/audit-log.ts). */
export interface AuditObjectRef {
  action: string;
  family: string | null;
  object: string | null;
}

/**
 * A readable name for an entry's object, from the study as it is now: a document's title, a family's
 * pseudonym, "markering i Familj A", a question's label, an account's name. Falls back to the id, and
 * to null when the entry has no object.
 */
export function auditObjectLabel(
  entry: AuditObjectRef, study: Study, userName: (id: string) => string | null, codeName: (id: string) => string | null = () => null,
): string | null {
  const { action, object } = entry;
  if (!object) return null;
  const pseudonym = (id: string | null) => (id ? study.families.find((f) => f.id === id)?.pseudonym ?? id : null);
  const [kind] = action.split('.');
  switch (kind) {
    case 'document':
      return study.documents.find((d) => d.id === object)?.title ?? object;
    case 'annotation': {
      const family = pseudonym(entry.family);
      return family ? `markering i ${family}` : object;
    }
    case 'reflection':
      if (object === 'summary') return 'Sammanfattning';
      return study.questions.find((q) => q.id === object)?.label ?? object;
    case 'family':
      return pseudonym(object) ?? object;
    case 'user':
      return userName(object) ?? object;
    case 'code':
    case 'codings':
      return codeName(object) ?? object;
    case 'coding':
    case 'memo': {
      const family = pseudonym(entry.family);
      const what = kind === 'coding' ? 'kodning' : 'memo';
      return family ? `${what} i ${family}` : what;
    }
    default:
      return object;
  }
}
