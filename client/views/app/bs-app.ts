// <bs-app>: the shell: header with the app name, "Konton" for administrators, the user's name, "Byt
// lösenord" and "Logga ut"; the login view when no one is signed in; "Byt lösenord" before anything else
// when the user logged in with a one-time password (or any call answers 403 password_change_required);
// otherwise the view for the route. When the session expires ("Du har loggats ut …") — on the server, or
// after the idle-timeout warning ran out — or the user chooses "Byt lösenord", the current view stays
// mounted but hidden, so text that was not yet saved survives and is saved after the same user logs in
// again; a different user gets fresh views.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { SessionUser } from '../../../server/domain/types.ts';
import { errorMessage, type Api } from '../../data/api.ts';
import { renderCitations } from '../../data/references.ts';
import { fetchSession, logout } from '../../data/session.ts';
import { setCitationSource } from '../../common/citations.ts';
import type { LoginDetail, PasswordChangedDetail } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import { hrefFor, type Route, type SearchFilters } from '../../route.ts';
import './bs-login-view.ts';
import './bs-password-view.ts';
import '../../components/bs-search-field.ts';
import { IdleController } from './idle-controller.ts';
import { appStyles } from './app-styles.ts';
import { renderRouteView } from './route-views.ts';
import { alertLine } from '../../components/feedback.ts';

const NO_FILTERS: SearchFilters = {};

@customElement('bs-app')
export class BsApp extends LitElement {
  static override styles = [sharedStyles, appStyles];

  @state() private _user: SessionUser | null = null;
  @state() private _signedIn = false;
  @state() private _checked = false;
  @state() private _session = 0;
  @state() private _notice = '';
  @state() private _error = '';
  /** "Byt lösenord" is showing: 'required' after a one-time password, 'chosen' when the user asked for it. */
  @state() private _password: '' | 'required' | 'chosen' = '';
  @state() private _passwordChanged = false;

  private _expiring = false;
  private readonly _idle = new IdleController(this, {
    api: () => this.api,
    active: () => this._signedIn,
    expire: () => void this._idleExpired(),
    logout: () => void this._logout(),
  });

  /** The API client. */
  @property({ attribute: false }) api?: Api;

  /** The current route, from the location hash. */
  @property({ attribute: false }) route: Route = { name: 'home' };

  override firstUpdated(): void {
    void this._checkSession();
  }

  override willUpdate(changed: Map<string, unknown>): void {
    // "Ditt lösenord är bytt." belongs to the page it was said on.
    if (changed.has('route') && changed.get('route') !== undefined) this._passwordChanged = false;
    // Citations in rendered Markdown are formatted against the library of the study the user is in; set
    // before the page renders, so its Markdown finds it.
    if (changed.has('route') || changed.has('api')) {
      const api = this.api;
      const r = this.route;
      setCitationSource(api && 'studyId' in r ? { studyId: r.studyId, lookup: (md) => renderCitations(api, r.studyId, md) } : null);
    }
  }

  private async _checkSession(): Promise<void> {
    if (!this.api) return;
    try {
      const info = await fetchSession(this.api);
      this._user = info?.user ?? null;
      this._signedIn = info !== null;
      this._password = info?.mustChangePassword ? 'required' : '';
    } catch (err) {
      this._error = errorMessage(err);
    } finally {
      this._checked = true;
    }
  }

  private _onLogin(e: CustomEvent<LoginDetail>): void {
    this._user = e.detail.user;
    this._session++;
    this._signedIn = true;
    this._notice = '';
    this._password = e.detail.mustChangePassword ? 'required' : '';
    this._passwordChanged = false;
  }

