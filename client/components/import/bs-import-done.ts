// <bs-import-done .result=${result} .names=${familyNames} study-href="#/studier/…">: what an archive import
// stored: documents in all, duplicates skipped, documents per family, a link back to the study and
// "Ny import" (fires bs-archive-new). Its heading takes focus when the page moves it there.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { BulkCommitResult } from '../../data/bulk-imports.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { adminStyles } from '../admin/admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';
import { sectionStyles } from './section-styles.ts';

@customElement('bs-import-done')
export class BsImportDone extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    sectionStyles,
    css`
      .summary {
        font-size: 1.05rem;
      }
    `,
  ];

  /** The answer to the commit. */
  @property({ attribute: false }) result?: BulkCommitResult;

  /** Family pseudonyms by id. */
  @property({ attribute: false }) names: Map<string, string> = new Map();

  /** Where "Till studien" leads. */
  @property({ attribute: 'study-href' }) studyHref = '#/';

  /** Moves focus to the heading (after the save). */
  focusHeading(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#done-title')?.focus());
  }

  override render() {
    const result = this.result;
    if (!result) return nothing;
    const n = result.documents.length;
    const perFamily = new Map<string, number>();
    for (const d of result.documents) perFamily.set(d.familyId, (perFamily.get(d.familyId) ?? 0) + 1);
    const skipped = result.skipped === 0 ? t('archive.doneNoSkipped')
      : result.skipped === 1 ? t('archive.doneSkippedOne') : t('archive.doneSkipped', { n: result.skipped });
    return html`<section aria-labelledby="done-title">
      <h2 id="done-title" tabindex="-1">${t('archive.doneTitle')}</h2>
      <p class="summary"><strong>${n === 1 ? t('archive.doneOne') : t('archive.done', { documents: n })}</strong> ${skipped}</p>
      ${perFamily.size
        ? html`<ul>${[...perFamily].map(([id, count]) => html`<li>${t('archive.donePerFamily', { family: this.names.get(id) ?? id, n: count })}</li>`)}</ul>`
        : nothing}
      <div class="buttons">
        <a class="button" href=${this.studyHref}>${t('archive.toStudy')}</a>
        <button type="button" @click=${() => fire(this, 'bs-archive-new', {})}>${t('archive.newImport')}</button>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-import-done': BsImportDone;
  }
}
