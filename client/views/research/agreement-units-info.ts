// How a round's units were chosen, in words: by hand, or drawn at random (its n, pool and seed, so the draw
// can be repeated), from one family or question if the draw was so restricted.
import type { AgreementRoundView, StudyView } from '../../../server/domain/types.ts';
import { t } from '../../i18n/sv.ts';

export function unitsInfo(study: StudyView, round: AgreementRoundView): string {
  const sample = round.sample;
  if (!sample) return t('agreement.handInfo', { n: round.units.length });
  const { n, pool, seed } = sample;
  // The units were drawn from the family, so one of them names it.
  const family = sample.family && (round.units.find((u) => u.segment.familyId === sample.family)?.segment.familyPseudonym ?? sample.family);
  const question = sample.question && (study.questions.find((q) => q.id === sample.question)?.label ?? sample.question);
  const limit = family && question ? t('agreement.limitBoth', { family, question })
    : family ? t('agreement.limitFamily', { family })
    : question ? t('agreement.limitQuestion', { question })
    : '';
  return limit ? t('agreement.sampleInfoLimited', { n, pool, seed, limit }) : t('agreement.sampleInfo', { n, pool, seed });
}
