// <bs-markdown-editor label="Kommentar" .value=${text}>: a labelled textarea for Markdown with a
// "Förhandsgranska" toggle. Fires bs-markdown-input on every change and bs-markdown-blur when the textarea
// loses focus. The parent keeps the text and passes it back in `value`.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { fire } from '../events.ts';
import { t } from '../i18n/sv.ts';
import { sharedStyles } from './base-styles.ts';
import './bs-markdown-view.ts';

let nextId = 0;

@customElement('bs-markdown-editor')
export class BsMarkdownEditor extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        justify-content: space-between;
        gap: 0.25rem 1rem;
        margin-bottom: 0.3rem;
      }
      .description {
        margin: 0 0 0.4rem;
        color: var(--bs-muted);
      }
      .preview {
        border: 1px dashed var(--bs-border-strong);
        border-radius: 0.35rem;
        padding: 0.5rem 0.6rem;
        background: var(--bs-surface);
        min-height: 4rem;
      }
      .help {
        font-size: 0.85rem;
        color: var(--bs-muted);
        margin: 0.25rem 0 0;
      }
    `,
  ];

  @query('textarea') private _textarea?: HTMLTextAreaElement;

  @state() private _preview = false;

  private readonly _id = `md-${++nextId}`;

  /** Visible label of the textarea. */
  @property() label = '';

  /** Optional longer description shown under the label (e.g. the full question). */
  @property() description = '';

  /** The Markdown text. */
  @property() value = '';

  /** Visible rows of the textarea. */
  @property({ type: Number }) rows = 6;

  /** Disables the textarea. */
  @property({ type: Boolean }) disabled = false;

  private _onInput(e: Event): void {
    this.value = (e.target as HTMLTextAreaElement).value;
    fire(this, 'bs-markdown-input', { value: this.value });
  }

  private _onBlur(): void {
    fire(this, 'bs-markdown-blur', { value: this.value });
  }

  private _togglePreview(): void {
    this._preview = !this._preview;
    if (!this._preview) void this.updateComplete.then(() => this._textarea?.focus());
  }

  /** Moves focus to the textarea (switching back from preview). */
  override focus(): void {
    this._preview = false;
    void this.updateComplete.then(() => this._textarea?.focus());
  }

  override render() {
    return html`
      <div class="top">
        <label for=${this._id} id=${`${this._id}-label`}>${this.label}</label>
        <button type="button" class="link" aria-pressed=${this._preview ? 'true' : 'false'} @click=${this._togglePreview}>
          ${t('markdown.preview')}
        </button>
      </div>
      ${this.description ? html`<p class="description" id=${`${this._id}-desc`}>${this.description}</p>` : nothing}
      <textarea
        id=${this._id}
        rows=${this.rows}
        .value=${this.value}
        ?hidden=${this._preview}
        ?disabled=${this.disabled}
        aria-describedby=${`${this.description ? `${this._id}-desc ` : ''}${this._id}-help`}
        @input=${this._onInput}
        @blur=${this._onBlur}
      ></textarea>
      ${this._preview
        ? html`<div class="preview" role="region" aria-labelledby=${`${this._id}-label`}>
            <bs-markdown-view .markdown=${this.value}></bs-markdown-view>
          </div>`
        : nothing}
      <p class="help" id=${`${this._id}-help`}>${t('markdown.help')}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-markdown-editor': BsMarkdownEditor;
  }
}
