// The kortutredning checklist: a checklist and its manual as data in a study template, used to
// appraise each investigation (started → decided) found in a family's chronology. Shared by server
// and client (the client imports these with `import type`).

/** BBIC's three sides of the triangle. */
export type BbicSide = 'barnets-behov' | 'foraldrarnas-formaga' | 'familj-och-miljo';

export interface ChecklistItem {
  /** Stable id used in appraisals and exports, e.g. "barnets-halsa". */
  id: string;
  label: string;
  /** The manual's guidance for this item: what the file should show. */
  help: string;
}

export interface ChecklistSide {
  id: BbicSide;
  label: string;
  items: ChecklistItem[];
}

export interface Checklist {
  id: string;
  title: string;
  /** The manual's introduction (Markdown): what a kortutredning is and how to appraise one. */
  manual: string;
  sides: ChecklistSide[];
}

/** What the appraiser found for one item: the file shows it, it is missing, or it does not apply. */
export type ItemFinding = 'shown' | 'missing' | 'not-applicable';

/**
 * One appraisal of one investigation (family record collection `appraisals`, id = the investigation id
 * `<documentId>:<startEntryIndex>`). Dates set here override those found in the chronology.
 */
export interface InvestigationAppraisal {
  id: string;
  /** ISO dates corrected by hand; null keeps the one found. */
  start: string | null;
  decided: string | null;
  findings: Record<string, ItemFinding>;
  comment: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** `GET …/families/:family/investigations`: each investigation found, with its appraisal merged in. */
export interface InvestigationView {
  id: string;
  familyId: string;
  documentId: string;
  /** The heading of the start entry, and its offset for a link into the reader. */
  startTitle: string;
  startOffset: number;
  /** As found in the chronology. */
  found: { start: string; decided: string | null };
  /** In effect: the appraisal's correction, else what was found. */
  start: string;
  decided: string | null;
  days: number | null;
  limit: string;
  overLimit: boolean;
  extended: boolean;
  short: boolean;
  appraisal: Omit<InvestigationAppraisal, 'id'> | null;
  /** If-Match for saving the appraisal (0 before the first save). */
  version: number;
}

/** `GET …/investigations/summary`: the study-wide picture across the families the user may see. */
export interface InvestigationSummary {
  total: number;
  decided: number;
  overLimit: number;
  appraised: number;
  medianDays: number | null;
  byYear: { year: number; n: number; overLimit: number; medianDays: number | null }[];
  byFamily: { familyId: string; pseudonym: string; n: number; overLimit: number; medianDays: number | null }[];
  /** Per checklist item over appraised investigations, most often missing first. */
  items: { item: string; side: BbicSide; shown: number; missing: number; notApplicable: number }[];
}
