// The list side of bs-inventory-rater: the filter (all, unrated, rated) and the children as a listbox whose
// active option is the selected child, each with its status, unit, age band and a "second rating" badge.
// Rendered into the rater's own shadow root (aria-activedescendant refers to the options by id).
import { html, nothing } from 'lit';
import type { InventoryChildView, InventoryConfig } from '../../../server/domain/inventory/inventory-types.ts';
import { t } from '../../i18n/sv.ts';
import { labelOf, statusText, type ChildStatus } from './inventory-format.ts';

export type ChildFilter = 'all' | 'unrated' | 'rated';

export interface ChildList {
  config: InventoryConfig;
  /** The children the filter shows. */
  visible: InventoryChildView[];
  selected: string;
  filter: ChildFilter;
  statusOf(child: InventoryChildView): ChildStatus;
  setFilter(filter: ChildFilter): void;
  select(id: string): void;
}

export function renderChildList(l: ChildList) {
  return html`<div>
    <div class="field">
      <label for="inv-filter">${t('inventory.filter.label')}</label>
      <select id="inv-filter" .value=${l.filter} @change=${(e: Event) => l.setFilter((e.target as HTMLSelectElement).value as ChildFilter)}>
        <option value="all">${t('inventory.filter.all')}</option>
        <option value="unrated">${t('inventory.filter.unrated')}</option>
        <option value="rated">${t('inventory.filter.rated')}</option>
      </select>
    </div>
    ${l.visible.length
      ? html`<ul role="listbox" tabindex="0" aria-label=${t('inventory.list.label')} aria-activedescendant=${l.selected ? `child-${l.selected}` : nothing}>
          ${l.visible.map((c) => {
            const status = l.statusOf(c);
            return html`<li role="option" id="child-${c.id}" aria-selected=${c.id === l.selected ? 'true' : 'false'}
              @click=${() => l.select(c.id)}>
              <strong>${c.pseudonym}</strong>
              <span class="status ${status}">${statusText(status)}</span>
              <span class="meta">${labelOf(l.config.units, c.unit)} · ${c.ageBand}</span>
              ${c.myPart === 'second' ? html`<span class="badge">${t('inventory.second')}</span>` : nothing}
            </li>`;
          })}
        </ul>`
      : html`<p>${t('inventory.filter.noneShown')}</p>`}
  </div>`;
}
