// <bs-members-table .members=${m} .accounts=${a} ?busy error="…" message="…">: the study's members as a
// table with a role select and "Ta bort" per member, a row to add an active account with a role, and
// "Spara medlemmar". Edits stay in a draft until saved; fires bs-members-submit with the whole list.
// The draft starts over whenever `members` changes (after a save or a reload), and survives an error.
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { StudyRole } from '../../../server/domain/types.ts';
import type { AccountChoice, Member } from '../../data/study-admin.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { adminStyles } from './admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';
import { alertLine, statusLine } from '../feedback.ts';

const ROLES: StudyRole[] = ['lead', 'researcher', 'caseworker'];

@customElement('bs-members-table')
export class BsMembersTable extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      .add {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem 1rem;
        align-items: end;
        margin: 0.9rem 0;
      }
      .add .field {
        flex: 1 1 14rem;
      }
    `,
  ];

  @state() private _draft: Member[] = [];
  @state() private _addId = '';
  @state() private _addRole: StudyRole = 'caseworker';
  @state() private _localError = '';

  /** The stored members. */
  @property({ attribute: false }) members: Member[] = [];

  /** Active accounts that can be added. */
  @property({ attribute: false }) accounts: AccountChoice[] = [];

  /** True while saving. */
  @property({ type: Boolean }) busy = false;

  /** An error from saving, shown as an alert. */
  @property() error = '';

  /** A confirmation after saving. */
  @property() message = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('members')) {
      this._draft = this.members.map((m) => ({ ...m }));
      this._addId = '';
      this._localError = '';
    }
  }

  private _setRole(userId: string, role: StudyRole): void {
    this._draft = this._draft.map((m) => (m.userId === userId ? { ...m, role } : m));
  }

  private _remove(userId: string): void {
    this._draft = this._draft.filter((m) => m.userId !== userId);
    // The row and its button are gone: keep focus in the form, on the step that makes the removal stick.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('button[type="submit"]')?.focus());
  }

  private _add(): void {
    const account = this.accounts.find((a) => a.id === this._addId);
    this._localError = '';
    if (!account) {
      this._localError = t('members.chooseFirst');
      return;
    }
    this._draft = [...this._draft, { userId: account.id, username: account.username, displayName: account.displayName, role: this._addRole }];
    this._addId = '';
  }

  private _submit(e: Event): void {
    e.preventDefault();
    if (this.busy) return;
    this._localError = '';
    fire(this, 'bs-members-submit', { members: this._draft.map(({ userId, role }) => ({ userId, role })) });
  }

  private _renderRow(m: Member) {
    return html`<tr>
      <th scope="row">${m.displayName}</th>
      <td data-label=${t('members.col.username')}>${m.username}</td>
      <td data-label=${t('members.col.role')}>
        <select aria-label=${t('members.roleFor', { name: m.displayName })} ?disabled=${this.busy}
          @change=${(e: Event) => this._setRole(m.userId, (e.target as HTMLSelectElement).value as StudyRole)}>
          ${ROLES.map((r) => html`<option value=${r} ?selected=${m.role === r}>${t(`roleName.${r}`)}</option>`)}
        </select>
      </td>
      <td>
        <button type="button" class="danger" ?disabled=${this.busy} aria-label=${t('members.removeLabel', { name: m.displayName })}
          @click=${() => this._remove(m.userId)}>${t('members.remove')}</button>
      </td>
    </tr>`;
  }

  private _renderAdd() {
    const inDraft = new Set(this._draft.map((m) => m.userId));
    const free = this.accounts.filter((a) => !inDraft.has(a.id));
    if (!free.length) return html`<p class="hint">${t('members.noAccounts')}</p>`;
    return html`<fieldset>
      <legend>${t('members.add')}</legend>
      <div class="add">
        <div class="field">
          <label for="add-account">${t('members.account')}</label>
          <select id="add-account" .value=${this._addId} ?disabled=${this.busy}
            @change=${(e: Event) => (this._addId = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${this._addId === ''}>${t('members.chooseAccount')}</option>
            ${free.map((a) => html`<option value=${a.id} ?selected=${this._addId === a.id}>${a.displayName} (${a.username})</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="add-role">${t('members.role')}</label>
          <select id="add-role" ?disabled=${this.busy}
            @change=${(e: Event) => (this._addRole = (e.target as HTMLSelectElement).value as StudyRole)}>
            ${ROLES.map((r) => html`<option value=${r} ?selected=${this._addRole === r}>${t(`roleName.${r}`)}</option>`)}
          </select>
        </div>
        <button type="button" ?disabled=${this.busy} @click=${this._add}>${t('members.addButton')}</button>
      </div>
    </fieldset>`;
  }

  override render() {
    const error = this._localError || this.error;
    return html`
      <form @submit=${this._submit} aria-label=${t('members.title')} novalidate>
        <div class="table-wrap"><table class="stacked">
          <thead><tr>
            <th scope="col">${t('members.col.name')}</th>
            <th scope="col">${t('members.col.username')}</th>
            <th scope="col">${t('members.col.role')}</th>
            <th scope="col">${t('members.col.actions')}</th>
          </tr></thead>
          <tbody>${this._draft.map((m) => this._renderRow(m))}</tbody>
        </table></div>
        ${this._renderAdd()}
        ${alertLine(error)}
        <div class="buttons">
          <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t('settings.saving') : t('members.save')}</button>
        </div>
        ${statusLine(this.message)}
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-members-table': BsMembersTable;
  }
}
