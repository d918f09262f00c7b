// <bs-codebook-transfer .api=${api} study-id="…">: the codebook in and out as a REFI-QDA file, the
// format ATLAS.ti, NVivo, MAXQDA and others read. A download link for the study's codebook (.qdc), and
// a file field that imports one (or the codebook inside a .qde project): how many codes were added (codes
// already there under the same name and parent are reused) and the importer's warnings are shown, and bs-codebook-imported tells the page to load the codebook again.
// `readonly` (a closed study): the download link only.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, errorMessage, type Api } from '../../data/api.ts';
import { codebookQdcUrl } from '../../data/research.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { adminStyles } from '../admin/admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';
import { alertLine } from '../feedback.ts';

interface ImportResult {
  created: number;
  /** Codes of the file that already existed (same name, same place) and were used as they are. */
  reused: number;
  warnings: string[];
}

function importError(err: unknown): string {
  if (err instanceof ApiError && err.code === 'invalid_codebook') return t('codebook.import.invalid', { message: err.message });
  return errorMessage(err);
}

@customElement('bs-codebook-transfer')
export class BsCodebookTransfer extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      form {
        margin-top: 1rem;
      }
      ul.warnings {
        margin: 0.3rem 0 0;
        padding-left: 1.2rem;
      }
    `,
  ];

  @property({ attribute: false }) api?: Api;

  @property({ attribute: 'study-id' }) studyId = '';

  /** The codebook is empty: nothing to export yet. */
  @property({ type: Boolean }) empty = false;

  /** Export only, no import (the study is closed). */
  @property({ type: Boolean }) readonly = false;

  @state() private _file: File | null = null;
  @state() private _busy = false;
  @state() private _result: ImportResult | null = null;
  @state() private _error = '';

  private async _submit(e: Event): Promise<void> {
    e.preventDefault();
    const file = this._file;
    if (!this.api || !file || this._busy) return;
    this._busy = true;
    this._error = '';
    this._result = null;
    try {
      const form = new FormData();
      form.append('file', file);
      const result = await this.api.upload<ImportResult>(codebookQdcUrl(this.studyId), form, () => undefined);
      this._result = { created: result.created, reused: result.reused ?? 0, warnings: result.warnings ?? [] };
      this._file = null;
      this.renderRoot.querySelector('form')?.reset();
      fire(this, 'bs-codebook-imported', { created: result.created });
    } catch (err) {
      this._error = importError(err);
    } finally {
      this._busy = false;
    }
  }

  private _renderResult() {
    const r = this._result;
    if (!r) return nothing;
    return html`<p class="ok">${r.created === 1 ? t('codebook.import.doneOne') : t('codebook.import.done', { n: r.created })}
        ${r.reused ? t('codebook.import.reused', { n: r.reused }) : nothing}</p>
      ${r.warnings.length
        ? html`<p>${t('codebook.import.warnings')}</p><ul class="warnings">${r.warnings.map((w) => html`<li>${w}</li>`)}</ul>`
        : nothing}`;
  }

  override render() {
    return html`
      <p>${this.empty ? t('codebook.export.empty') : html`<a href=${codebookQdcUrl(this.studyId)} download>${t('codebook.export.link')}</a>`}</p>
      <p class="hint">${t('codebook.export.hint')}</p>
      ${this.readonly ? nothing : this._renderImport()}
    `;
  }

  private _renderImport() {
    return html`
      <form class="stack" @submit=${this._submit}>
        <div class="field">
          <label for="qdc-file">${t('codebook.import.file')}</label>
          <p class="hint" id="qdc-hint">${t('codebook.import.hint')}</p>
          <input id="qdc-file" type="file" accept=".qdc,.qde,.xml" aria-describedby="qdc-hint"
            @change=${(e: Event) => (this._file = (e.target as HTMLInputElement).files?.[0] ?? null)} />
        </div>
        <div class="buttons">
          <button type="submit" ?disabled=${!this._file || this._busy}>${this._busy ? t('codebook.import.busy') : t('codebook.import.submit')}</button>
        </div>
        <div role="status">${this._renderResult()}</div>
        ${alertLine(this._error)}
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-codebook-transfer': BsCodebookTransfer;
  }
}
