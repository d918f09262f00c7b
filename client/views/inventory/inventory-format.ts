// Small pure helpers of the inventory pages: Swedish percentages and κ, labels of a config's ids, and
// the order and status of a caseworker's children.
import type { InventoryChildView, InventoryConfig } from '../../../server/domain/inventory/inventory-types.ts';
import { t } from '../../i18n/sv.ts';

const oneDecimal = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A share 0–1 as "6,6 %" (no-break space before the sign, as Swedish typography wants). */
export function formatShare(share: number): string {
  return `${oneDecimal.format(share * 100)}\u00a0%`;
}

/** A 95 % interval as "4,9–8,8 %"; "–" when there is none. */
export function formatInterval(ci: [number, number] | null): string {
  return ci ? `${oneDecimal.format(ci[0] * 100)}–${oneDecimal.format(ci[1] * 100)}\u00a0%` : '–';
}

/** κ or an agreement share as "0,78"; "–" when it cannot be computed. */
export function formatKappa(value: number | null): string {
  return value === null ? '–' : twoDecimals.format(value);
}

/** The label of a scale level, criterion or unit by id (the id itself when the config lacks it). */
export function labelOf(items: readonly { id: string; label: string }[], id: string): string {
  return items.find((i) => i.id === id)?.label ?? id;
}

/** The id of the top level (the one turned into families), e.g. "komplex". */
export function topLevel(config: InventoryConfig): string {
  return config.scale[config.scale.length - 1]!.id;
}

/** Unrated children first, then the rest; within each group the server's order (by pseudonym). */
export function unratedFirst(children: readonly InventoryChildView[]): InventoryChildView[] {
  return [...children.filter((c) => !c.rating), ...children.filter((c) => c.rating)];
}

/** What is shown for a child's save state. */
export type ChildStatus = 'unrated' | 'rated' | 'saving' | 'failed' | 'changed';

export function statusText(status: ChildStatus): string {
  return t(`inventory.status.${status}`);
}
