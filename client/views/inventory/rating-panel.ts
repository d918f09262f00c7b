// The rating panel of bs-inventory-rater: the selected child's facts, a conflict note, the levels as a radio
// group and the criteria as checkboxes (each with its key and help), the reason, and Save. Rendered into the
// rater's own shadow root, so its labels and the keys stay with the list.
import { html, nothing } from 'lit';
import type { InventoryChildView, InventoryConfig } from '../../../server/domain/inventory/inventory-types.ts';
import type { RatingInput } from '../../data/inventory.ts';
import { t } from '../../i18n/sv.ts';
import { labelOf, statusText, type ChildStatus } from './inventory-format.ts';

export interface RatingPanel {
  config: InventoryConfig;
  child: InventoryChildView;
  values: RatingInput;
  status: ChildStatus;
  /** The stored rating in words when the last save met a newer one; null otherwise. */
  conflict: string | null;
  edit(change: Partial<RatingInput>): void;
  toggleCriterion(index: number): void;
  save(): void;
}

export function renderRatingPanel(p: RatingPanel) {
  const { config, child, values } = p;
  return html`<section aria-labelledby="panel-heading">
    <h3 id="panel-heading">${t('inventory.panel.heading', { pseudonym: child.pseudonym })}</h3>
    <p class="meta">${t('inventory.panel.facts', { unit: labelOf(config.units, child.unit), ageBand: child.ageBand })}
      · ${statusText(p.status)}</p>
    ${child.myPart === 'second' ? html`<p class="badge">${t('inventory.second')}</p><p class="hint">${t('inventory.secondHint')}</p>` : nothing}
    ${p.conflict !== null ? html`<p class="conflict">${t('inventory.conflict', { pseudonym: child.pseudonym, stored: p.conflict })}</p>` : nothing}
    <fieldset>
      <legend>${t('inventory.level')}</legend>
      ${config.scale.map((level, i) => html`<div class="choice">
        <input type="radio" name="level-${child.id}" id="level-${level.id}" .checked=${values.level === level.id}
          aria-describedby="level-help-${level.id}" @change=${() => p.edit({ level: level.id })} />
        <label for="level-${level.id}"><kbd>${i + 1}</kbd> ${level.label}</label>
        <span class="help" id="level-help-${level.id}">${level.description}</span>
      </div>`)}
    </fieldset>
    <fieldset>
      <legend>${t('inventory.criteria')}</legend>
      ${config.criteria.map((c, i) => html`<div class="choice">
        <input type="checkbox" id="crit-${c.id}" .checked=${values.criteria.includes(c.id)} aria-describedby="crit-help-${c.id}"
          @change=${() => p.toggleCriterion(i)} />
        <label for="crit-${c.id}">${i < 9 ? html`<kbd>Skift+${i + 1}</kbd> ` : nothing}${c.label}</label>
        <span class="help" id="crit-help-${c.id}">${c.help}</span>
      </div>`)}
    </fieldset>
    <div class="field">
      <label for="inv-reason">${t('inventory.reason')}</label>
      <textarea id="inv-reason" rows="3" maxlength="2000" .value=${values.reason}
        @input=${(e: Event) => p.edit({ reason: (e.target as HTMLTextAreaElement).value })}></textarea>
    </div>
    <button type="button" class="primary" @click=${() => p.save()}>${t('inventory.save')}</button>
  </section>`;
}
