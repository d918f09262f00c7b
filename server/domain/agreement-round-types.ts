// Agreement rounds: blind double coding of the same units, and what a closed round measured.
import type { CodedSegment, CodingTarget } from './research-types.ts';

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
