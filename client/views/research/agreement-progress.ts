// The lead's and the round creator's panel on an open round: how many units each coder has coded, and
// closing the round (asked once more before it is done; closing computes the statistics).
import { html, nothing } from 'lit';
import type { AgreementRoundView } from '../../../server/domain/types.ts';
import { t } from '../../i18n/sv.ts';
import { alertLine } from '../../components/feedback.ts';

export interface RoundProgress {
  round: AgreementRoundView;
  /** Whether the round may be closed here (not in a closed study). */
  canClose: boolean;
  asking: boolean;
  closing: boolean;
  error: string;
  coderName(id: string): string;
  ask(on: boolean): void;
  close(): void;
}

export function renderRoundProgress(p: RoundProgress) {
  const round = p.round;
  return html`<section class="panel" aria-labelledby="progress-title">
    <h2 id="progress-title">${t('agreement.progressTitle')}</h2>
    <ul class="progress">${(round.progress ?? []).map((c) => html`<li>
      ${t('agreement.progressLine', { name: p.coderName(c.coder), n: c.coded, m: round.units.length })}</li>`)}</ul>
    ${!p.canClose ? nothing : p.asking
      ? html`<div class="confirm buttons" role="group" aria-label=${t('agreement.closeConfirm')}>
          <span>${t('agreement.closeConfirm')}</span>
          <button type="button" class="danger" ?disabled=${p.closing} @click=${() => p.close()}>${t('agreement.closeYes')}</button>
          <button type="button" ?disabled=${p.closing} @click=${() => p.ask(false)}>${t('agreement.closeNo')}</button>
        </div>`
      : html`<button type="button" @click=${() => p.ask(true)}>${t('agreement.close')}</button>`}
    ${alertLine(p.error)}
  </section>`;
}
