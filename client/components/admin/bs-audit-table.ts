// <bs-audit-table .entries=${e} .families=${names}>: audit entries as a table, newest first: time (local,
// Swedish format), user, role, action and outcome in Swedish, family (pseudonym when known) and the object
// by name (a document's title, "markering i Familj A", a question …; its id when nothing better is known).
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AuditEntry } from '../../data/audit.ts';
import { formatTimestamp, t } from '../../i18n/sv.ts';
import { actionLabel } from './bs-audit-filters.ts';
import { adminStyles } from './admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';

@customElement('bs-audit-table')
export class BsAuditTable extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      td.time {
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }
      td.object.named {
        font-family: inherit;
        font-size: inherit;
      }
      td.object {
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
        font-size: 0.88rem;
        overflow-wrap: anywhere;
      }
      .outcome-denied,
      .outcome-failed {
        color: var(--bs-danger);
        font-weight: 600;
      }
    `,
  ];

  /** The entries to show, newest first. */
  @property({ attribute: false }) entries: AuditEntry[] = [];

  /** Family pseudonyms by id. */
  @property({ attribute: false }) families: Map<string, string> = new Map();

  override render() {
    // The log has many columns: at high zoom the table scrolls sideways in a region keyboard users can focus.
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${t('audit.tableLabel')}><table>
      <thead><tr>
        <th scope="col">${t('audit.col.time')}</th>
        <th scope="col">${t('audit.col.user')}</th>
        <th scope="col">${t('audit.col.role')}</th>
        <th scope="col">${t('audit.col.action')}</th>
        <th scope="col">${t('audit.col.family')}</th>
        <th scope="col">${t('audit.col.object')}</th>
        <th scope="col">${t('audit.col.outcome')}</th>
      </tr></thead>
      <tbody>
        ${this.entries.map((e) => html`<tr>
          <td class="time"><time datetime=${e.time}>${formatTimestamp(e.time)}</time></td>
          <td class="user">${e.userName ?? e.user}</td>
          <td>${e.role ? t(`roleName.${e.role}`) : '–'}</td>
          <td class="action">${actionLabel(e.action)}</td>
          <td>${e.family ? this.families.get(e.family) ?? e.familyLabel ?? e.family : '–'}</td>
          <td class=${e.objectLabel && e.objectLabel !== e.object ? 'object named' : 'object'}>${e.objectLabel ?? e.object ?? '–'}</td>
          <td class="outcome-${e.outcome}">${t(`audit.outcome.${e.outcome}`)}</td>
        </tr>`)}
      </tbody>
    </table></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-audit-table': BsAuditTable;
  }
}
