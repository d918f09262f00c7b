// <bs-investigations-view .api=${api} study-id="…" family-id="…" investigation-id="…" ?readonly>: the family
// page's "Utredningar" tab. Lists the investigations found in the family's chronology (start → decision,
// days, the four-month limit in words, extended, kortutredning, appraised) with a link to the start entry in
// the case file; the one named by `investigation-id` (the route) opens in the appraisal form below, with the
// checklist's manual behind a "Manual" disclosure. Read-only users (researchers) see the appraisals as text.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Checklist, InvestigationView } from '../../../server/domain/checklist/checklist-types.ts';
import { errorMessage, type Api } from '../../data/api.ts';
import { fetchChecklist, fetchInvestigations } from '../../data/investigations.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import { adminStyles } from '../../components/admin/admin-styles.ts';
import { alertLine } from '../../components/feedback.ts';
import '../../components/bs-markdown-view.ts';
import './bs-appraisal-form.ts';
import type { AppraisalSavedDetail } from './bs-appraisal-form.ts';

/** "Över fyra månader", "Inom fyra månader" or "Pågår (gräns …)": the limit in words, never only a colour. */
export function limitText(v: Pick<InvestigationView, 'overLimit' | 'decided' | 'limit'>): string {
  if (v.overLimit) return t('investigations.overLimit');
  return v.decided ? t('investigations.withinLimit') : t('investigations.openUndecided', { limit: v.limit });
}

