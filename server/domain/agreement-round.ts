// Agreement rounds: drawing units at random with a seed, who may see what in a round, and the round's
// result from its coders' codings. Pure; the statistics themselves are in ./agreement/.
//
// A coder may give a unit any number of the round's codes, so there is no single "category" per unit.
// The result measures agreement two ways:
// - per code, as presence/absence (presenceMatrices): Cohen's κ for every code and pair of coders,
//   Krippendorff's α and percent agreement per code. This is the diagnostic view: which code is
//   applied unreliably, and by whom.
// - over the whole unit: Krippendorff's α (nominal) and percent agreement with each coder's *set* of
//   codes for the unit as one category (the empty set, "no code applies", is a category too). When
//   every coder gives one code per unit, the usual design of a reliability round, this is exactly the
//   textbook nominal α over the codes. With several codes per unit it is strict: a partial overlap
//   counts as a disagreement, so it never flatters a codebook. α per code averaged was the alternative;
//   it was not chosen as the headline because a mean of α over separate variables is not itself an α
//   (Krippendorff advises reporting each variable and judging by the weakest), and the per-code values
//   are in the result anyway.
// A coder who has not coded a unit is missing data (null), never "no code": α leaves such units out,
// κ skips them for that pair.
import {
  cohenKappa, cohenKappaPairs, disagreements, krippendorffAlpha, percentAgreement, presenceMatrices,
  type ReliabilityData, type UndefinedReason,
} from './agreement/index.ts';
import { mulberry32 } from './seeded-random.ts';
import type { AgreementResult, AgreementRound, GoldComparison, RoundStatistic, StudyRole } from './types.ts';


/**
 * `n` items of `pool` drawn without replacement, in the order drawn: a Fisher–Yates shuffle from the
 * front, stopped after `n` steps. The same pool (in the same order) and seed always give the same
 * units, and a larger `n` only adds units after the ones a smaller one drew. The caller orders the
 * pool stably (e.g. by id) and checks that `n` is not larger than it.
 */
export function seededSample<T>(pool: readonly T[], n: number, seed: number): T[] {
  if (n > pool.length) throw new RangeError(`Cannot draw ${n} of ${pool.length}.`);
  const rng = mulberry32(seed);
  const order = [...pool];
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng() * (order.length - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order.slice(0, n);
}

/** A user's place in a round. */
export interface RoundStanding {
  /** Codes the round's units. */
  coder: boolean;
  /** The lead or the round's creator: sees progress, closes the round, settles disagreements. */
  manager: boolean;
  /** Sees every coding and the result once the round is closed. */
  involved: boolean;
}

export function roundStanding(round: Pick<AgreementRound, 'coderIds' | 'createdBy'>, userId: string, role: StudyRole): RoundStanding {
  const coder = round.coderIds.includes(userId);
  const manager = role === 'lead' || round.createdBy === userId;
  return { coder, manager, involved: coder || manager };
}

/** The round's codings: unit id → coder id → code ids. */
export type RoundCodingIndex = ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;

const statistic = (s: { value: number | null; reason: UndefinedReason | null }): RoundStatistic => ({ value: s.value, reason: s.reason });

/** Statistics over `data` per code, as { codeId, value, reason }. */
function perCode(codeIds: readonly string[], presence: Map<string, ReliabilityData<boolean>>, measure: (d: ReliabilityData<boolean>) => RoundStatistic) {
  return codeIds.map((codeId) => ({ codeId, ...measure(presence.get(codeId)!) }));
}

/** The result of a round from its codings (see the top of this file for what is measured and why). */
export function roundResult(round: Pick<AgreementRound, 'codeIds' | 'coderIds' | 'units' | 'goldStandard' | 'threshold'>, codings: RoundCodingIndex): AgreementResult {
  const { codeIds, coderIds, units } = round;
  // Each coder's codes for each unit in the round's code order, so that equal sets have equal keys;
  // codes outside the round (none are accepted, but a stored record is not trusted) are dropped.
  const sets: (string[] | null)[][] = units.map((u) => coderIds.map((coder) => {
    const given = codings.get(u.id)?.get(coder);
    return given ? codeIds.filter((id) => given.includes(id)) : null;
  }));
  // Code ids are safe ids (no spaces), so the joined list is an unambiguous key; '' is "no code".
  const setData = sets.map((row) => row.map((s) => (s === null ? null : s.join(' '))));
  const presence = presenceMatrices(sets, codeIds);

  const percent = percentAgreement(setData);
  const alpha = krippendorffAlpha(setData);
  const kappa = codeIds.flatMap((codeId) =>
    cohenKappaPairs(presence.get(codeId)!).map(({ coders: [a, b], kappa: k }) => ({
      codeId, coders: [coderIds[a]!, coderIds[b]!] as [string, string], ...statistic(k),
    })));

  return {
    alpha: { nominal: alpha.value, reason: alpha.reason, perCode: perCode(codeIds, presence, (d) => statistic(krippendorffAlpha(d))) },
    kappa,
    percentAgreement: { ...statistic(percent), perCode: perCode(codeIds, presence, (d) => statistic(percentAgreement(d))) },
    disagreements: disagreements(setData).map(({ unit }) => ({
      unit: units[unit]!.id,
      codings: Object.fromEntries(coderIds.flatMap((coder, i) => (sets[unit]![i] ? [[coder, sets[unit]![i]!]] : []))),
    })),
    gold: round.goldStandard ? goldComparisons(round, presence, round.goldStandard) : null,
  };
}

/**
 * Each coder but the gold standard against it. One number per coder is wanted (pass or not), so κ is
 * the mean of the per-code κ values that are defined — the macro average over the round's codes, each
 * code being one yes/no judgement — and the percent agreement is the share of unit × code decisions
 * both made that match. Codes whose κ is undefined (typically: neither applied the code anywhere, i.e.
 * no variation) say nothing about chance-corrected agreement and are left out of the mean; when that
 * leaves no code at all, the percent agreement decides.
 */
function goldComparisons(
  round: Pick<AgreementRound, 'codeIds' | 'coderIds' | 'units' | 'threshold'>, presence: Map<string, ReliabilityData<boolean>>, gold: string,
): GoldComparison[] {
  const g = round.coderIds.indexOf(gold);
  if (g < 0) return [];
  return round.coderIds.flatMap((coder, i): GoldComparison[] => {
    if (i === g) return [];
    const kappas: number[] = [];
    let reason: UndefinedReason | null = null;
    let decisions = 0;
    let matching = 0;
    for (const codeId of round.codeIds) {
      const data = presence.get(codeId)!;
      const mine = data.map((unit) => unit[i]!);
      const theirs = data.map((unit) => unit[g]!);
      const k = cohenKappa(mine, theirs);
      if (k.value !== null) kappas.push(k.value);
      else reason ??= k.reason;
      mine.forEach((v, u) => {
        if (v === null || theirs[u] === null) return;
        decisions++;
        if (v === theirs[u]) matching++;
      });
    }
    const kappa: RoundStatistic = kappas.length
      ? { value: kappas.reduce((s, v) => s + v, 0) / kappas.length, reason: null }
      : { value: null, reason: reason ?? 'no-units' };
    const percent: RoundStatistic = decisions
      ? { value: matching / decisions, reason: null }
      : { value: null, reason: round.units.length ? 'no-pairable-units' : 'no-units' };
    const deciding = kappa.value ?? percent.value;
    return [{ coder, kappa, percentAgreement: percent, passed: deciding === null ? null : deciding >= round.threshold }];
  });
}
