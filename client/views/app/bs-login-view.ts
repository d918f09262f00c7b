// <bs-login-view .api=${api} notice="…">: the login form. Fires bs-login with the user (and whether a
// one-time password must be changed first) on success;
// shows "Fel användarnamn eller lösenord." or the throttling message as an alert otherwise.
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, errorMessage, type Api } from '../../data/api.ts';
import { login } from '../../data/session.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { accountFormStyles } from '../../components/account-form-styles.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import { alertLine } from '../../components/feedback.ts';

@customElement('bs-login-view')
export class BsLoginView extends LitElement {
  static override styles = [sharedStyles, accountFormStyles];

  @state() private _busy = false;
  @state() private _error = '';
  @state() private _username = '';
  @state() private _password = '';

  /** The API client. */
  @property({ attribute: false }) api?: Api;

  /** A message to show above the form (e.g. the session expired). */
  @property() notice = '';

  override firstUpdated(): void {
    document.title = `${t('login.title')} – ${t('app.name')}`;
  }

  private async _submit(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.api || this._busy) return;
    this._busy = true;
    this._error = '';
    try {
      const { user, mustChangePassword } = await login(this.api, this._username.trim(), this._password);
      this._password = '';
      fire(this, 'bs-login', { user, mustChangePassword });
    } catch (err) {
      this._error =
        err instanceof ApiError && err.code === 'invalid_credentials' ? t('login.invalid')
        : err instanceof ApiError && err.status === 429 ? t('login.throttled')
        : errorMessage(err);
    } finally {
      this._busy = false;
    }
  }

  override render() {
    return html`
      <form @submit=${this._submit} aria-labelledby="login-title">
        <h1 id="login-title">${t('login.title')}</h1>
        ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : html`<p>${t('login.intro')}</p>`}
        <div class="field">
          <label for="username">${t('login.username')}</label>
          <input id="username" name="username" type="text" autocomplete="username" required autocapitalize="off"
            spellcheck="false" .value=${this._username}
            @input=${(e: Event) => (this._username = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="password">${t('login.password')}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required
            .value=${this._password} @input=${(e: Event) => (this._password = (e.target as HTMLInputElement).value)} />
        </div>
        ${alertLine(this._error)}
        <div>
          <button type="submit" class="primary" ?disabled=${this._busy}>
            ${this._busy ? t('login.busy') : t('login.submit')}
          </button>
        </div>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-login-view': BsLoginView;
  }
}
