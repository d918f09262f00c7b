// <bs-inventory-overview .api=${api} study-id="…" .config=${inventory} ?lead=${…} child-id="…">: every child of a
// målgruppsinventering for the lead and researchers, with the caseworker's rating (read only), filtered by
// unit and caseworker, and a link to the summary. `child-id` (a search hit's child) marks that child's row,
// shows its reason in a row below it, scrolls there and moves the focus to it (the filters are cleared if
// they hide it). The lead also gets the tools (bs-inventory-lead-tools):
// import, sample, export and families; after an import or a sample the list is loaded again.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { InventoryChildView, InventoryConfig } from '../../../server/domain/inventory/inventory-types.ts';
import { errorMessage, type Api } from '../../data/api.ts';
import { fetchInventoryChildren } from '../../data/inventory.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import { alertLine } from '../../components/feedback.ts';
import { labelOf } from './inventory-format.ts';
import './bs-inventory-lead-tools.ts';

@customElement('bs-inventory-overview')
export class BsInventoryOverview extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        margin-top: 1rem;
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        align-items: end;
      }
      .table-wrap {
        overflow-x: auto;
        max-height: 70vh;
      }
      .table-wrap:focus-visible {
        outline: 3px solid var(--bs-focus);
      }
      table {
        border-collapse: collapse;
        background: var(--bs-surface);
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: 0.4rem 0.7rem;
        border-bottom: 1px solid var(--bs-border);
      }
      tbody th {
        white-space: nowrap;
      }
      thead th {
        background: var(--bs-hover);
        position: sticky;
        top: 0;
      }
      .muted {
        color: var(--bs-muted);
      }
      tr.current th,
      tr.current td {
        background: var(--bs-hover);
      }
      tr.current th {
        box-shadow: inset 4px 0 0 var(--bs-accent);
      }
      tr.reason td {
        max-width: 50rem;
        white-space: pre-wrap;
      }
      tbody th:focus-visible {
        outline: 3px solid var(--bs-focus, #1a5fb4);
        outline-offset: -3px;
      }
    `,
  ];

  @property({ attribute: false }) api?: Api;
  @property({ attribute: 'study-id' }) studyId = '';
  @property({ attribute: false }) config?: InventoryConfig;
  /** The study's lead: the tools are shown. */
  @property({ type: Boolean }) lead = false;
  /** The study is closed: the lead's tools are not offered. */
  @property({ type: Boolean }) closed = false;
  /** The child to mark (route '#/studier/s/barn/<id>'); '' for none. */
  @property({ attribute: 'child-id' }) childId = '';

  @state() private _children: InventoryChildView[] | null = null;
  @state() private _unit = '';
  @state() private _caseworker = '';
  @state() private _error = '';

  override willUpdate(changed: PropertyValues): void {
    if (changed.has('api') || changed.has('studyId')) void this._load();
    else if (changed.has('childId') && this._children) this._showChild();
  }

  /** Clears the filters if they hide the route's child, then scrolls to its row and focuses it. */
  private _showChild(): void {
    const child = this._children?.find((c) => c.id === this.childId);
    if (!this.childId) return;
    if (!child) {
      this._error = t('inventory.childMissing');
      return;
    }
    if (this._unit && this._unit !== child.unit) this._unit = '';
    if (this._caseworker && this._caseworker !== child.caseworker.id) this._caseworker = '';
    void this.updateComplete.then(() => {
      const cell = this.renderRoot.querySelector<HTMLElement>(`#row-${CSS.escape(child.id)}`);
      cell?.scrollIntoView({ block: 'center' });
      cell?.focus({ preventScroll: true });
    });
  }

  private async _load(): Promise<void> {
    if (!this.api || !this.studyId) return;
    this._error = '';
    try {
      this._children = await fetchInventoryChildren(this.api, this.studyId);
      this._showChild();
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  private _renderTable(config: InventoryConfig, children: InventoryChildView[]) {
    const caseworkers = [...new Map(children.map((c) => [c.caseworker.id, c.caseworker.displayName])).entries()]
      .sort((a, b) => a[1].localeCompare(b[1], 'sv'));
    const shown = children.filter((c) => (!this._unit || c.unit === this._unit) && (!this._caseworker || c.caseworker.id === this._caseworker));
    return html`
      <div class="filters">
        <div class="field">
          <label for="inv-unit">${t('inventory.filter.unit')}</label>
          <select id="inv-unit" .value=${this._unit} @change=${(e: Event) => (this._unit = (e.target as HTMLSelectElement).value)}>
            <option value="">${t('inventory.filter.any')}</option>
            ${config.units.map((u) => html`<option value=${u.id}>${u.label}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="inv-caseworker">${t('inventory.filter.caseworker')}</label>
          <select id="inv-caseworker" .value=${this._caseworker} @change=${(e: Event) => (this._caseworker = (e.target as HTMLSelectElement).value)}>
            <option value="">${t('inventory.filter.any')}</option>
            ${caseworkers.map(([id, name]) => html`<option value=${id}>${name}</option>`)}
          </select>
        </div>
      </div>
      <p role="status">${t('inventory.all.shown', { n: shown.length })}</p>
      <!-- Scrolls on its own: focusable, so the keyboard can scroll it too. -->
      <div class="table-wrap" tabindex="0" role="region" aria-label=${t('inventory.all.tableLabel')}><table>
        <thead><tr>
          <th scope="col">${t('inventory.col.child')}</th>
          <th scope="col">${t('inventory.col.unit')}</th>
          <th scope="col">${t('inventory.col.age')}</th>
          <th scope="col">${t('inventory.col.caseworker')}</th>
          <th scope="col">${t('inventory.col.level')}</th>
          <th scope="col">${t('inventory.col.criteria')}</th>
          <th scope="col">${t('inventory.col.sample')}</th>
        </tr></thead>
        <tbody>
          ${shown.map((c) => {
            const current = c.id === this.childId;
            return html`<tr class=${current ? 'current' : ''} aria-current=${current ? 'true' : nothing}>
            <th scope="row" id="row-${c.id}" tabindex=${current ? '-1' : nothing}>${c.pseudonym}</th>
            <td>${labelOf(config.units, c.unit)}</td>
            <td>${c.ageBand}</td>
            <td>${c.caseworker.displayName}</td>
            <td>${c.rating ? labelOf(config.scale, c.rating.level) : html`<span class="muted">${t('inventory.status.unrated')}</span>`}</td>
            <td>${c.rating?.criteria.map((id) => labelOf(config.criteria, id)).join(', ') ?? ''}</td>
            <td>${c.inSample ? t('inventory.yes') : ''}</td>
          </tr>
          ${current && c.rating
            ? html`<tr class="current reason"><td colspan="7">${c.rating.reason ? t('inventory.all.reason', { reason: c.rating.reason }) : t('inventory.all.noReason')}</td></tr>`
            : nothing}`;
          })}
        </tbody>
      </table></div>`;
  }

  override render() {
    const config = this.config;
    if (!config) return nothing;
    const children = this._children;
    const rated = children?.filter((c) => c.rating).length ?? 0;
    return html`
      <h2>${t('inventory.all.title')}</h2>
      <p><a class="button" href=${hrefFor({ name: 'inventory-summary', studyId: this.studyId })}>${t('inventory.summaryLink')}</a></p>
      ${alertLine(this._error)}
      ${children === null
        ? this._error ? nothing : html`<p role="status">${t('app.loading')}</p>`
        : children.length
          ? html`<p><strong>${t('inventory.all.progress', { rated, total: children.length, unrated: children.length - rated })}</strong></p>
              ${this._renderTable(config, children)}`
          : html`<p>${t('inventory.all.empty')}</p>`}
      ${this.lead && !this.closed && children
        ? html`<bs-inventory-lead-tools .api=${this.api} study-id=${this.studyId} .config=${config} .childViews=${children}
            @bs-inventory-changed=${() => void this._load()}></bs-inventory-lead-tools>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-inventory-overview': BsInventoryOverview;
  }
}
