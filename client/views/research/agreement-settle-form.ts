// Settling one disagreement of a closed round (the lead or the round's creator): "Bestäm" opens a choice of
// the round's codes; saving records them as the study's coding of the unit.
import { html } from 'lit';
import type { AgreementRoundView } from '../../../server/domain/types.ts';
import { t } from '../../i18n/sv.ts';

export interface SettleForm {
  codes: AgreementRoundView['codes'];
  /** The ticked codes while the form is open; undefined while it is closed. */
  ticked: ReadonlySet<string> | undefined;
  busy: boolean;
  open(): void;
  tick(codeId: string, on: boolean): void;
  save(): void;
  cancel(): void;
}

export function renderSettleForm(f: SettleForm) {
  const ticked = f.ticked;
  if (!ticked) return html`<button type="button" @click=${() => f.open()}>${t('agreement.decide')}</button>`;
  return html`<fieldset>
    <legend>${t('agreement.decideLegend')}</legend>
    <div class="choices">${f.codes.map((c) => html`<label class="check">
      <input type="checkbox" .checked=${ticked.has(c.id)}
        @change=${(e: Event) => f.tick(c.id, (e.target as HTMLInputElement).checked)} />
      ${c.name ?? t('agreement.deletedCode')}</label>`)}</div>
    <div class="buttons">
      <button type="button" class="primary" ?disabled=${f.busy} @click=${() => f.save()}>${t('agreement.decideSave')}</button>
      <button type="button" @click=${() => f.cancel()}>${t('agreement.cancel')}</button>
    </div>
  </fieldset>`;
}
