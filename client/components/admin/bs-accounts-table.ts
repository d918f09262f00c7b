// <bs-accounts-table .accounts=${list} self-id="u1" busy-id="">: every account with its status and the
// administrator's actions: Inaktivera / Aktivera and Nytt lösenord, each asking for confirmation in the
// row first. Fires bs-account-action once confirmed; the "Får skapa studier" box fires bs-account-studies. The signed-in administrator cannot disable
// themselves here (that would lock them out).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Account } from '../../data/accounts.ts';
import { fire, type AccountActionDetail } from '../../events.ts';
import { formatDateTime, t } from '../../i18n/sv.ts';
import { adminStyles } from './admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';

type Action = AccountActionDetail['action'];

@customElement('bs-accounts-table')
export class BsAccountsTable extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      .status-disabled {
        color: var(--bs-danger);
        font-weight: 600;
      }
      td.actions {
        min-width: 12rem;
      }
    `,
  ];

  @state() private _confirm: { id: string; action: Action } | null = null;

  /** The accounts to list. */
  @property({ attribute: false }) accounts: Account[] = [];

  /** The signed-in administrator's own account id. */
  @property({ attribute: 'self-id' }) selfId = '';

  /** The account an action is running for (its buttons are disabled). */
  @property({ attribute: 'busy-id' }) busyId = '';

  private _confirmed(): void {
    const c = this._confirm;
    this._close();
    if (c) fire(this, 'bs-account-action', c);
  }

  /** Leaves the confirmation and puts focus back on the row's first button, not on the page's start. */
  private _close(): void {
    const id = this._confirm?.id;
    this._confirm = null;
    if (id) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id)}"] .buttons button`)?.focus());
  }

  private _ask(id: string, action: Action): void {
    this._confirm = { id, action };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.confirm button')?.focus());
  }

  private _renderActions(a: Account) {
    const name = a.displayName;
    const busy = this.busyId === a.id;
    if (this._confirm?.id === a.id) {
      const action = this._confirm.action;
      return html`<div class="confirm" role="group" aria-label=${t(`accounts.confirm.${action}`, { name })}>
        <span>${t(`accounts.confirm.${action}`, { name })}</span>
        <button type="button" class=${action === 'enable' ? 'primary' : 'danger'} @click=${this._confirmed}>
          ${t(`accounts.confirmYes.${action}`)}</button>
        <button type="button" @click=${this._close}>${t('accounts.confirmNo')}</button>
      </div>`;
    }
    const toggle: Action = a.disabled ? 'enable' : 'disable';
    return html`<div class="buttons">
      ${a.id === this.selfId && !a.disabled
        ? nothing
        : html`<button type="button" ?disabled=${busy} aria-label=${t('accounts.actionLabel', { action: t(`accounts.${toggle}`), name })}
            @click=${() => this._ask(a.id, toggle)}>${t(`accounts.${toggle}`)}</button>`}
      <button type="button" ?disabled=${busy} aria-label=${t('accounts.actionLabel', { action: t('accounts.reset'), name })}
        @click=${() => this._ask(a.id, 'reset')}>${t('accounts.reset')}</button>
    </div>`;
  }

  override render() {
    return html`<div class="table-wrap"><table class="stacked">
      <thead><tr>
        <th scope="col">${t('accounts.col.username')}</th>
        <th scope="col">${t('accounts.col.name')}</th>
        <th scope="col">${t('accounts.col.admin')}</th>
        <th scope="col">${t('accounts.col.studies')}</th>
        <th scope="col">${t('accounts.col.status')}</th>
        <th scope="col">${t('accounts.col.created')}</th>
        <th scope="col">${t('accounts.col.actions')}</th>
      </tr></thead>
      <tbody>
        ${this.accounts.map((a) => html`<tr data-id=${a.id} data-username=${a.username}>
          <th scope="row">${a.username}</th>
          <td data-label=${t('accounts.col.name')}>${a.displayName}</td>
          <td data-label=${t('accounts.col.admin')}>${a.admin ? t('accounts.yes') : t('accounts.no')}</td>
          <td data-label=${t('accounts.col.studies')}>${a.admin
            ? t('accounts.studies.admin')
            : html`<label class="check"><input type="checkbox" .checked=${a.mayCreateStudies} ?disabled=${this.busyId === a.id}
                @change=${(e: Event) => fire(this, 'bs-account-studies', { id: a.id, allowed: (e.target as HTMLInputElement).checked })}>
                <span class="visually-hidden">${t('accounts.studies.label', { name: a.displayName })}</span>${a.mayCreateStudies ? t('accounts.yes') : t('accounts.no')}</label>`}</td>
          <td data-label=${t('accounts.col.status')} class=${a.disabled ? 'status-disabled' : ''}>
            ${a.disabled ? t('accounts.disabled') : t('accounts.active')}</td>
          <td data-label=${t('accounts.col.created')}>${formatDateTime(a.createdAt)}</td>
          <td class="actions">${this._renderActions(a)}</td>
        </tr>`)}
      </tbody>
    </table></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-accounts-table': BsAccountsTable;
  }
}
