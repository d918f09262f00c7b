// The domain model of Backspegel: what is stored and what the HTTP API returns.
// Pure types, shared by server and client (the client imports them with `import type`).
import type { Checklist } from './checklist/checklist-types.ts';
import type { InventoryConfig } from './inventory/inventory-types.ts';
import type { NameRule } from './pseudonymise-names.ts';

/** A user's role within one study. Admin is an account-level flag, not a study role. */
export type StudyRole = 'lead' | 'researcher' | 'caseworker';

/** The kind of a dated entry in a case file, recognised from its heading. */
export type EntryKind =
  | 'anmalan'
  | 'ansokan'
  | 'utredning'
  | 'beslut'
  | 'journalanteckning'
  | 'uppfoljning'
  | 'sip'
  | 'placering'
  | 'ovrigt';

/** One dated entry of a case file: offsets into the document's normalised text. */
export interface Entry {
  start: number;
  end: number;
  /** ISO date, YYYY-MM-DD */
  date: string;
  kind: EntryKind;
  /** The heading text after the date, e.g. "Orosanmälan från skolan". */
  title: string;
}

/** A structured reflection question of a study; data, not code. */
export interface ReflectionQuestion {
  /** Stable id used in URLs and annotations, e.g. "tidiga-tecken". */
  id: string;
  /** Short label shown on markers and buttons, e.g. "Tidiga tecken". */
  label: string;
  /** The full question as put to the caseworker. */
  text: string;
}

export interface StudyMember {
  userId: string;
  role: StudyRole;
}

export interface Family {
  /** e.g. "familj-a" */
  id: string;
  /** e.g. "Familj A" */
  pseudonym: string;
  /** ISO date the family became known to social services. */
  activeFrom: string;
  /** ISO date the case closed; null while still open. */
  activeTo: string | null;
  /** User ids of the caseworkers assigned to this family. */
  assignedTo: string[];
  /** Names the lead listed for pseudonymisation, as keyed hashes with their labels (never in clear). */
  nameRules?: NameRule[];
  /** What the study chose its families by (the seed: known > 10 years, still open, most costly). */
  attributes?: FamilyAttributes;
  /** Bumped by every edit of the family itself (If-Match on PATCH). Missing = 1. */
  version?: number;
}

export interface FamilyAttributes {
  /** Number of children in the family. */
  children?: number;
  /** Number of out-of-home placements over the years. */
  placements?: number;
  /** The family's cost band, as the municipality counts it. */
  costBand?: 'låg' | 'medel' | 'hög';
  /** Anything else the study chose its families by, e.g. `{ "skolbyten": 4 }`. */
  [other: string]: string | number | boolean | undefined;
}

export interface DocumentMeta {
  id: string;
  familyId: string;
  title: string;
  /** 'akt' for a case file; otherwise the kind of its first entry. */
  kind: string;
  /** ISO date of the first dated entry, or of the import when it has none. */
  date: string;
  /** Length of the normalised text in UTF-16 code units (JS string length). */
  length: number;
  entryCount: number;
  sha256: string;
  importedAt: string;
  importedBy: string;
}

export type LegalBasis = 'follow-up' | 'research';

/** A case-file study (families, documents, annotations) or a målgruppsinventering (children rated on a scale). */
export type StudyKind = 'case-file' | 'inventory';

export interface Study {
  id: string;
  title: string;
  description: string;
  /** How the families were chosen (free text), e.g. "känd > 10 år, pågående, mest kostsam". */
  selectionCriteria?: string;
  /** The template the study was created from. */
  template?: string;
  /** Absent in studies stored before inventories existed: a case-file study. */
  kind?: StudyKind;
  /** The inventory's scale, criteria, units and age bands (kind 'inventory' only). */
  inventory?: InventoryConfig;
  /** The kortutredning checklist investigations are appraised with (case-file studies; absent: the default one). */
  checklist?: Checklist;
  /** A closed study is read-only (exports still allowed); only a closed study can be erased. */
  status?: 'open' | 'closed';
  closedAt?: string | null;
  closedBy?: string | null;
  legalBasis: LegalBasis;
  ethicsApproval: string | null;
  endDate: string | null;
  questions: ReflectionQuestion[];
  members: StudyMember[];
  families: Family[];
  documents: DocumentMeta[];
  version: number;
}

