// <bs-account-form ?busy error="…">: the administrator's "Lägg till ett konto" form: username, an
// optional display name and whether the account is an administrator. Fires bs-account-add; the parent
// creates the account and shows its one-time password. Call reset() after a successful add.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { adminStyles } from './admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';
import { alertLine } from '../feedback.ts';

@customElement('bs-account-form')
export class BsAccountForm extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      input[type='text'] {
        max-width: 24rem;
      }
    `,
  ];

  @state() private _username = '';
  @state() private _displayName = '';
  @state() private _admin = false;
  @state() private _localError = '';

  /** True while the account is being created. */
  @property({ type: Boolean }) busy = false;

  /** An error from creating the account, shown as an alert. */
  @property() error = '';

  private _submit(e: Event): void {
    e.preventDefault();
    if (this.busy) return;
    this._localError = '';
    const username = this._username.trim();
    if (!username) {
      this._localError = t('accounts.usernameRequired');
      return;
    }
    fire(this, 'bs-account-add', { account: { username, displayName: this._displayName.trim(), admin: this._admin } });
  }

  /** Empties the form (after the account was created). */
  reset(): void {
    this._username = '';
    this._displayName = '';
    this._admin = false;
    this._localError = '';
  }

  override render() {
    const error = this._localError || this.error;
    return html`
      <form class="stack" @submit=${this._submit} aria-labelledby="add-title" novalidate>
        <h2 id="add-title">${t('accounts.add')}</h2>
        <div class="field">
          <label for="new-username">${t('accounts.username')}</label>
          <input id="new-username" type="text" autocomplete="off" autocapitalize="off" spellcheck="false" maxlength="32"
            aria-describedby="username-hint" .value=${this._username} ?disabled=${this.busy}
            @input=${(e: Event) => (this._username = (e.target as HTMLInputElement).value)} />
          <p class="hint" id="username-hint">${t('accounts.usernameHint')}</p>
        </div>
        <div class="field">
          <label for="new-display-name">${t('accounts.displayName')}</label>
          <input id="new-display-name" type="text" autocomplete="off" maxlength="100" .value=${this._displayName}
            ?disabled=${this.busy} @input=${(e: Event) => (this._displayName = (e.target as HTMLInputElement).value)} />
        </div>
        <label class="check">
          <input type="checkbox" .checked=${this._admin} ?disabled=${this.busy}
            @change=${(e: Event) => (this._admin = (e.target as HTMLInputElement).checked)} />
          ${t('accounts.admin')}
        </label>
        ${alertLine(error)}
        <div class="buttons">
          <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t('accounts.adding') : t('accounts.addButton')}</button>
        </div>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-account-form': BsAccountForm;
  }
}
