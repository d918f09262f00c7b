// <bs-audit-filters .users=${u} .families=${f} .filter=${current}>: the audit log's filter form: user,
// action (Swedish labels), family, from and to dates. Fires bs-audit-filter with the chosen filter on
// "Visa", and with an empty one on "Rensa filter".
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { AUDIT_ACTIONS, type AuditFilter } from '../../data/audit.ts';
import { fire } from '../../events.ts';
import { auditActionLabel } from '../../../server/domain/audit-labels.ts';
import { t } from '../../i18n/sv.ts';
import { adminStyles } from './admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';

/** One choice of a select: value and visible label. */
export interface Choice {
  value: string;
  label: string;
}

/** The Swedish label of an audit action: 'document.read' → "Läste dokument" (shared with the server's CSV). */
export const actionLabel = auditActionLabel;

@customElement('bs-audit-filters')
export class BsAuditFilters extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(13rem, 100%), 1fr));
        gap: 0.75rem 1rem;
        margin: 0 0 0.8rem;
      }
    `,
  ];

  @state() private _draft: AuditFilter = {};

  /** Users to filter by (the study's members). */
  @property({ attribute: false }) users: Choice[] = [];

  /** Families to filter by. */
  @property({ attribute: false }) families: Choice[] = [];

  /** The filter in effect; the form starts from it. */
  @property({ attribute: false }) filter: AuditFilter = {};

  /** Disables the buttons while loading. */
  @property({ type: Boolean }) busy = false;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('filter')) this._draft = { ...this.filter };
  }

  private _set(key: keyof AuditFilter, value: string): void {
    this._draft = { ...this._draft, [key]: value || undefined };
  }

  private _submit(e: Event): void {
    e.preventDefault();
    fire(this, 'bs-audit-filter', { filter: { ...this._draft } });
  }

  private _clear(): void {
    this._draft = {};
    fire(this, 'bs-audit-filter', { filter: {} });
  }

  private _select(id: string, key: 'user' | 'action' | 'family', label: string, choices: Choice[]) {
    const value = this._draft[key] ?? '';
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} @change=${(e: Event) => this._set(key, (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${value === ''}>${t('audit.all')}</option>
        ${choices.map((c) => html`<option value=${c.value} ?selected=${value === c.value}>${c.label}</option>`)}
      </select>
    </div>`;
  }

  private _date(id: string, key: 'from' | 'to', label: string) {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} type="date" .value=${this._draft[key] ?? ''}
        @input=${(e: Event) => this._set(key, (e.target as HTMLInputElement).value)} />
    </div>`;
  }

  override render() {
    const actions = AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }));
    return html`<form @submit=${this._submit} aria-label=${t('audit.filters')} novalidate>
      <div class="grid">
        ${this._select('filter-user', 'user', t('audit.user'), this.users)}
        ${this._select('filter-action', 'action', t('audit.action'), actions)}
        ${this._select('filter-family', 'family', t('audit.family'), this.families)}
        ${this._date('filter-from', 'from', t('audit.from'))}
        ${this._date('filter-to', 'to', t('audit.to'))}
      </div>
      <div class="buttons">
        <button type="submit" class="primary" ?disabled=${this.busy}>${t('audit.apply')}</button>
        <button type="button" ?disabled=${this.busy} @click=${this._clear}>${t('audit.clear')}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-audit-filters': BsAuditFilters;
  }
}
