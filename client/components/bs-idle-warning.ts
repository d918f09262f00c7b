// <bs-idle-warning ?open remaining=${290} minutes=${30}>: the modal warning shown before the session ends
// for inactivity: "Du loggas snart ut på grund av inaktivitet", a countdown, "Fortsätt vara inloggad"
// (fires bs-idle-continue; so does Esc) and "Logga ut" (fires bs-idle-logout). A <dialog> with
// role="alertdialog", opened modally so focus lands on "Fortsätt vara inloggad".
import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { fire } from '../events.ts';
import { formatCountdown, t } from '../i18n/sv.ts';
import { sharedStyles } from './base-styles.ts';

@customElement('bs-idle-warning')
export class BsIdleWarning extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: contents;
      }
      dialog {
        border: 2px solid var(--bs-accent);
        border-radius: 0.6rem;
        padding: 1.1rem 1.3rem;
        max-width: min(34rem, calc(100vw - 2rem));
        color: var(--bs-text);
        background: var(--bs-surface);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
      h2 {
        font-size: 1.25rem;
      }
      p {
        margin: 0 0 0.7rem;
      }
      .countdown {
        font-size: 1.15rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
    `,
  ];

  @query('dialog') private _dialog?: HTMLDialogElement;

  /** Shows the warning. */
  @property({ type: Boolean }) open = false;

  /** Seconds until the session ends. */
  @property({ type: Number }) remaining = 0;

  /** The idle timeout in minutes (for the explanation). */
  @property({ type: Number }) minutes = 30;

  override updated(changed: Map<string, unknown>): void {
    if (!changed.has('open') || !this._dialog) return;
    if (this.open && !this._dialog.open) this._dialog.showModal();
    else if (!this.open && this._dialog.open) this._dialog.close();
  }

  private _onCancel(e: Event): void {
    // Esc means "I am here": stay signed in rather than leave a closed dialog and a running countdown.
    e.preventDefault();
    fire(this, 'bs-idle-continue', {});
  }

  override render() {
    return html`<dialog role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-intro"
      @cancel=${this._onCancel}>
      <h2 id="idle-title">${t('idle.title')}</h2>
      <p id="idle-intro">${t('idle.intro', { minutes: this.minutes })}</p>
      <p class="countdown">${t('idle.countdown', { time: formatCountdown(this.remaining) })}</p>
      <div class="buttons">
        <button type="button" class="primary" @click=${() => fire(this, 'bs-idle-continue', {})}>${t('idle.continue')}</button>
        <button type="button" @click=${() => fire(this, 'bs-idle-logout', {})}>${t('idle.logout')}</button>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-idle-warning': BsIdleWarning;
  }
}