/** W3C Web Annotation text selectors combined: position plus quote. */
export interface TextTarget {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Annotation {
  id: string;
  documentId: string;
  familyId: string;
  questionId: string;
  target: TextTarget;
  /** Markdown */
  comment: string;
  /** Was this sign known to social services at the time (hindsight-bias guard)? null = not stated. */
  knownAtTheTime: boolean | null;
  authorId: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** How an annotation's target relates to the current text, computed on read. */
export type AnchorStatus = 'anchored' | 'reanchored' | 'orphan';

/** An annotation as the API returns it: the stored one, verified against the text. */
export interface AnnotationView extends Annotation {
  anchor: AnchorStatus;
  authorName: string;
}

/** 'summary' or a question id. */
export type ReflectionKey = string;

export interface Reflection {
  familyId: string;
  key: ReflectionKey;
  /** Markdown */
  text: string;
  version: number;
  updatedAt: string | null;
  /** Display name of who saved it last. */
  updatedBy: string | null;
  /** Account id of who saved it last (the client tells "you, in another tab" from someone else). */
  updatedById: string | null;
}

/** Per-family progress of the current user. */
export interface FamilyProgress {
  annotationsByQuestion: Record<string, number>;
  reflectionsWritten: number;
  summaryWritten: boolean;
}

export interface FamilyView {
  id: string;
  pseudonym: string;
  activeFrom: string;
  activeTo: string | null;
  documentCount: number;
  progress: FamilyProgress;
  /** What the study chose the family by (children, placements, cost band); {} when none is recorded. */
  attributes: FamilyAttributes;
  /** For If-Match when the lead edits the family (PATCH). */
  version: number;
  /** The current user's reading: document id → the highest entry index (0-based) reached in the reader. */
  reading: Record<string, number>;
  /** What the current user may do in this family (from server/domain/access.ts), so the client offers only that. */
  permissions: FamilyPermissions;
}

export interface FamilyPermissions {
  /** Mark passages in the case file. */
  annotate: boolean;
  /** Write the summary and the reflections. */
  reflect: boolean;
  /** Import case files. */
  import: boolean;
  /** Code, write meta-reflections and change the codebook (a researcher or the lead, in an open study). */
  code: boolean;
}

/** One caseworker's progress on one family, as the lead's progress overview shows it. */
export interface CaseworkerProgress extends FamilyProgress {
  userId: string;
  displayName: string;
  /** Entries of the family's documents read: per document, the highest entry reached (capped at its entry count). */
  entriesRead: number;
}

/** GET /api/studies/:study/progress (lead only). */
export interface StudyProgress {
  families: {
    id: string;
    pseudonym: string;
    documentCount: number;
    entryCount: number;
    caseworkers: CaseworkerProgress[];
  }[];
  questions: { id: string; label: string }[];
}

export interface StudySummary {
  id: string;
  title: string;
  description: string;
  role: StudyRole;
  kind: StudyKind;
}

/** A member of the study as researchers and the lead see them: whose annotations, reflections and memos are whose. */
export interface StudyPerson {
  id: string;
  displayName: string;
  role: StudyRole;
}

export interface StudyView extends StudySummary {
  /** The study's members, for researchers and the lead (e.g. the search's author filter); [] for caseworkers. */
  people: StudyPerson[];
  /** For If-Match when the lead changes settings, members or assignments. */
  version: number;
  selectionCriteria: string;
  status: 'open' | 'closed';
  closedAt: string | null;
  /** Annotations exist: the questions can be reworded, not added, removed or reordered. */
  questionsLocked: boolean;
  legalBasis: LegalBasis;
  ethicsApproval: string | null;
  endDate: string | null;
  questions: ReflectionQuestion[];
  kind: StudyKind;
  /** Kind 'inventory' only. */
  inventory?: InventoryConfig;
}

export interface DocumentView {
  id: string;
  familyId: string;
  title: string;
  text: string;
  entries: Entry[];
}

/** GET …/documents/:doc?head=<n>: the text up to the end of the entry crossing n, its entries, and the whole text's length. */
export interface DocumentHeadView extends DocumentView {
  length: number;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  admin: boolean;
  /** May create studies (admins always may). */
  mayCreateStudies: boolean;
}

// ——— The researcher's workspace: codebook, codings, memos, matrices ———

/** One code of a study's hierarchical codebook. */
export interface Code {
  id: string;
  name: string;
  /** Plain text or Markdown: what the code means and when to apply it. */
  description: string;
  /** "#rrggbb"; shown beside the name, never as the only sign of a code. */
  color: string;
  /** The parent code; null for a top-level code. */
  parentId: string | null;
  /** Citation keys of works in the study's reference library that the code draws on; absent for none. */
  references?: string[];
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  version: number;
}

/** What the client sends to code something (POST /codings `target`). */
export type CodingTargetInput =
  | { type: 'annotation'; id: string }
  /** A caseworker's reflection, whole, or a passage of it when start/end/exact are given. */
  | { type: 'reflection'; familyId: string; key: string; start?: number; end?: number; exact?: string }
  /** A passage of a case-file document. */
  | { type: 'passage'; documentId: string; start: number; end: number; exact: string };

/** A coding's target as stored: passages carry their quote selectors for re-anchoring. */
export type CodingTarget =
  | { type: 'annotation'; id: string }
  | { type: 'reflection'; familyId: string; key: string; passage: TextTarget | null }
  | ({ type: 'passage'; documentId: string } & TextTarget);

/** One code applied to one segment. Several codings may share a segment; segments may overlap. */
export interface Coding {
  id: string;
  codeId: string;
  target: CodingTarget;
  /** The family the segment belongs to. */
  familyId: string;
  createdBy: string;
  createdAt: string;
  version: number;
}

/** The segment behind a coding, resolved for display: where it is and what it says. */
export interface CodedSegment {
  familyId: string;
  familyPseudonym: string;
  /** The document of an annotation or passage; null for a reflection. */
  documentId: string | null;
  documentTitle: string | null;
  /** Offset in the document (annotation, passage) or the reflection text (a passage of it). */
  start: number | null;
  /** The date of the entry the segment is in; null for a reflection. */
  date: string | null;
  /** The annotation's question, or the reflection's (null for the summary and for passages). */
  questionId: string | null;
  /** The coded text itself. */
  text: string;
  /** The caseworker's comment on a coded annotation. */
  comment: string | null;
  annotationId: string | null;
  /** The reflection key of a coded reflection. */
  reflectionKey: string | null;
  /** The passage could not be found in the text any more. */
  orphan: boolean;
}

/** GET /codings: a coding with its code's name, its coder and its segment. */
export interface CodingView extends Coding {
  codeName: string;
  createdByName: string;
  segment: CodedSegment;
}

/** What a memo is about. A memo about a reflection (id "<familyId>:<key>") is a meta-reflection. */
export interface MemoAbout {
  type: 'study' | 'family' | 'code' | 'reflection';
  id: string;
}

export interface Memo {
  id: string;
  title: string;
  /** Markdown */
  body: string;
  about: MemoAbout;
  /** The family it concerns (a family memo or a meta-reflection); null for the study and codes. */
  familyId: string | null;
  /** Citation keys of works in the study's reference library the memo is linked to; absent for none. */
  references?: string[];
  authorId: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface MemoView extends Memo {
  authorName: string;
}

/** GET /matrix: counts of codings per code (rows, in codebook order) and question or family. */
export interface CodeMatrix {
  rows: { id: string; label: string; color: string; parentId: string | null; depth: number }[];
  cols: { id: string; label: string }[];
  /** The code's own codings per column. */
  cells: number[][];
  /** The same with every descendant code's codings added: what a folded row shows. */
  rollup: number[][];
  /** With `&cell=r,c`: the codings behind that cell (`&rollup=1`: with the descendants'). */
  segments?: CodingView[];
}

/** GET /overview: the study's totals for researchers and the lead. */
export interface ResearchOverview {
  questions: { id: string; label: string }[];
  families: {
    id: string;
    pseudonym: string;
    /** Annotations and codings per question id (codings of annotations and reflections on that question). */
    byQuestion: Record<string, { annotations: number; codings: number; reflection: boolean }>;
    annotations: number;
    /** Reflections with text, the summary included. */
    reflections: number;
    codings: number;
    memos: number;
  }[];
  totals: { annotations: number; reflections: number; codings: number; memos: number; codes: number };
}

// ——— Agreement rounds: blind double coding of the same units ———

/** What one unit of a round is: an annotation, or a passage of a case-file document (stored with its quote selectors). */
export type RoundUnitTarget = Extract<CodingTarget, { type: 'annotation' } | { type: 'passage' }>;

/** A unit of a round, with how the lead or the round's creator settled it after the round closed. */
export interface RoundUnit {
  /** The round's own id for the unit (`:unit` in the URL). */
  id: string;
  target: RoundUnitTarget;
  familyId: string;
  resolution: RoundResolution | null;
}

export interface RoundResolution {
  codeIds: string[];
  /** The study codings the resolution created (codes the segment already had are not among them). */
  codingIds: string[];
  by: string;
  at: string;
}

/** How a round's units were drawn at random: enough to draw them again from the same pool. */
export interface RoundSample {
  from: 'annotations';
  n: number;
  seed: number;
  family: string | null;
  question: string | null;
  /** How many annotations there were to draw from. */
  pool: number;
}

export interface AgreementRound {
  id: string;
  title: string;
  /** The categories: codes of the codebook, in the order the round was set up with. */
  codeIds: string[];
  /** Researchers or the lead who code every unit, each blind to the others while the round is open. */
  coderIds: string[];
  /** A coder (the lead or the round's creator) whose coding is the reference for the others; null for none. */
  goldStandard: string | null;
  /** The value a coder must reach against the gold standard to pass. */
  threshold: number;
  status: 'open' | 'closed';
  units: RoundUnit[];
  sample: RoundSample | null;
  createdBy: string;
  createdAt: string;
  closedBy: string | null;
  closedAt: string | null;
  version: number;
}

/** One coder's coding of one unit; id `<roundId>:<unitId>:<coderId>`. An empty list: coded, no code applies. */
export interface RoundCoding {
  id: string;
  roundId: string;
  unitId: string;
  coderId: string;
  codeIds: string[];
  updatedAt: string;
  version: number;
}

/** A statistic, or null with the reason it is undefined (see server/domain/agreement). */
export interface RoundStatistic {
  value: number | null;
  reason: string | null;
}

/** What a closed round measured. Every value is null with a reason when the data cannot define it. */
export interface AgreementResult {
  alpha: {
    /** Krippendorff's α (nominal), each coder's set of codes for a unit taken as one category. */
    nominal: number | null;
    reason: string | null;
    /** Krippendorff's α (nominal) per code, on presence/absence. */
    perCode: ({ codeId: string } & RoundStatistic)[];
  };
  /** Cohen's κ per code (presence/absence) and pair of coders. */
  kappa: ({ codeId: string; coders: [string, string] } & RoundStatistic)[];
  /** Pairwise share of agreeing coders on the unit's whole set of codes, and per code. */
  percentAgreement: RoundStatistic & { perCode: ({ codeId: string } & RoundStatistic)[] };
  /** Units on which the coders who coded them gave different sets of codes. */
  disagreements: { unit: string; codings: Record<string, string[]> }[];
  /** With a gold standard: each other coder against it. */
  gold: GoldComparison[] | null;
}

export interface GoldComparison {
  coder: string;
  /** Mean over the round's codes of Cohen's κ (presence/absence) against the gold standard, codes with a value only. */
  kappa: RoundStatistic;
  /** Share of unit × code decisions (applied or not) that match the gold standard. */
  percentAgreement: RoundStatistic;
  /** κ (or, where κ is undefined for every code, the percent agreement) ≥ the round's threshold; null when neither has a value. */
  passed: boolean | null;
}

/** A round's unit as the API shows it: the segment in context, my coding, and (once closed) everyone's. */
export interface RoundUnitView {
  id: string;
  type: RoundUnitTarget['type'];
  segment: CodedSegment;
  /** My codes for the unit; null when I have not coded it (or am not a coder). */
  mine: string[] | null;
  /** Once closed, to the round's coders, its creator and the lead: every coder's codes (coders who coded it). */
  codings?: Record<string, string[]>;
  resolution: RoundResolution | null;
}

/** GET /agreement-rounds: a round without its units' content. */
export interface AgreementRoundSummary extends Omit<AgreementRound, 'units'> {
  unitCount: number;
  /** How many units I have coded, when I am a coder. */
  myCoded: number | null;
}

/**
 * GET /agreement-rounds/:id. Where `result` is given, its fields are repeated at the top level too, so
 * that a client may read `alpha`, `kappa`, `percentAgreement`, `disagreements` and `gold` either way.
 */
export interface AgreementRoundView extends Omit<AgreementRound, 'units'>, Partial<AgreementResult> {
  codes: { id: string; name: string | null; color: string | null }[];
  coders: { id: string; displayName: string }[];
  units: RoundUnitView[];
  /** To the lead and the round's creator: how many units each coder has coded, never what. */
  progress: { coder: string; coded: number }[] | null;
  /** Once closed, to the round's coders, its creator and the lead; null otherwise. */
  result: AgreementResult | null;
}

// ——— Search ———

/** What a search hit is: a dated entry of a case file, an annotation, a reflection, an investigation's appraisal, a memo or a målgruppsinventering child's rating. */
export type HitType = 'entry' | 'annotation' | 'reflection' | 'appraisal' | 'memo' | 'rating';

/** One hit of GET /search. */
export interface SearchHit {
  type: HitType;
  /** 'e:<documentId>:<start>', 'a:<annotationId>', 'r:<familyId>:<key>', 'b:<appraisalId>', 'm:<memoId>' or 'g:<childId>:<raterId>' (a rating). */
  id: string;
  title: string;
  snippet: string;
  /** Where the query's words are in `snippet`: [start, end) offsets, in order. Plain text, for the client to mark. */
  highlights: [number, number][];
  score: number;
  /** null for a memo about the study or a code. */
  familyId: string | null;
  documentId: string | null;
  /** Offset in the document: where an entry or an annotation starts, or an appraised investigation's start entry. */
  start: number | null;
  questionId: string | null;
  authorId: string | null;
  year: number | null;
  /** A målgruppsinventering rating's child (its reason is the hit's text; the rater is `authorId`); null for the other kinds. */
  childId: string | null;
}

/** GET /search: one page of hits and the number of all matches. */
export interface SearchPage {
  hits: SearchHit[];
  total: number;
}
