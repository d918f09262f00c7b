// <bs-project-import .api=${api}>: the second way to start a study, on "Skapa en studie": a REFI-QDA
// project (.qdpx or .qde from NVivo, ATLAS.ti, MAXQDA …) becomes a new study. While it uploads and the
// server reads it, a status line says so and the button is disabled; then the counts, every warning and a
// link to the new study are shown. On an error the chosen file stays, so trying again is one click.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorMessage, type Api } from '../../data/api.ts';
import { importProject, type ProjectImportCounts, type ProjectImportResult } from '../../data/project-import.ts';
import { t, type MessageKey } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { adminStyles } from '../../components/admin/admin-styles.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import { alertLine } from '../../components/feedback.ts';

const COUNT_LABELS: [keyof ProjectImportCounts, MessageKey][] = [
  ['documents', 'create.import.documents'],
  ['codes', 'create.import.codes'],
  ['codings', 'create.import.codings'],
  ['annotations', 'create.import.annotations'],
  ['memos', 'create.import.memos'],
  ['families', 'create.import.families'],
];

@customElement('bs-project-import')
export class BsProjectImport extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      ul.counts,
      ul.warnings {
        margin: 0.3rem 0 0;
        padding-left: 1.2rem;
      }
    `,
  ];

  /** The API client. */
  @property({ attribute: false }) api?: Api;

  @state() private _file: File | null = null;
  @state() private _busy = false;
  /** Upload progress 0–1; null once the file is sent (the server is reading it) or when unknown. */
  @state() private _progress: number | null = null;
  @state() private _result: ProjectImportResult | null = null;
  @state() private _error = '';

  private async _submit(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.api || this._busy) return;
    const file = this._file;
    if (!file) return void (this._error = t('create.import.chooseFile'));
    this._busy = true;
    this._error = '';
    this._result = null;
    this._progress = 0;
    try {
      this._result = await importProject(this.api, file, (f) => (this._progress = f !== null && f < 1 ? f : null));
    } catch (err) {
      this._error = t('create.import.failed', { message: errorMessage(err) });
    } finally {
      this._busy = false;
      this._progress = null;
    }
  }

  private _renderStatus() {
    if (this._busy) {
      return html`<p>${this._progress === null
        ? t('create.import.processing')
        : t('create.import.uploading', { percent: Math.round(this._progress * 100) })}</p>`;
    }
    const r = this._result;
    if (!r) return nothing;
    return html`<p class="ok">${t('create.import.done', { title: r.study.title })}</p>
      <p>${t('create.import.counts')}</p>
      <ul class="counts">${COUNT_LABELS.map(([key, label]) => html`<li>${t(label, { n: r.counts[key] })}</li>`)}</ul>
      ${r.warnings.length
        ? html`<p>${t('create.import.warnings', { n: r.warnings.length })}</p>
            <ul class="warnings">${r.warnings.map((w) => html`<li>${w}</li>`)}</ul>`
        : html`<p>${t('create.import.noWarnings')}</p>`}
      <p><a href=${hrefFor({ name: 'study', studyId: r.study.id })}>${t('create.import.open', { title: r.study.title })}</a></p>`;
  }

  override render() {
    return html`
      <section aria-labelledby="project-import-title">
        <h2 id="project-import-title">${t('create.import.title')}</h2>
        <p>${t('create.import.intro')}</p>
        <form class="stack" @submit=${this._submit} novalidate aria-labelledby="project-import-title">
          <div class="field">
            <label for="project-file">${t('create.import.file')}</label>
            <p class="hint" id="project-hint">${t('create.import.hint')}</p>
            <input id="project-file" type="file" accept=".qdpx,.qde" aria-describedby="project-hint" ?disabled=${this._busy}
              @change=${(e: Event) => {
                this._file = (e.target as HTMLInputElement).files?.[0] ?? null;
                this._error = '';
              }} />
          </div>
          <div class="buttons">
            <button type="submit" ?disabled=${this._busy}>${t('create.import.submit')}</button>
          </div>
          <div role="status">${this._renderStatus()}</div>
          ${alertLine(this._error)}
        </form>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-project-import': BsProjectImport;
  }
}
