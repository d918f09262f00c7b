// <bs-import-form .progress=${0.4} busy>: the lead's "Importera dokument" form (the parent gives the
// heading): a .txt/.md/.docx/.pdf file, an optional title, a progress bar while uploading, and the result
// or error given by the parent view. Fires bs-import-submit with the file and title; never uploads by itself.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { sharedStyles } from '../base-styles.ts';
import '../bs-progress-bar.ts';
import { alertLine, statusLine } from '../feedback.ts';

const ACCEPTED = /\.(txt|md|markdown|docx|pdf)$/i;

@customElement('bs-import-form')
export class BsImportForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        gap: 0.6rem;
        max-width: 36rem;
      }
      p {
        margin: 0;
      }
      .row {
        display: grid;
        gap: 0.25rem;
      }
      .ok {
        color: var(--bs-ok);
        font-weight: 600;
      }
    `,
  ];

  @query('input[type=file]') private _file?: HTMLInputElement;

  @state() private _title = '';
  @state() private _localError = '';

  /** Upload progress 0–1; null when unknown (indeterminate bar). */
  @property({ attribute: false }) progress: number | null = null;

  /** True while uploading. */
  @property({ type: Boolean }) busy = false;

  /** Result message after a successful import. */
  @property() message = '';

  /** Error message from the upload, shown as an alert. */
  @property() error = '';

  private _submit(e: Event): void {
    e.preventDefault();
    const file = this._file?.files?.[0];
    this._localError = '';
    if (!file) {
      this._localError = t('import.chooseFile');
      return;
    }
    if (!ACCEPTED.test(file.name)) {
      this._localError = t('import.wrongType');
      return;
    }
    fire(this, 'bs-import-submit', { file, title: this._title });
  }

  /** Clears the file and title after a successful import. */
  reset(): void {
    this._title = '';
    if (this._file) this._file.value = '';
  }

  override render() {
    const error = this._localError || this.error;
    return html`
      <form @submit=${this._submit} aria-label=${t('import.title')} novalidate>
        <p class="muted" id="import-intro">${t('import.intro')}</p>
        <div class="row">
          <label for="import-file">${t('import.file')}</label>
          <input id="import-file" type="file" accept=".txt,.md,.docx,.pdf,text/plain,text/markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" aria-describedby="import-intro"
            ?disabled=${this.busy} />
        </div>
        <div class="row">
          <label for="import-doc-title">${t('import.docTitle')}</label>
          <input id="import-doc-title" type="text" .value=${this._title} ?disabled=${this.busy}
            @input=${(e: Event) => (this._title = (e.target as HTMLInputElement).value)} />
        </div>
        <div>
          <button type="submit" class="primary" ?disabled=${this.busy}>
            ${this.busy ? t('import.busy') : t('import.submit')}
          </button>
        </div>
        ${this.busy ? html`<bs-progress-bar label=${t('import.progress')} .value=${this.progress}></bs-progress-bar>` : nothing}
        ${statusLine(this.message)}
        ${alertLine(error)}
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-import-form': BsImportForm;
  }
}
