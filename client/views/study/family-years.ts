// How a family's years in the case file are written: "2009–pågående" or "2009–2021".
import type { FamilyView } from '../../../server/domain/types.ts';
import { t } from '../../i18n/sv.ts';

/** "2009–pågående" or "2009–2021". */
export function familyYears(f: Pick<FamilyView, 'activeFrom' | 'activeTo'>): string {
  return `${f.activeFrom.slice(0, 4)}–${f.activeTo ? f.activeTo.slice(0, 4) : t('study.ongoing')}`;
}
