// The målgruppsinventering (target-group inventory): a study of kind 'inventory' lists children and
// their caseworker; each child gets one rating on an ordinal scale with the criteria met and a short
// reason. A sample drawn by the lead is rated a second time, blind, for agreement (weighted κ).
// Shared by server and client (the client imports these with `import type`).

/** One step of the ordinal rating scale, lowest first (the default: none, simple, moderate, complex). */
export interface InventoryLevel {
  /** Stable id used in ratings and exports, e.g. "komplex". */
  id: string;
  label: string;
  /** What the step means, shown as help beside the choice. */
  description: string;
}

/** One item of the criteria checklist ("several agencies involved", "violence in the home" …). */
export interface InventoryCriterion {
  id: string;
  label: string;
  help: string;
}

/** One unit of the IFO the children belong to (the seed: utredning or insats group). */
export interface InventoryUnit {
  id: string;
  label: string;
}

/** The instrument as data: copied from the template into the study when it is created. */
export interface InventoryConfig {
  /** Ordered lowest to highest; the last level is the one "complex" counts (e.g. for turning children into families). */
  scale: InventoryLevel[];
  criteria: InventoryCriterion[];
  units: InventoryUnit[];
  /** Age bands offered in the CSV, e.g. "0-5", "6-12", "13-17". */
  ageBands: string[];
}

/** A child on the list (record collection `inventoryChildren`, study level). Never a name or personnummer. */
export interface InventoryChild {
  /** e.g. "barn-0001" */
  id: string;
  /** As imported, e.g. "Barn 0001"; unique within the study. */
  pseudonym: string;
  /** An InventoryUnit id. */
  unit: string;
  ageBand: string;
  /** The user id of the child's caseworker: the one who rates the child. */
  caseworkerId: string;
  /** The second, blind rater when the child is in the double-rated sample; otherwise null. */
  secondRaterId: string | null;
  version: number;
  createdAt: string;
  createdBy: string;
}

/** One rater's rating of one child (record collection `inventoryRatings`, id `<childId>:<raterId>`). */
export interface InventoryRating {
  id: string;
  childId: string;
  raterId: string;
  /** An InventoryLevel id. */
  level: string;
  /** InventoryCriterion ids, in the checklist's order. */
  criteria: string[];
  reason: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** What `GET …/inventory/children` lists: the child and the asking user's own rating (never the other rater's). */
export interface InventoryChildView {
  id: string;
  pseudonym: string;
  unit: string;
  ageBand: string;
  caseworker: { id: string; displayName: string };
  /** 'first': the asking user is the child's caseworker; 'second': the blind second rater; null: lead/researcher. */
  myPart: 'first' | 'second' | null;
  inSample: boolean;
  /** The asking user's rating, or (for the lead and researchers) the caseworker's; null when not rated yet. */
  rating: Pick<InventoryRating, 'level' | 'criteria' | 'reason' | 'version' | 'updatedAt'> | null;
  /** The version to send as If-Match when saving the asking user's rating (0 when there is none). */
  version: number;
}

export interface LevelShare {
  level: string;
  n: number;
  /** n / rated children (0 when none are rated). */
  share: number;
  /** 95 % Wilson interval of the share; null when no child is rated. */
  ci95: [number, number] | null;
}

/** `GET …/inventory/summary`: the caseworkers' (first) ratings; the second ratings only enter κ. */
export interface InventorySummary {
  total: number;
  rated: number;
  levels: LevelShare[];
  units: { unit: string; total: number; rated: number; levels: LevelShare[] }[];
  /** How often each criterion was ticked, over rated children. */
  criteria: { criterion: string; n: number }[];
  /** Agreement on the double-rated sample (pairs where both have rated); null before any pair exists. */
  kappa: { n: number; sample: number; linear: number | null; quadratic: number | null; unweighted: number | null; observed: number } | null;
}
