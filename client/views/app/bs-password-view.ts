// <bs-password-view .api=${api} ?required>: "Byt lösenord": the current password (a one-time password
// after a new account or a reset), the new one and the new one again. `required` explains why it comes
// first and offers no way around it; otherwise "Avbryt" fires bs-password-cancel. Fires
// bs-password-changed once the server has stored the new password (and started a new session).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, errorMessage, type Api } from '../../data/api.ts';
import { changePassword } from '../../data/session.ts';
import { fire } from '../../events.ts';
import { t, type MessageKey } from '../../i18n/sv.ts';
import { accountFormStyles } from '../../components/account-form-styles.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import { alertLine } from '../../components/feedback.ts';

/** The server's rule, checked here first so the user hears at once. */
const MIN_LENGTH = 12;

type Field = 'current' | 'next' | 'repeat';

@customElement('bs-password-view')
export class BsPasswordView extends LitElement {
  static override styles = [
    sharedStyles,
    accountFormStyles,
    css`
      .hint {
        color: var(--bs-muted);
        font-size: 0.9rem;
      }
      h1:focus {
        outline: none;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
    `,
  ];

  @state() private _busy = false;
  @state() private _error = '';
  @state() private _invalid: Field | null = null;
  @state() private _current = '';
  @state() private _next = '';
  @state() private _repeat = '';

  /** The API client. */
  @property({ attribute: false }) api?: Api;

  /** The user logged in with a one-time password: changing it comes before anything else. */
  @property({ type: Boolean }) required = false;

  override firstUpdated(): void {
    document.title = `${t('password.title')} – ${t('app.name')}`;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /** The first problem a look at the fields shows, without asking the server. */
  private _check(): { field: Field; message: MessageKey } | null {
    if (!this._current) return { field: 'current', message: 'password.missing' };
    if (!this._next) return { field: 'next', message: 'password.missing' };
    if (!this._repeat) return { field: 'repeat', message: 'password.missing' };
    if ([...this._next.normalize('NFC')].length < MIN_LENGTH) return { field: 'next', message: 'password.tooShort' };
    if (this._next !== this._repeat) return { field: 'repeat', message: 'password.mismatch' };
    if (this._next.normalize('NFC') === this._current.normalize('NFC')) return { field: 'next', message: 'password.unchanged' };
    return null;
  }

  private _fail(field: Field | null, message: string): void {
    this._invalid = field;
    this._error = message;
    if (field) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`#${field}`)?.focus());
  }

  private async _submit(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.api || this._busy) return;
    const problem = this._check();
    if (problem) return this._fail(problem.field, t(problem.message));
    this._busy = true;
    this._error = '';
    this._invalid = null;
    try {
      const { user } = await changePassword(this.api, this._current, this._next);
      this._current = this._next = this._repeat = '';
      fire(this, 'bs-password-changed', { user });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'wrong_password') this._fail('current', t('password.wrong'));
      else if (err instanceof ApiError && err.code === 'password_too_short') this._fail('next', t('password.tooShort'));
      else if (err instanceof ApiError && err.code === 'password_unchanged') this._fail('next', t('password.unchanged'));
      else if (err instanceof ApiError && err.status === 429) this._fail(null, t('login.throttled'));
      else this._fail(null, errorMessage(err));
    } finally {
      this._busy = false;
    }
  }

  private _field(id: Field, label: MessageKey, value: string, autocomplete: string, hint?: MessageKey) {
    const set = (e: Event) => {
      const v = (e.target as HTMLInputElement).value;
      if (id === 'current') this._current = v;
      else if (id === 'next') this._next = v;
      else this._repeat = v;
    };
    return html`<div class="field">
      <label for=${id}>${t(label)}</label>
      <input id=${id} type="password" autocomplete=${autocomplete} required .value=${value} ?disabled=${this._busy}
        aria-invalid=${this._invalid === id ? 'true' : 'false'} aria-describedby=${hint ? `${id}-hint` : nothing} @input=${set} />
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${t(hint)}</p>` : nothing}
    </div>`;
  }

  override render() {
    return html`
      <form @submit=${this._submit} aria-labelledby="password-title" novalidate>
        <h1 id="password-title" tabindex="-1">${t('password.title')}</h1>
        <p>${this.required ? t('password.requiredIntro') : t('password.intro')}</p>
        ${this._field('current', 'password.current', this._current, 'current-password', this.required ? 'password.currentHint' : undefined)}
        ${this._field('next', 'password.next', this._next, 'new-password', 'password.nextHint')}
        ${this._field('repeat', 'password.repeat', this._repeat, 'new-password')}
        ${alertLine(this._error)}
        <div class="buttons">
          <button type="submit" class="primary" ?disabled=${this._busy}>${this._busy ? t('password.busy') : t('password.submit')}</button>
          ${this.required
            ? nothing
            : html`<button type="button" ?disabled=${this._busy} @click=${() => fire(this, 'bs-password-cancel', {})}>${t('password.cancel')}</button>`}
        </div>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-password-view': BsPasswordView;
  }
}
