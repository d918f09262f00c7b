// <bs-accounts-view .api=${api} .user=${user}>: the administrator's accounts page: the list with
// disable/enable and password reset (each confirmed first), and a form to add an account. A new or
// reset account's one-time password is shown once, with a copy button. Anyone but an administrator
// gets the server's refusal as an alert.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { SessionUser } from '../../../server/domain/types.ts';
import { addAccount, fetchAccounts, resetAccountPassword, setAccountDisabled, setAccountMayCreateStudies, type Account } from '../../data/accounts.ts';
import { errorMessage, type Api } from '../../data/api.ts';
import type { AccountActionDetail, AccountAddDetail, AccountStudiesDetail } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { adminStyles } from '../../components/admin/admin-styles.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import type { BsAccountForm } from '../../components/admin/bs-account-form.ts';
import '../../components/admin/bs-account-form.ts';
import '../../components/admin/bs-accounts-table.ts';
import '../../components/admin/bs-one-time-password.ts';
import { alertLine, statusLine } from '../../components/feedback.ts';

@customElement('bs-accounts-view')
export class BsAccountsView extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
        max-width: 70rem;
      }
      h1 {
        font-size: 1.6rem;
      }
    `,
  ];

  @query('bs-account-form') private _form?: BsAccountForm;

  @state() private _accounts: Account[] | null = null;
  @state() private _error = '';
  @state() private _formError = '';
  @state() private _adding = false;
  @state() private _busyId = '';
  @state() private _notice = '';
  @state() private _secret: { name: string; password: string } | null = null;

  /** The API client. */
  @property({ attribute: false }) api?: Api;

  /** The signed-in user. */
  @property({ attribute: false }) user?: SessionUser;

  /** Incremented by the app when the user logs in again after the session expired: reload. */
  @property({ type: Number }) session = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = `${t('accounts.title')} – ${t('app.name')}`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._secret = null;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('api') || changed.has('session')) void this._load();
  }

  private async _load(): Promise<void> {
    if (!this.api) return;
    this._error = '';
    try {
      this._accounts = await fetchAccounts(this.api);
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  private _replace(account: Account): void {
    const list = this._accounts ?? [];
    this._accounts = list.some((a) => a.id === account.id) ? list.map((a) => (a.id === account.id ? account : a)) : [...list, account];
  }

  private async _onAdd(e: CustomEvent<AccountAddDetail>): Promise<void> {
    if (!this.api || this._adding) return;
    this._adding = true;
    this._formError = '';
    this._notice = '';
    try {
      const { user, password } = await addAccount(this.api, e.detail.account);
      this._replace(user);
      this._form?.reset();
      this._notice = t('accounts.added', { name: user.username });
      this._secret = { name: user.displayName, password };
    } catch (err) {
      this._formError = errorMessage(err);
    } finally {
      this._adding = false;
    }
  }

  private async _onAction(e: CustomEvent<AccountActionDetail>): Promise<void> {
    const api = this.api;
    const account = this._accounts?.find((a) => a.id === e.detail.id);
    if (!api || !account || this._busyId) return;
    const { action } = e.detail;
    this._busyId = account.id;
    this._error = '';
    this._notice = '';
    this._secret = null;
    try {
      if (action === 'reset') {
        const { user, password } = await resetAccountPassword(api, account.id);
        this._replace(user);
        this._secret = { name: user.displayName, password };
      } else {
        this._replace(await setAccountDisabled(api, account.id, action === 'disable'));
      }
      this._notice = t(`accounts.done.${action}`, { name: account.displayName });
    } catch (err) {
      this._error = errorMessage(err);
    } finally {
      this._busyId = '';
    }
  }

  private async _onStudies(e: CustomEvent<AccountStudiesDetail>): Promise<void> {
    const api = this.api;
    const account = this._accounts?.find((a) => a.id === e.detail.id);
    if (!api || !account || this._busyId) return;
    this._busyId = account.id;
    this._error = '';
    try {
      this._replace(await setAccountMayCreateStudies(api, account.id, e.detail.allowed));
      this._notice = t(e.detail.allowed ? 'accounts.studies.allowed' : 'accounts.studies.denied', { name: account.displayName });
    } catch (err) {
      this._error = errorMessage(err);
    } finally {
      this._busyId = '';
    }
  }

  override render() {
    if (this._error && !this._accounts) {
      return html`<h1>${t('accounts.title')}</h1><p class="alert" role="alert">${this._error}</p>`;
    }
    if (!this._accounts) return html`<p role="status">${t('app.loading')}</p>`;
    return html`
      <h1>${t('accounts.title')}</h1>
      <p>${t('accounts.intro')}</p>
      ${alertLine(this._error)}
      ${statusLine(this._notice)}
      ${this._secret
        ? html`<bs-one-time-password name=${this._secret.name} password=${this._secret.password}
            @bs-otp-hide=${() => (this._secret = null)}></bs-one-time-password>`
        : nothing}
      <section class="panel" aria-label=${t('accounts.title')}>
        <bs-accounts-table .accounts=${this._accounts} self-id=${this.user?.id ?? ''} busy-id=${this._busyId}
          @bs-account-action=${this._onAction} @bs-account-studies=${this._onStudies}></bs-accounts-table>
      </section>
      <section class="panel">
        <bs-account-form ?busy=${this._adding} error=${this._formError} @bs-account-add=${this._onAdd}></bs-account-form>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-accounts-view': BsAccountsView;
  }
}
