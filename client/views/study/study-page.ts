// The base of the pages that show one study (study, settings, audit log, progress, archive import, search,
// memos, the research pages): the API client, the study id and the session counter, one rule for when the
// page loads its data, and for the pages that use them one way to load (loadStudy), to stand in for the
// page until it is loaded (renderNotReady) and to name the tab and the breadcrumbs.
// Example: protected load() { return this.loadStudy(async (api) => { this.study = await fetchStudy(api, this.studyId); … }); }
//          render() { if (this.blocked || !this.study) return this.renderNotReady(); … }
import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { StudyView } from '../../../server/domain/types.ts';
import { errorMessage, type Api } from '../../data/api.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';

/** Names the browser tab "<page>: <study> – Backspegel". */
export function nameTab(page: string, study: StudyView): void {
  document.title = `${page}: ${study.title} – ${t('app.name')}`;
}

/** The breadcrumbs: the study, the pages `between` (href and label) and the page the user is on. */
export function studyCrumbs(study: StudyView, here: string, between: readonly [href: string, label: string][] = []): TemplateResult {
  return html`<nav class="crumbs" aria-label=${t('app.breadcrumbs')}>
    <a href=${hrefFor({ name: 'study', studyId: study.id })}>${study.title}</a> ›
    ${between.map(([href, label]) => html`<a href=${href}>${label}</a> › `)}<span>${here}</span>
  </nav>`;
}

export abstract class StudyPage extends LitElement {
  /** The API client. */
  @property({ attribute: false }) api?: Api;

  /** Id of the study. */
  @property({ attribute: 'study-id' }) studyId = '';

  /** Incremented by the app when the user logs in again after the session expired: reload. */
  @property({ type: Number }) session = 0;

  /** The study, as the page last loaded it (pages that load through loadStudy). */
  @state() protected study: StudyView | null = null;

  /** Why the page could not be loaded; render() shows it instead of the page. */
  @state() protected error = '';

  override willUpdate(changed: PropertyValues): void {
    if (changed.has('studyId') || changed.has('api') || changed.has('session')) void this.load();
  }

  /** Loads (or reloads) the page's data; errors are the page's to show. */
  protected abstract load(): Promise<void>;

  /**
   * Runs `run` (which sets the page's data, `study` among it) once the API client and the study id are
   * known, with the last error cleared first; a failure goes to failed().
   */
  protected async loadStudy(run: (api: Api) => Promise<void>): Promise<void> {
    const api = this.api;
    if (!api || !this.studyId) return;
    this.error = '';
    try {
      await run(api);
    } catch (err) {
      this.failed(err);
    }
  }

  /** A load failed: its message is the page's error. */
  protected failed(err: unknown): void {
    this.error = errorMessage(err);
  }

  /** True while render() must show renderNotReady() whatever is loaded: the load failed. */
  protected get blocked(): boolean {
    return this.error !== '';
  }

  /** What stands in for the page: the load's error, or "Laddar …". */
  protected renderNotReady(): TemplateResult {
    return this.error ? html`<p class="alert" role="alert">${this.error}</p>` : html`<p role="status">${t('app.loading')}</p>`;
  }
}
