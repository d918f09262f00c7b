// Inter-coder agreement: percent agreement, Cohen's κ, Krippendorff's α and Fleiss' κ over a
// reliability data matrix (units × coders, null = missing), plus per-code presence matrices for units
// that carry several codes. Pure functions; undefined statistics come back as { value: null, reason }.
export {
  disagreements, fromCoderRows,
  type Category, type Disagreement, type ReliabilityData, type UndefinedReason,
} from './reliability-data.ts';
export { percentAgreement, type PercentAgreementResult } from './percent-agreement.ts';
export {
  cohenKappa, cohenKappaFromTable, cohenKappaPairs,
  type CoderPairKappa, type KappaOptions, type KappaResult, type KappaWeights,
} from './cohen-kappa.ts';
export {
  coincidenceMatrix, krippendorffAlpha,
  type AlphaLevel, type AlphaOptions, type AlphaResult, type Coincidences,
} from './krippendorff-alpha.ts';
export { categoryCounts, fleissKappa, type CategoryCounts, type FleissResult } from './fleiss-kappa.ts';
export { presenceMatrices, type CodeSet, type MultiCodeData } from './presence.ts';
