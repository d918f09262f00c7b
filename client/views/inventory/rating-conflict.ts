// A rating save that met a newer stored rating (409): the stored rating read from the answer, and described
// in words beside the user's own choice.
import type { InventoryChildView, InventoryConfig, InventoryRating } from '../../../server/domain/inventory/inventory-types.ts';
import { t } from '../../i18n/sv.ts';
import { labelOf } from './inventory-format.ts';

export type StoredRating = Pick<InventoryRating, 'level' | 'criteria' | 'reason'>;

/** The stored rating and its version from a 409 answer's `current` (a child view or a bare rating). */
export function storedFrom(current: unknown): { rating: StoredRating | null; version: number } | null {
  if (!current || typeof current !== 'object') return null;
  const c = current as Partial<InventoryChildView> & Partial<InventoryRating>;
  if ('rating' in c && typeof c.version === 'number') return { rating: c.rating ?? null, version: c.version };
  if (typeof c.level === 'string' && typeof c.version === 'number') return { rating: { level: c.level, criteria: c.criteria ?? [], reason: c.reason ?? '' }, version: c.version };
  return null;
}

/** "Komplex livssituation; Våld i hemmet, …; "reason"" for a stored rating shown beside a conflict. */
export function describeStored(rating: StoredRating | null, config: InventoryConfig | undefined): string {
  if (!rating || !config) return t('inventory.conflictNone');
  const parts = [labelOf(config.scale, rating.level), ...rating.criteria.map((c) => labelOf(config.criteria, c))];
  return `${parts.join(', ')}${rating.reason ? ` – ”${rating.reason}”` : ''}`;
}
