// <bs-study-closing .study=${study} ?busy error="…">: the end of a study, for its lead. While open:
// "Avsluta studien" (asks first), after which everything is read-only and exports still work. Once
// closed: "Radera studien" after typing the study's id, which removes texts, annotations, reflections
// and names for good. Fires bs-study-close and bs-study-erase; the parent calls the server.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { StudyView } from '../../../server/domain/types.ts';
import { fire } from '../../events.ts';
import { formatDateTime, t } from '../../i18n/sv.ts';
import { adminStyles } from './admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';

@customElement('bs-study-closing')
export class BsStudyClosing extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  @state() private _asking = false;
  @state() private _confirmation = '';

  /** The study (status, id, closedAt). */
  @property({ attribute: false }) study?: StudyView;

  /** True while the parent talks to the server. */
  @property({ type: Boolean }) busy = false;

  /** An error from the server, shown as an alert. */
  @property() error = '';

  private _ask(): void {
    this._asking = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.confirm button')?.focus());
  }

  private _erase(e: Event): void {
    e.preventDefault();
    fire(this, 'bs-study-erase', { confirmation: this._confirmation.trim() });
  }

  override render() {
    const s = this.study;
    if (!s) return nothing;
    const alert = this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing;
    if (s.status !== 'closed') {
      return html`<p>${t('closing.openIntro')}</p>
        ${this._asking
          ? html`<div class="confirm buttons" role="group" aria-label=${t('closing.confirm')}>
              <span>${t('closing.confirm')}</span>
              <button type="button" class="danger" ?disabled=${this.busy} @click=${() => fire(this, 'bs-study-close', {})}>${t('closing.confirmYes')}</button>
              <button type="button" ?disabled=${this.busy} @click=${() => (this._asking = false)}>${t('closing.confirmNo')}</button>
            </div>`
          : html`<div class="buttons"><button type="button" @click=${this._ask}>${t('closing.close')}</button></div>`}
        ${alert}`;
    }
    return html`<p>${t('closing.closed', { date: s.closedAt ? formatDateTime(s.closedAt) : '' })}</p>
      <form class="stack" @submit=${this._erase} novalidate>
        <div class="field">
          <label for="erase-confirm">${t('closing.eraseLabel', { id: s.id })}</label>
          <input id="erase-confirm" type="text" autocomplete="off" .value=${this._confirmation} ?disabled=${this.busy}
            @input=${(e: Event) => (this._confirmation = (e.target as HTMLInputElement).value)} aria-describedby="erase-hint" />
          <p class="hint" id="erase-hint">${t('closing.eraseHint')}</p>
        </div>
        ${alert}
        <div class="buttons"><button type="submit" class="danger" ?disabled=${this.busy || this._confirmation.trim() !== s.id}>${t('closing.erase')}</button></div>
      </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-study-closing': BsStudyClosing;
  }
}
