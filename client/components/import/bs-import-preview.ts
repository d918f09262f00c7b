// <bs-import-preview .pending=${ready} .labels=${['Barn 1']} busy="">: what an import will replace before
// it is stored: counts per kind, the number of dated entries, and every replaced passage in its context
// (before, the original struck out in <del>, its pseudonym in <ins>, after). A small form lists a missed
// name (fires bs-name-add); "Importera dokumentet" fires bs-import-commit and "Avbryt" bs-import-discard.
// The originals shown here are personal data: rendered as text only, never stored or logged.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PendingImport, PreviewPassage, PseudonymKind } from '../../data/imports.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { adminStyles } from '../admin/admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';
import { countsStyles } from './counts-styles.ts';
import { alertLine, statusLine } from '../feedback.ts';

const KINDS: PseudonymKind[] = ['personnummer', 'samordningsnummer', 'telefon', 'epost', 'adress', 'namn'];

type Ready = Extract<PendingImport, { status: 'ready' }>;

@customElement('bs-import-preview')
export class BsImportPreview extends LitElement {
  static override styles = [
    sharedStyles,
    countsStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      h3 {
        font-size: 1.1rem;
      }
      ol.passages {
        max-height: 24rem;
        overflow: auto;
        padding-left: 2rem;
        margin: 0;
        border: 1px solid var(--bs-border);
        border-radius: 0.35rem;
        background: var(--bs-bg);
      }
      ol.passages li {
        padding: 0.35rem 0.5rem 0.35rem 0;
        border-bottom: 1px solid var(--bs-border);
        overflow-wrap: anywhere;
        white-space: pre-wrap;
      }
      .kind {
        font-size: 0.82rem;
        font-weight: 700;
        color: var(--bs-muted);
        margin-right: 0.4rem;
        white-space: normal;
      }
      del {
        background: var(--bs-danger-bg);
        color: var(--bs-danger);
      }
      ins {
        background: var(--bs-accent-bg);
        text-decoration: none;
        font-weight: 600;
      }
      .name-form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem 1rem;
        align-items: end;
      }
      .name-form .field {
        flex: 1 1 13rem;
      }
    `,
  ];

  @state() private _name = '';
  @state() private _label = '';
  @state() private _localError = '';

  /** The ready import with its preview. */
  @property({ attribute: false }) pending?: Ready;

  /** Labels of the names already listed for the family. */
  @property({ attribute: false }) labels: string[] = [];

  /** What is running: 'name', 'commit', 'discard' or ''. */
  @property() busy: '' | 'name' | 'commit' | 'discard' = '';

  /** An error from listing a name (the form keeps its input). */
  @property({ attribute: 'name-error' }) nameError = '';

  /** Confirmation after a name was listed. */
  @property({ attribute: 'name-message' }) nameMessage = '';

  /** An error from committing or discarding. */
  @property() error = '';

  private _addName(e: Event): void {
    e.preventDefault();
    if (this.busy) return;
    this._localError = '';
    const name = this._name.trim();
    const label = this._label.trim();
    if (!name || !label) {
      this._localError = t('preview.nameRequired');
      return;
    }
    fire(this, 'bs-name-add', { name, label });
  }

  /** Empties the name form (after the name was listed). */
  resetNameForm(): void {
    this._name = '';
    this._label = '';
  }

  private _renderPassage(p: PreviewPassage) {
    return html`<li><span class="kind">${t(`preview.kind.${p.kind}`)}</span>…${p.before}<del><span
      class="visually-hidden">${t('preview.replaced')} </span>${p.original}</del> → <ins><span
      class="visually-hidden">${t('preview.with')} </span>${p.pseudonym}</ins>${p.after}…</li>`;
  }

  private _renderNameForm() {
    const error = this._localError || this.nameError;
    return html`<form class="stack" @submit=${this._addName} aria-labelledby="name-title" novalidate>
      <h4 id="name-title">${t('preview.addName')}</h4>
      <p class="hint" id="name-intro">${t('preview.addNameIntro')}</p>
      <div class="name-form">
        <div class="field">
          <label for="missed-name">${t('preview.name')}</label>
          <input id="missed-name" type="text" autocomplete="off" spellcheck="false" maxlength="100" aria-describedby="name-intro"
            .value=${this._name} @input=${(e: Event) => (this._name = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="missed-label">${t('preview.label')}</label>
          <input id="missed-label" type="text" autocomplete="off" maxlength="40" .value=${this._label}
            @input=${(e: Event) => (this._label = (e.target as HTMLInputElement).value)} />
        </div>
        <button type="submit" ?disabled=${this.busy !== ''}>${t('preview.addNameButton')}</button>
      </div>
      ${alertLine(error)}
      ${statusLine(this.nameMessage)}
    </form>`;
  }

  override render() {
    const p = this.pending;
    if (!p) return nothing;
    const { counts, passages, truncated } = p.preview;
    return html`<section aria-labelledby="preview-title">
      <h3 id="preview-title">${t('preview.title', { title: p.title })}</h3>
      <p>${t('preview.intro')}</p>
      <p><strong>${t('preview.entries', { n: p.entryCount })}</strong></p>
      <h4 id="counts-title">${t('preview.counts')}</h4>
      <dl class="counts" aria-labelledby="counts-title">
        ${KINDS.map((k) => html`<div data-kind=${k}><dt>${t(`preview.kind.${k}`)}</dt><dd>${counts[k] ?? 0}</dd></div>`)}
      </dl>
      <p class="hint">${this.labels.length ? t('preview.names', { labels: this.labels.join(', ') }) : t('preview.noNames')}</p>
      <h4 id="passages-title">${t('preview.passages')}</h4>
      ${passages.length
        ? html`<ol class="passages" aria-labelledby="passages-title" tabindex="0">${passages.map((x) => this._renderPassage(x))}</ol>`
        : html`<p>${t('preview.noPassages')}</p>`}
      ${truncated ? html`<p class="hint">${t('preview.truncated', { n: passages.length })}</p>` : nothing}
      ${this._renderNameForm()}
      ${alertLine(this.error)}
      <div class="buttons">
        <button type="button" class="primary" ?disabled=${this.busy !== ''} @click=${() => fire(this, 'bs-import-commit', {})}>
          ${this.busy === 'commit' ? t('preview.committing') : t('preview.commit')}</button>
        <button type="button" ?disabled=${this.busy !== ''} @click=${() => fire(this, 'bs-import-discard', {})}>${t('preview.cancel')}</button>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-import-preview': BsImportPreview;
  }
}
