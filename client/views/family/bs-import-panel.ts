// <bs-import-panel .api=${api} study-id="…" family-id="…">: the lead's document import on the family page,
// with a preview before anything is stored: upload (progress bar) → text extraction on the server (polled
// every 300 ms, progress bar) → bs-import-preview (what will be replaced; missed names can be listed and
// the preview is fetched again) → "Importera dokumentet" stores it and fires bs-document-imported, or
// "Avbryt" discards the upload. The preview's original text is kept in memory only and dropped as soon as
// the import is committed, discarded or the panel goes away.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ApiError, errorMessage, type Api } from '../../data/api.ts';
import { addNames, commitImport, discardImport, fetchImport, fetchNameLabels, startImport, type PendingImport } from '../../data/imports.ts';
import { fire, type ImportSubmitDetail, type NameAddDetail } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import type { BsImportPreview } from '../../components/import/bs-import-preview.ts';
import '../../components/import/bs-import-form.ts';
import '../../components/import/bs-import-preview.ts';
import '../../components/bs-progress-bar.ts';

const POLL_MS = 300;

type Ready = Extract<PendingImport, { status: 'ready' }>;

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
      bs-import-form,
      bs-import-preview,
      bs-progress-bar {
        margin: 0.6rem 0 0.3rem;
        max-width: 60rem;
      }
      .ok {
        color: var(--bs-ok);
        font-weight: 600;
      }
    `,
  ];

  @query('bs-import-preview') private _preview?: BsImportPreview;

  @state() private _phase: 'form' | 'uploading' | 'extracting' | 'preview' = 'form';
  @state() private _progress: number | null = null;
  @state() private _pending: PendingImport | null = null;
  @state() private _labels: string[] = [];
  @state() private _busy: '' | 'name' | 'commit' | 'discard' = '';
  @state() private _message = '';
  @state() private _error = '';
  @state() private _nameError = '';
  @state() private _nameMessage = '';

  /** Bumped to stop a running poll (discard, new upload, element removed). */
  private _run = 0;

  /** The API client. */
  @property({ attribute: false }) api?: Api;

  /** Study id. */
  @property({ attribute: 'study-id' }) studyId = '';

  /** Family to import into. */
  @property({ attribute: 'family-id' }) familyId = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Leaving the page with an upload waiting: let the server forget its original text now.
    const pending = this._pending;
    this._run++;
    this._pending = null;
    if (pending && this.api) void discardImport(this.api, this.studyId, this.familyId, pending.id).catch(() => undefined);
  }

  private _reset(message = ''): void {
    this._run++;
    this._phase = 'form';
    this._pending = null;
    this._progress = null;
    this._busy = '';
    this._message = message;
    this._nameError = '';
    this._nameMessage = '';
  }

  private async _upload(e: CustomEvent<ImportSubmitDetail>): Promise<void> {
    const api = this.api;
    if (!api || this._phase !== 'form') return;
    const run = ++this._run;
    this._phase = 'uploading';
    this._progress = 0;
    this._message = '';
    this._error = '';
    try {
      let pending = await startImport(api, this.studyId, this.familyId, e.detail, (f) => (this._progress = f));
      this._pending = pending;
      this._phase = 'extracting';
      while (pending.status === 'extracting') {
        this._progress = pending.progress;
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (run !== this._run) return;
        pending = await fetchImport(api, this.studyId, this.familyId, pending.id);
        this._pending = pending;
      }
      if (run !== this._run) return;
      if (pending.status === 'failed') {
        this._reset();
        this._error = t('import.failed', { message: pending.error.message });
        return;
      }
      this._labels = await fetchNameLabels(api, this.studyId, this.familyId);
      this._phase = 'preview';
    } catch (err) {
      if (run !== this._run) return;
      this._reset();
      // A file refused on upload reads the same as one that failed while it was read in the background.
      const refused = err instanceof ApiError && [413, 415, 422].includes(err.status);
      this._error = refused ? t('import.failed', { message: (err as ApiError).message }) : errorMessage(err);
    }
  }

  private async _addName(e: CustomEvent<NameAddDetail>): Promise<void> {
    const api = this.api;
    const pending = this._pending;
    if (!api || !pending || this._busy) return;
    this._busy = 'name';
    this._nameError = '';
    this._nameMessage = '';
    try {
      this._labels = await addNames(api, this.studyId, this.familyId, [e.detail]);
      this._pending = await fetchImport(api, this.studyId, this.familyId, pending.id);
      this._preview?.resetNameForm();
      this._nameMessage = t('preview.nameAdded', { label: e.detail.label });
    } catch (err) {
      this._nameError = errorMessage(err);
    } finally {
      this._busy = '';
    }
  }

  private async _commit(): Promise<void> {
    const api = this.api;
    const pending = this._pending;
    if (!api || !pending || this._busy) return;
    this._busy = 'commit';
    this._error = '';
    try {
      const { document } = await commitImport(api, this.studyId, this.familyId, pending.id);
      this._reset(t('import.done', { n: document.entryCount }));
      fire(this, 'bs-document-imported', { document });
    } catch (err) {
      this._error = errorMessage(err);
      this._busy = '';
    }
  }

  private async _discard(): Promise<void> {
    const api = this.api;
    const pending = this._pending;
    if (!api || !pending || this._busy) return;
    this._busy = 'discard';
    this._error = '';
    try {
      await discardImport(api, this.studyId, this.familyId, pending.id);
      this._reset(t('preview.cancelled'));
    } catch (err) {
      this._error = errorMessage(err);
      this._busy = '';
    }
  }

  private _renderBody() {
    const pending = this._pending;
    switch (this._phase) {
      case 'form':
      case 'uploading':
        return html`<bs-import-form ?busy=${this._phase === 'uploading'} .progress=${this._progress}
          @bs-import-submit=${this._upload}></bs-import-form>`;
      case 'extracting':
        return html`<bs-progress-bar label=${t('import.extracting', { file: pending?.fileName ?? '' })}
          .value=${this._progress}></bs-progress-bar>`;
      case 'preview':
        return pending?.status === 'ready'
          ? html`<bs-import-preview .pending=${pending as Ready} .labels=${this._labels} busy=${this._busy}
              name-error=${this._nameError} name-message=${this._nameMessage} error=${this._error}
              @bs-name-add=${this._addName} @bs-import-commit=${this._commit} @bs-import-discard=${this._discard}></bs-import-preview>`
          : nothing;
    }
  }

  override render() {
    return html`<details>
      <summary><h2>${t('import.title')}</h2></summary>
      ${this._renderBody()}
      <div class="result" role="status">${this._message ? html`<p class="ok">${this._message}</p>` : nothing}</div>
      ${this._error && this._phase !== 'preview' ? html`<p class="alert" role="alert">${this._error}</p>` : nothing}
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-import-panel': BsImportPanel;
  }
}
