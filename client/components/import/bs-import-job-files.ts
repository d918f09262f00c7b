// <bs-import-job-files .job=${job}>: a bulk import job's progress: "n av m filer" with a bar, the
// archive's own warnings (unknown folder, files outside the folders), and one row per file with its
// name, family, state, its own progress bar while it is read, its number of dated entries, and its warnings and error in
// Swedish, each with a word in front ("Varning: Dubblett", "Fel") so nothing is told by colour alone.
// Shows only; the page polls and announces progress.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { BulkJobView, FileWarning, JobFileView } from '../../data/bulk-imports.ts';
import { t, tKey } from '../../i18n/sv.ts';
import { sharedStyles } from '../base-styles.ts';
import '../bs-progress-bar.ts';

@customElement('bs-import-job-files')
export class BsImportJobFiles extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .overall {
        display: grid;
        gap: 0.3rem;
        max-width: 40rem;
        margin: 0 0 1rem;
      }
      .count {
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        margin: 0;
      }
      h3 {
        font-size: 1.05rem;
        margin: 1rem 0 0.4rem;
      }
      ul.problems,
      ol.files {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      ul.problems li {
        margin: 0.2rem 0 0;
      }
      ol.files > li {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1fr);
        gap: 0.25rem 1rem;
        align-items: start;
        padding: 0.5rem 0.6rem;
        background: var(--bs-surface);
        border: 1px solid var(--bs-border);
        border-radius: 0.35rem;
        margin: 0 0 0.4rem;
      }
      ol.files > li.failed {
        border-left: 0.35rem solid var(--bs-danger);
      }
      ol.files > li.warned {
        border-left: 0.35rem solid var(--bs-accent);
      }
      .name {
        font-weight: 600;
        overflow-wrap: anywhere;
        margin: 0;
      }
      .meta {
        margin: 0;
        color: var(--bs-muted);
      }
      .notes {
        grid-column: 1 / -1;
      }
      .tag {
        font-weight: 700;
      }
      @media (max-width: 40rem) {
        ol.files > li {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  /** The job as the server describes it. */
  @property({ attribute: false }) job?: BulkJobView;

  private _familyName(familyId: string | null): string {
    if (!familyId) return t('archive.noFamily');
    return this.job?.families.find((f) => f.familyId === familyId)?.pseudonym ?? familyId;
  }

  private _warningText(w: FileWarning): string {
    const earlier = w.duplicateOf === undefined ? undefined : this.job?.files[w.duplicateOf];
    return earlier ? t('archive.duplicateOf', { file: earlier.name }) : w.message;
  }

  private _renderNotes(f: JobFileView) {
    if (!f.error && f.warnings.length === 0) return nothing;
    return html`<ul class="problems notes">
      ${f.error
        ? html`<li><span class="tag">${t('archive.errorPrefix')}:</span>
            ${f.error.code === 'unknown_family' ? html`${t('archive.warning.unknown_family')} – ` : nothing}${f.error.message}</li>`
        : nothing}
      ${f.warnings.map((w) => html`<li><span class="tag">${t('archive.warningPrefix')}: ${tKey(`archive.warning.${w.code}`) ?? w.code}</span>
        – ${this._warningText(w)}</li>`)}
    </ul>`;
  }

  private _renderFile(f: JobFileView) {
    const settled = f.state === 'ready' || f.state === 'failed';
    const cls = f.state === 'failed' ? 'failed' : f.warnings.length ? 'warned' : '';
    return html`<li class=${cls}>
      <p class="name">${f.name}</p>
      <p class="meta">${t('archive.family', { family: this._familyName(f.familyId) })}</p>
      <p class="meta">${t('archive.state', { state: t(`archive.fileState.${f.state}`) })}${f.entryCount !== undefined
        ? html`<br />${t('archive.entries', { n: f.entryCount })}`
        : nothing}</p>
      ${settled
        ? nothing
        : html`<bs-progress-bar class="notes" label-hidden label=${t('archive.fileProgress', { file: f.name })}
            .value=${f.state === 'queued' ? 0 : f.progress}></bs-progress-bar>`}
      ${this._renderNotes(f)}
    </li>`;
  }

  override render() {
    const job = this.job;
    if (!job) return nothing;
    const own = job.warnings.filter((w) => !w.file);
    return html`
      <div class="overall">
        <p class="count" id="overall-count">${t('archive.overall', { done: job.done, total: job.total })}</p>
        <bs-progress-bar label-hidden label=${t('archive.overallLabel')} .value=${job.total ? job.done / job.total : 0}></bs-progress-bar>
      </div>
      ${job.error ? html`<p class="alert">${t('archive.failed', { message: job.error.message })}</p>` : nothing}
      ${own.length
        ? html`<h3>${t('archive.jobWarnings')}</h3>
            <ul class="problems">
              ${own.map((w) => html`<li><span class="tag">${t('archive.warningPrefix')}: ${tKey(`archive.warning.${w.code}`) ?? w.code}</span>
                ${w.folder ? html`(${t('archive.folder', { folder: w.folder })})` : nothing} – ${w.message}</li>`)}
            </ul>`
        : nothing}
      <h3>${t('archive.filesTitle')}</h3>
      <ol class="files">${job.files.map((f) => this._renderFile(f))}</ol>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-import-job-files': BsImportJobFiles;
  }
}
