// <bs-audit-view .api=${api} study-id="…">: the lead's audit log: filters (user, action, family, dates),
// the number of matching entries, the entries as a table, and "Exportera CSV" with the same filter.
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { StudyView } from '../../../server/domain/types.ts';
import { errorMessage } from '../../data/api.ts';
import { auditCsvHref, fetchAudit, type AuditEntry, type AuditFilter } from '../../data/audit.ts';
import { fetchStudySetup } from '../../data/study-admin.ts';
import type { AuditFilterDetail } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { adminStyles } from '../../components/admin/admin-styles.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import type { Choice } from '../../components/admin/bs-audit-filters.ts';
import '../../components/admin/bs-audit-filters.ts';
import '../../components/admin/bs-audit-table.ts';
import { StudyPage } from '../study/study-page.ts';
import { alertLine } from '../../components/feedback.ts';

@customElement('bs-audit-view')
export class BsAuditView extends StudyPage {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      h1 {
        font-size: 1.6rem;
      }
      .summary {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        align-items: baseline;
        margin: 0 0 0.6rem;
      }
      .summary p {
        margin: 0;
        font-weight: 600;
      }
    `,
  ];

  @state() private _study: StudyView | null = null;
  @state() private _users: Choice[] = [];
  @state() private _families: Choice[] = [];
  @state() private _filter: AuditFilter = {};
  @state() private _entries: AuditEntry[] | null = null;
  @state() private _total = 0;
  @state() private _busy = false;
  @state() private _error = '';

  protected async load(): Promise<void> {
    const api = this.api;
    if (!api || !this.studyId) return;
    this._error = '';
    try {
      const { study, members, families } = await fetchStudySetup(api, this.studyId);
      this._study = study;
      this._users = members.members.map((m) => ({ value: m.userId, label: m.displayName }));
      this._families = families.map((f) => ({ value: f.id, label: f.pseudonym }));
      document.title = `${t('audit.title')}: ${study.title} – ${t('app.name')}`;
      await this._query(this._filter);
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  private async _query(filter: AuditFilter): Promise<void> {
    const api = this.api;
    if (!api) return;
    this._busy = true;
    this._error = '';
    try {
      const { entries, total } = await fetchAudit(api, this.studyId, filter);
      this._filter = filter;
      this._entries = entries;
      this._total = total;
    } catch (err) {
      this._error = errorMessage(err);
    } finally {
      this._busy = false;
    }
  }

  private _totalText(): string {
    const shown = this._entries?.length ?? 0;
    if (shown < this._total) return t('audit.totalShown', { shown, n: this._total });
    return this._total === 1 ? t('audit.totalOne') : t('audit.total', { n: this._total });
  }

  override render() {
    const study = this._study;
    if (this._error && !study) return html`<h1>${t('audit.title')}</h1><p class="alert" role="alert">${this._error}</p>`;
    if (!study) return html`<p role="status">${t('app.loading')}</p>`;
    const names = new Map(this._families.map((f) => [f.value, f.label]));
    return html`
      <nav class="crumbs" aria-label=${t('app.breadcrumbs')}>
        <a href=${hrefFor({ name: 'study', studyId: study.id })}>${study.title}</a> › <span>${t('audit.title')}</span>
      </nav>
      <h1>${t('audit.title')}</h1>
      <p>${t('audit.intro')}</p>
      <section class="panel" aria-label=${t('audit.filters')}>
        <bs-audit-filters .users=${this._users} .families=${this._families} .filter=${this._filter} ?busy=${this._busy}
          @bs-audit-filter=${(e: CustomEvent<AuditFilterDetail>) => void this._query(e.detail.filter)}></bs-audit-filters>
      </section>
      ${alertLine(this._error)}
      <div class="summary">
        <p role="status" class="total">${this._entries ? this._totalText() : t('app.loading')}</p>
        <a class="button" href=${this.api ? auditCsvHref(this.api, study.id, this._filter) : '#'} download>
          ${t('audit.export')}<span class="visually-hidden"> (${t('audit.exportHint')})</span></a>
      </div>
      ${this._entries?.length === 0 ? html`<p>${t('audit.none')}</p>` : nothing}
      ${this._entries?.length ? html`<bs-audit-table .entries=${this._entries} .families=${names}></bs-audit-table>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-audit-view': BsAuditView;
  }
}
