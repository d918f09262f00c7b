// <bs-study-view .api=${api} study-id="…">: a study's title and description, the lead's links to the
// study settings, the audit log, the progress overview and the archive import, its reflection questions (numbered, label and full text), and the
// families the user may see. A caseworker sees them as a table: pseudonym, years, documents, the user's
// own annotations per question and how many of the reflection texts are written. On a narrow screen (or at
// high zoom) each family's row stacks into a card with the column names beside the values, so nothing
// scrolls sideways. Researchers and the lead get links to the codebook, the matrix and the memos, and the
// whole study's totals instead (bs-research-overview): their own annotations would always be zero.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FamilyView, ResearchOverview, StudyView } from '../../../server/domain/types.ts';
import { errorMessage } from '../../data/api.ts';
import { fetchOverview } from '../../data/research.ts';
import { fetchFamilies, fetchStudy } from '../../data/studies.ts';
import { formatDateLong, t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import './bs-family-admin.ts';
import '../inventory/bs-inventory-rater.ts';
import '../inventory/bs-inventory-overview.ts';
import '../../components/research/bs-research-overview.ts';
import { StudyPage } from './study-page.ts';
import { studyViewStyles } from './study-view-styles.ts';
import { renderFamilyProgress } from './family-progress-table.ts';

export { familyYears } from './family-years.ts';

@customElement('bs-study-view')
export class BsStudyView extends StudyPage {
  static override styles = [sharedStyles, studyViewStyles];

  /** A målgruppsinventering's child to select (route '#/studier/s/barn/<id>', e.g. from a search hit); '' for none. */
  @property({ attribute: 'child-id' }) childId = '';

  @state() private _study: StudyView | null = null;
  @state() private _families: FamilyView[] | null = null;
  @state() private _error = '';
  @state() private _overview: ResearchOverview | null = null;
  @state() private _overviewError = '';

  protected async load(): Promise<void> {
    if (!this.api || !this.studyId) return;
    this._error = '';
    try {
      const pendingFamilies = fetchFamilies(this.api, this.studyId);
      const study = await fetchStudy(this.api, this.studyId);
      // A målgruppsinventering has children, not families: its own views load them.
      if (study.kind === 'inventory') pendingFamilies.catch(() => undefined);
      this._families = study.kind === 'inventory' ? [] : await pendingFamilies;
      this._study = study;
      document.title = `${study.title} – ${t('app.name')}`;
    } catch (err) {
      this._error = errorMessage(err);
      return;
    }
    if (this._study.role !== 'caseworker' && this._study.kind !== 'inventory') await this._loadOverview();
  }

  /** The study's totals, asked for only by those who may see them (a caseworker would get 403). A failure
   * here leaves the rest of the page usable. */
  private async _loadOverview(): Promise<void> {
    if (!this.api) return;
    this._overviewError = '';
    try {
      this._overview = await fetchOverview(this.api, this.studyId);
    } catch (err) {
      this._overviewError = errorMessage(err);
    }
  }

  /** Codebook, matrix, memos, literature, report, exports and agreement rounds: for researchers and the lead. */
  private _renderResearchLinks(study: StudyView) {
    return html`<nav class="tools" aria-label=${t('study.researchTools')}><ul>
      <li><a class="button" href=${hrefFor({ name: 'codebook', studyId: study.id })}>${t('study.codebookLink')}</a></li>
      <li><a class="button" href=${hrefFor({ name: 'matrix', studyId: study.id, cols: 'question' })}>${t('study.matrixLink')}</a></li>
      <li><a class="button" href=${hrefFor({ name: 'memos', studyId: study.id })}>${t('study.memosLink')}</a></li>
      <li><a class="button" href=${hrefFor({ name: 'literature', studyId: study.id })}>${t('study.literatureLink')}</a></li>
      <li><a class="button" href=${hrefFor({ name: 'exports', studyId: study.id })}>${t('exports.link')}</a></li>
      <li><a class="button" href=${hrefFor({ name: 'report', studyId: study.id, options: '' })}>${t('report.link')}</a></li>
      ${study.kind === 'inventory' ? nothing : html`<li><a class="button" href=${hrefFor({ name: 'investigations', studyId: study.id })}>${t('investigations.link')}</a></li>`}
      <li><a class="button" href=${hrefFor({ name: 'agreement', studyId: study.id })}>${t('agreement.link')}</a></li>
    </ul></nav>`;
  }

  private _renderOverview(study: StudyView) {
    if (this._overviewError) return html`<p class="alert" role="alert">${this._overviewError}</p>`;
    if (!this._overview) return html`<p role="status">${t('app.loading')}</p>`;
    return html`<bs-research-overview study-id=${study.id} .overview=${this._overview}></bs-research-overview>`;
  }

  /** A målgruppsinventering: the caseworker rates their children, the lead and researchers see them all. */
  private _renderInventory(study: StudyView) {
    const config = study.inventory;
    if (!config) return nothing;
    return html`
      ${study.role === 'lead'
        ? html`<nav class="tools" aria-label=${t('study.tools')}><ul>
            <li><a class="button" href=${hrefFor({ name: 'settings', studyId: study.id })}>${t('study.settingsLink')}</a></li>
            <li><a class="button" href=${hrefFor({ name: 'audit', studyId: study.id })}>${t('study.auditLink')}</a></li>
          </ul></nav>`
        : nothing}
      ${study.role === 'caseworker'
        ? html`<bs-inventory-rater .api=${this.api} study-id=${study.id} .config=${config} child-id=${this.childId}></bs-inventory-rater>`
        : html`<bs-inventory-overview .api=${this.api} study-id=${study.id} .config=${config} child-id=${this.childId} ?lead=${study.role === 'lead'}
            ?closed=${study.status === 'closed'}></bs-inventory-overview>`}
    `;
  }

  override render() {
    const study = this._study;
    if (this._error) return html`<p class="alert" role="alert">${this._error}</p>`;
    if (!study || !this._families) return html`<p role="status">${t('app.loading')}</p>`;
    if (study.kind === 'inventory') {
      return html`
        <h1>${study.title}</h1>
        <p class="description">${study.description}</p>
        <ul class="facts">
          <li>${t('inventory.kindLabel')}</li>
          <li>${t('studies.role', { role: t(`role.${study.role}`) })}</li>
        </ul>
        ${this._renderInventory(study)}
      `;
    }
    return html`
      <h1>${study.title}</h1>
      <p class="description">${study.description}</p>
      <ul class="facts">
        <li>${t(study.legalBasis === 'research' ? 'study.legalBasis.research' : 'study.legalBasis.follow-up')}</li>
        ${study.ethicsApproval ? html`<li>${t('study.ethics', { ref: study.ethicsApproval })}</li>` : nothing}
        ${study.endDate ? html`<li>${t('study.endDate', { date: formatDateLong(study.endDate) })}</li>` : nothing}
        <li>${t('studies.role', { role: t(`role.${study.role}`) })}</li>
      </ul>
      ${study.role === 'lead'
        ? html`<nav class="tools" aria-label=${t('study.tools')}><ul>
            <li><a class="button" href=${hrefFor({ name: 'settings', studyId: study.id })}>${t('study.settingsLink')}</a></li>
            <li><a class="button" href=${hrefFor({ name: 'audit', studyId: study.id })}>${t('study.auditLink')}</a></li>
            <li><a class="button" href=${hrefFor({ name: 'progress', studyId: study.id })}>${t('study.progressLink')}</a></li>
            <li><a class="button" href=${hrefFor({ name: 'archive-import', studyId: study.id })}>${t('study.archiveLink')}</a></li>
          </ul></nav>`
        : nothing}
      ${study.role === 'caseworker' ? nothing : this._renderResearchLinks(study)}
      <h2>${t('study.questions')}</h2>
      <ol class="questions">
        ${study.questions.map((q) => html`<li><strong>${q.label}</strong> – ${q.text}</li>`)}
      </ol>
      <h2>${study.role === 'caseworker' ? t('study.families') : t('study.familiesAll')}</h2>
      ${study.role === 'caseworker' ? renderFamilyProgress(study, this._families) : this._renderOverview(study)}
      ${study.role === 'lead'
        ? html`<bs-family-admin .api=${this.api} study-id=${study.id} .families=${this._families} ?closed=${study.status === 'closed'}
            @bs-families-changed=${() => void this.load()}></bs-family-admin>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-study-view': BsStudyView;
  }
}
