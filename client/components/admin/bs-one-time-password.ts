// <bs-one-time-password name="Anna" password="abcd-efgh-…">: shows a new account's (or a reset
// account's) one-time password once, in large monospace, with "Kopiera lösenordet" and a clear note
// that it cannot be shown again; fires bs-otp-hide when the user is done. The password goes nowhere but
// the screen and, on request, the clipboard.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { adminStyles } from './admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';

@customElement('bs-one-time-password')
export class BsOneTimePassword extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      .box {
        border: 2px solid var(--bs-accent);
        background: var(--bs-accent-bg);
        border-radius: 0.5rem;
        padding: 0.9rem 1.1rem;
        margin: 0 0 1rem;
      }
      h2 {
        font-size: 1.15rem;
      }
      output {
        display: inline-block;
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
        font-size: 1.4rem;
        letter-spacing: 0.06em;
        background: var(--bs-surface);
        border: 1px solid var(--bs-border-strong);
        border-radius: 0.35rem;
        padding: 0.3rem 0.7rem;
        margin: 0.2rem 0 0.6rem;
        user-select: all;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @query('output') private _output?: HTMLOutputElement;

  @state() private _copied: '' | 'ok' | 'failed' = '';

  /** Whose password it is (display name). */
  @property() name = '';

  /** The one-time password. */
  @property() password = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('password')) this._copied = '';
  }

  override firstUpdated(): void {
    // Bring the password to the user's attention (and screen reader) at once.
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private async _copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.password);
      this._copied = 'ok';
    } catch {
      // No clipboard access: select the text so Ctrl+C works.
      const range = document.createRange();
      if (this._output) range.selectNodeContents(this._output);
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      this._copied = 'failed';
    }
  }

  override render() {
    return html`<section class="box" aria-labelledby="otp-title">
      <h2 id="otp-title" tabindex="-1">${t('otp.title', { name: this.name })}</h2>
      <p>${t('otp.intro', { name: this.name })}</p>
      <div class="field">
        <span id="otp-label"><strong>${t('otp.label')}</strong></span>
        <div><output aria-labelledby="otp-label">${this.password}</output></div>
      </div>
      <div class="buttons">
        <button type="button" class="primary" @click=${this._copy}>${t('otp.copy')}</button>
        <button type="button" @click=${() => fire(this, 'bs-otp-hide', {})}>${t('otp.hide')}</button>
      </div>
      <div role="status">
        ${this._copied === 'ok' ? html`<p class="ok">${t('otp.copied')}</p>` : nothing}
        ${this._copied === 'failed' ? html`<p>${t('otp.copyFailed')}</p>` : nothing}
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-one-time-password': BsOneTimePassword;
  }
}
