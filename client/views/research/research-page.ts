// The base of the researcher's pages (codebook, code, matrix): a StudyPage that loads the study first and
// refuses a caseworker at once (the API would answer 403 anyway, and a 403 on any later request is taken
// the same way), showing the page's heading over "not yours" instead of the page. Also their styles.
// Example: protected load() { return this.loadResearch(t('matrix.title'), (api) => this._loadMatrix(api)); }
import { css, html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { StudyView } from '../../../server/domain/types.ts';
import type { Api } from '../../data/api.ts';
import { fetchStudy } from '../../data/studies.ts';
import { t } from '../../i18n/sv.ts';
import { adminStyles } from '../../components/admin/admin-styles.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import { isForbidden } from '../../components/research/code-errors.ts';
import { researchStyles } from '../../components/research/research-styles.ts';
import { StudyPage, nameTab } from '../study/study-page.ts';

export const researchPageStyles = [
  sharedStyles,
  adminStyles,
  researchStyles,
  css`
    :host {
      display: block;
    }
    h1 {
      font-size: 1.6rem;
    }
  `,
];

export abstract class ResearchPage extends StudyPage {
  /** The user may not see the codebook (a caseworker): the page says so instead. */
  @state() protected forbidden = false;

  /** The page's heading, also over the refusal. */
  protected abstract readonly heading: string;

  /**
   * Loads the study and names the tab after `tab` (null: the page names it later); a caseworker is
   * refused, anyone else gets `more`, the page's own data.
   */
  protected loadResearch(tab: string | null, more: (api: Api, study: StudyView) => Promise<void>): Promise<void> {
    return this.loadStudy(async (api) => {
      const study = await fetchStudy(api, this.studyId);
      this.study = study;
      if (tab) nameTab(tab, study);
      if (study.role === 'caseworker') this.forbidden = true;
      else await more(api, study);
    });
  }

  protected override failed(err: unknown): void {
    if (isForbidden(err)) this.forbidden = true;
    else super.failed(err);
  }

  protected override get blocked(): boolean {
    return super.blocked || this.forbidden;
  }

  protected override renderNotReady(): TemplateResult {
    if (this.forbidden && !this.error) return html`<h1>${this.heading}</h1><p class="notice" role="alert">${t('codebook.forbidden')}</p>`;
    return super.renderNotReady();
  }
}