@customElement('bs-investigations-view')
export class BsInvestigationsView extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
        max-width: 64rem;
      }
      h2 {
        font-size: 1.25rem;
      }
      .over {
        font-weight: 700;
        color: var(--bs-danger);
      }
      tr[aria-current='true'] {
        background: var(--bs-hover);
      }
      details.manual {
        margin: 1rem 0;
        border: 1px solid var(--bs-border);
        border-radius: 0.5rem;
        padding: 0.4rem 0.8rem;
        background: var(--bs-surface);
      }
      details.manual summary {
        cursor: pointer;
        font-weight: 600;
      }
      .appraisal {
        margin-top: 1.5rem;
      }
    `,
  ];

  @property({ attribute: false }) api?: Api;

  @property({ attribute: 'study-id' }) studyId = '';

  @property({ attribute: 'family-id' }) familyId = '';

  /** The investigation to open in the appraisal form ('' = none). */
  @property({ attribute: 'investigation-id' }) investigationId = '';

  /** The user may read but not write appraisals. */
  @property({ type: Boolean }) readonly = false;

  /** Incremented by the app when the user logs in again: load again what failed. */
  @property({ type: Number }) session = 0;

  @state() private _checklist: Checklist | null = null;
  @state() private _list: InvestigationView[] | null = null;
  @state() private _error = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('studyId') || changed.has('familyId') || changed.has('api')) void this._load();
    else if (changed.has('session') && !this._list) void this._load();
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('investigationId') && this.investigationId && this._list) {
      this.renderRoot.querySelector<HTMLElement>('#appraisal-title')?.focus();
    }
  }

  private async _load(): Promise<void> {
    const api = this.api;
    if (!api || !this.studyId || !this.familyId) return;
    this._error = '';
    try {
      const [checklist, list] = await Promise.all([
        fetchChecklist(api, this.studyId),
        fetchInvestigations(api, this.studyId, this.familyId),
      ]);
      this._checklist = checklist;
      this._list = list;
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  private _onSaved(e: CustomEvent<AppraisalSavedDetail>): void {
    const saved = e.detail.investigation;
    this._list = (this._list ?? []).map((v) => (v.id === saved.id ? saved : v));
  }

  private _href(investigationId?: string): string {
    const base = { name: 'family' as const, studyId: this.studyId, familyId: this.familyId, tab: 'utredningar' as const };
    return hrefFor(investigationId ? { ...base, target: { kind: 'investigation', investigationId } } : base);
  }

  private _renderRow(v: InvestigationView) {
    const fileLink = hrefFor({ name: 'family', studyId: this.studyId, familyId: this.familyId, tab: 'akt',
      target: { kind: 'entry', documentId: v.documentId, offset: v.startOffset } });
    const open = this.readonly || v.appraisal ? 'view' : 'appraise';
    return html`<tr aria-current=${v.id === this.investigationId ? 'true' : 'false'}>
      <th scope="row">
        ${t('investigations.period', { start: v.start, decided: v.decided ?? t('investigations.undecided') })}
        <br /><a href=${fileLink} aria-label=${t('investigations.showInFileLabel', { date: v.start })}>${t('investigations.showInFile')}</a>
      </th>
      <td data-label=${t('investigations.col.days')}>${v.days === null ? t('investigations.noDays') : t('investigations.days', { n: v.days })}</td>
      <td data-label=${t('investigations.col.limit')}>
        <span class=${v.overLimit ? 'over' : ''}>${limitText(v)}</span>
        <br /><span class="muted">${t('investigations.limitDate', { limit: v.limit })}</span>
      </td>
      <td data-label=${t('investigations.col.extended')}>${v.extended ? t('investigations.yes') : t('investigations.no')}</td>
      <td data-label=${t('investigations.col.short')}>${v.short ? t('investigations.yes') : t('investigations.no')}</td>
      <td data-label=${t('investigations.col.appraised')}>${v.appraisal ? t('investigations.yes') : t('investigations.no')}</td>
      <td data-label=${t('investigations.col.open')}>
        <a href=${this._href(v.id)} aria-label=${t(open === 'view' ? 'investigations.viewLabel' : 'investigations.appraiseLabel', { date: v.start })}>
          ${t(open === 'view' ? 'investigations.view' : 'investigations.appraise')}</a>
      </td>
    </tr>`;
  }

  private _renderAppraisal(list: InvestigationView[], checklist: Checklist) {
    if (!this.investigationId) return nothing;
    const view = list.find((v) => v.id === this.investigationId);
    if (!view) return html`<p class="alert" role="alert">${t('investigations.notFound')}</p>`;
    return html`<section class="appraisal" aria-labelledby="appraisal-title">
      <h2 id="appraisal-title" tabindex="-1">
        ${t('investigations.formTitle', { start: view.start, decided: view.decided ?? t('investigations.undecided') })}</h2>
      <p><a href=${this._href()}>${t('investigations.back')}</a></p>
      <details class="manual">
        <summary>${t('investigations.manual')}</summary>
        ${checklist.manual.trim() ? html`<bs-markdown-view .markdown=${checklist.manual}></bs-markdown-view>` : html`<p>${t('investigations.manualEmpty')}</p>`}
      </details>
      <bs-appraisal-form .api=${this.api} study-id=${this.studyId} family-id=${this.familyId} .investigation=${view}
        .checklist=${checklist} ?readonly=${this.readonly} @bs-appraisal-saved=${this._onSaved}></bs-appraisal-form>
    </section>`;
  }

  override render() {
    const list = this._list;
    const checklist = this._checklist;
    if (this._error && !list) return html`<h2>${t('investigations.title')}</h2>${alertLine(this._error)}`;
    if (!list || !checklist) return html`<p role="status">${t('app.loading')}</p>`;
    return html`
      <h2>${t('investigations.title')}</h2>
      <p>${t('investigations.intro')}</p>
      ${this.readonly ? html`<p class="notice">${t('investigations.readonlyIntro')}</p>` : nothing}
      ${alertLine(this._error)}
      ${list.length === 0
        ? html`<p>${t('investigations.none')}</p>`
        : html`<div class="table-wrap"><table class="stacked">
            <caption class="visually-hidden">${t('investigations.caption')}</caption>
            <thead><tr>
              <th scope="col">${t('investigations.col.period')}</th>
              <th scope="col">${t('investigations.col.days')}</th>
              <th scope="col">${t('investigations.col.limit')}</th>
              <th scope="col">${t('investigations.col.extended')}</th>
              <th scope="col">${t('investigations.col.short')}</th>
              <th scope="col">${t('investigations.col.appraised')}</th>
              <th scope="col">${t('investigations.col.open')}</th>
            </tr></thead>
            <tbody>${list.map((v) => this._renderRow(v))}</tbody>
          </table></div>`}
      ${this._renderAppraisal(list, checklist)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-investigations-view': BsInvestigationsView;
  }
}
