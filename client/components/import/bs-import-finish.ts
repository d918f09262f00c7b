// <bs-import-finish .job=${job} busy="commit|discard|" error="…">: the end of an archive import:
// "Spara i studien" (once every file is read), "Kasta importen" (asked first, in place) and "Ny import".
// Fires bs-import-commit, bs-import-discard and bs-archive-new; the page calls the server.
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BulkJobView } from '../../data/bulk-imports.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { adminStyles } from '../admin/admin-styles.ts';
import { alertLine } from '../feedback.ts';
import { sharedStyles } from '../base-styles.ts';
import { sectionStyles } from './section-styles.ts';

@customElement('bs-import-finish')
export class BsImportFinish extends LitElement {
  static override styles = [sharedStyles, adminStyles, sectionStyles];

  @state() private _confirmDiscard = false;

  /** The job being finished. */
  @property({ attribute: false }) job?: BulkJobView;

  /** What the page is doing with the job now: '' (nothing), 'commit' or 'discard'. */
  @property() busy: '' | 'commit' | 'discard' = '';

  /** An error from saving or discarding. */
  @property() error = '';

  private _focus(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  private _askDiscard(): void {
    this._confirmDiscard = true;
    this._focus('#discard-yes');
  }

  private _keepJob(): void {
    this._confirmDiscard = false;
    this._focus('#discard');
  }

  override render() {
    const job = this.job;
    if (!job) return nothing;
    const ready = job.state === 'ready';
    const busy = this.busy !== '';
    return html`<section aria-labelledby="finish-title">
      <h2 id="finish-title">${t('archive.finishTitle')}</h2>
      ${ready ? html`<p>${t('archive.finishIntro', { documents: job.documents })}</p>` : nothing}
      ${job.state === 'running' ? html`<p class="hint">${t('archive.waitForFiles')}</p>` : nothing}
      ${alertLine(this.error)}
      ${this._confirmDiscard
        ? html`<div class="confirm" role="group" aria-labelledby="discard-question">
            <span id="discard-question">${t('archive.discardConfirm')}</span>
            <button type="button" id="discard-yes" class="danger" ?disabled=${busy} @click=${() => fire(this, 'bs-import-discard', {})}>${t('archive.discardYes')}</button>
            <button type="button" ?disabled=${busy} @click=${this._keepJob}>${t('archive.discardNo')}</button>
          </div>`
        : html`<div class="buttons">
            ${job.state !== 'failed'
              ? html`<button type="button" class="primary" ?disabled=${!ready || busy} @click=${() => fire(this, 'bs-import-commit', {})}>
                  ${this.busy === 'commit' ? t('archive.committing') : t('archive.commit')}</button>`
              : nothing}
            <button type="button" id="discard" class="danger" ?disabled=${busy} @click=${this._askDiscard}>${t('archive.discard')}</button>
            <button type="button" ?disabled=${busy} @click=${() => fire(this, 'bs-archive-new', {})}>${t('archive.newImport')}</button>
          </div>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-import-finish': BsImportFinish;
  }
}
