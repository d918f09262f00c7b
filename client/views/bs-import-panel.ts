// <bs-import-panel .api=${api} study-id="…" family-id="…">: the lead's document import on the family page:
// uploads the file from bs-import-form with progress and fires bs-document-imported with the new document.
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { errorMessage, type Api } from '../data/api.ts';
import { uploadDocument } from '../data/documents.ts';
import { fire, type ImportSubmitDetail } from '../events.ts';
import { t } from '../i18n/sv.ts';
import { sharedStyles } from '../components/shared-styles.ts';
import type { BsImportForm } from '../components/bs-import-form.ts';
import '../components/bs-import-form.ts';

@customElement('bs-import-panel')
export class BsImportPanel extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      details {
        background: var(--bs-surface);
        border: 1px solid var(--bs-border);
        border-radius: 0.5rem;
        padding: 0.5rem 0.9rem;
      }
      summary {
        cursor: pointer;
      }
      summary h2 {
        display: inline;
        font-size: 1.05rem;
      }
      bs-import-form {
        margin: 0.6rem 0 0.3rem;
      }
    `,
  ];

  @query('bs-import-form') private _form?: BsImportForm;

  @state() private _busy = false;
  @state() private _progress: number | null = null;
  @state() private _message = '';
  @state() private _error = '';

  /** The API client. */
  @property({ attribute: false }) api?: Api;

  /** Study id. */
  @property({ attribute: 'study-id' }) studyId = '';

  /** Family to import into. */
  @property({ attribute: 'family-id' }) familyId = '';

  private async _upload(e: CustomEvent<ImportSubmitDetail>): Promise<void> {
    if (!this.api || this._busy) return;
    this._busy = true;
    this._progress = 0;
    this._message = '';
    this._error = '';
    try {
      // Once every byte is sent the server is still reading and pseudonymising: show an open-ended bar.
      const document = await uploadDocument(this.api, this.studyId, this.familyId, e.detail,
        (f) => (this._progress = f !== null && f >= 1 ? null : f));
      this._message = t('import.done', { n: document.entryCount });
      this._form?.reset();
      fire(this, 'bs-document-imported', { document });
    } catch (err) {
      this._error = errorMessage(err);
    } finally {
      this._busy = false;
    }
  }

  override render() {
    return html`<details>
      <summary><h2>${t('import.title')}</h2></summary>
      <bs-import-form ?busy=${this._busy} .progress=${this._progress} message=${this._message} error=${this._error}
        @bs-import-submit=${this._upload}></bs-import-form>
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-import-panel': BsImportPanel;
  }
}