  private _onPasswordChanged(e: CustomEvent<PasswordChangedDetail>): void {
    const wasRequired = this._password === 'required';
    this._user = e.detail.user;
    this._password = '';
    this._passwordChanged = true;
    // Views that asked while the change was required got 403: they load again.
    if (wasRequired) this._session++;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('main')?.focus());
  }

  private _choosePassword(): void {
    this._password = 'chosen';
    this._passwordChanged = false;
  }

  private async _logout(): Promise<void> {
    if (!this.api) return;
    try {
      await logout(this.api);
    } catch {
      // The session may already be gone; signing out locally is what matters.
    }
    this._user = null;
    this._signedIn = false;
    this._password = '';
    this._passwordChanged = false;
    this._notice = t('login.loggedOut');
    location.hash = '#/';
  }

  /** The idle warning ran out: end the session on the server, then show the login form (unsaved text is kept
   * for the same user's next login). The login form appears only once the server has answered, so the
   * message never claims a sign-out that has not happened. */
  private async _idleExpired(): Promise<void> {
    if (!this.api || this._expiring) return;
    this._expiring = true;
    try {
      await logout(this.api);
    } catch {
      // Already gone on the server (or unreachable): sign out here all the same.
    } finally {
      this._expiring = false;
      this.sessionExpired();
    }
  }

  private _skip(e: Event): void {
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  /** The study's search field, on every page of a study (once the user is signed in and may go on). */
  private _renderSearchField() {
    const r = this.route;
    if (!this._user || !this._signedIn || this._password || !('studyId' in r)) return nothing;
    return html`<bs-search-field study-id=${r.studyId} value=${r.name === 'search' ? r.query : ''}
      .filters=${r.name === 'search' ? r.filters : NO_FILTERS}></bs-search-field>`;
  }

  /** Called by the API client when a call answers 403 password_change_required: show "Byt lösenord" first. */
  passwordChangeRequired(): void {
    if (this._signedIn) this._password = 'required';
  }

  /** Called by the API client when a call answers 401: show the login form with an explanation. */
  sessionExpired(): void {
    if (!this._signedIn) return;
    this._signedIn = false;
    this._notice = t('login.expired');
  }

  override render() {
    const user = this._user;
    const required = this._password === 'required';
    return html`
      <a class="skip" href="#/" @click=${this._skip}>${t('app.skipToMain')}</a>
      <header>
        <div class="bar">
          <a class="brand" href="#/">${t('app.name')}</a>
          ${(user?.admin || user?.mayCreateStudies) && this._signedIn && !required
            ? html`<nav class="main" aria-label=${t('app.nav')}>
                ${user.mayCreateStudies
                  ? html`<a href=${hrefFor({ name: 'new-study' })} aria-current=${this.route.name === 'new-study' ? 'page' : 'false'}>${t('studies.create')}</a>`
                  : nothing}
                ${user.admin
                  ? html`<a href=${hrefFor({ name: 'accounts' })} aria-current=${this.route.name === 'accounts' ? 'page' : 'false'}>${t('app.accounts')}</a>`
                  : nothing}
              </nav>`
            : nothing}
          ${this._renderSearchField()}
          ${user && this._signedIn
            ? html`<div class="user">
                <span>${t('app.signedInAs', { name: user.displayName })}</span>
                ${this._password ? nothing : html`<button type="button" @click=${this._choosePassword}>${t('app.changePassword')}</button>`}
                <button type="button" @click=${this._logout}>${t('app.logout')}</button>
              </div>`
            : nothing}
        </div>
      </header>
      <main id="main" tabindex="-1">
        ${alertLine(this._error)}
        ${!this._checked ? html`<p role="status">${t('app.loading')}</p>` : nothing}
        ${this._checked && !this._signedIn
          ? html`<bs-login-view .api=${this.api} notice=${this._notice} @bs-login=${this._onLogin}></bs-login-view>`
          : nothing}
        ${this._checked && this._signedIn && this._password
          ? html`<bs-password-view .api=${this.api} ?required=${required} @bs-password-changed=${this._onPasswordChanged}
              @bs-password-cancel=${() => (this._password = '')}></bs-password-view>`
          : nothing}
        ${this._passwordChanged && this._signedIn && !this._password
          ? html`<p class="notice" role="status">${t('password.changed')}</p>`
          : nothing}
        ${user && !required
          ? html`<div ?hidden=${!this._signedIn || this._password !== ''} ?inert=${!this._signedIn || this._password !== ''}>
              ${keyed(user.id, this.api ? renderRouteView(this.route, this.api, user, this._session) : nothing)}
            </div>`
          : nothing}
      </main>
      ${this._idle.render()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-app': BsApp;
  }
}
