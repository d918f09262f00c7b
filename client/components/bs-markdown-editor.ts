// <bs-markdown-editor label="Kommentar" .value=${text}>: a labelled textarea for Markdown with a
// "Förhandsgranska" toggle. Fires bs-markdown-input on every change and bs-markdown-blur when the textarea
// loses focus. The parent keeps the text and passes it back in `value`. Inside a study, a text with `[@`
// is checked ~400 ms after it changes and citation keys missing from the study's library are named under
// the textarea (a status line); when the lookup fails (a caseworker is refused, say) nothing is shown.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { citationsFor, mayCite } from '../common/citations.ts';
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
      .unknown-refs p {
        margin: 0.25rem 0 0;
        color: var(--bs-danger);
        font-size: 0.9rem;
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

  /** Cited keys not in the study's library, for the text last checked. */
  @state() private _unknownKeys: string[] = [];

  private _checkTimer: ReturnType<typeof setTimeout> | undefined;
  /** Answers for an older text than this are dropped. */
  private _checkSeq = 0;

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

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('value')) this._scheduleCheck();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._checkTimer);
    this._checkSeq++;
  }

  /** Looks the citations of the text up once typing pauses. */
  private _scheduleCheck(): void {
    clearTimeout(this._checkTimer);
    const seq = ++this._checkSeq;
    if (!mayCite(this.value)) {
      if (this._unknownKeys.length) this._unknownKeys = [];
      return;
    }
    this._checkTimer = setTimeout(() => void this._check(seq), 400);
  }

  private async _check(seq: number): Promise<void> {
    let keys: string[] = [];
    try {
      const result = await citationsFor(this.value);
      keys = result ? [...new Set(result.clusters.flatMap((c) => c.unknownKeys))] : [];
    } catch {
      // Refused or failed: say nothing rather than flag keys that may well be known.
      keys = [];
    }
    if (seq === this._checkSeq) this._unknownKeys = keys;
  }

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
      <div class="unknown-refs" role="status">
        ${this._unknownKeys.map((key) => html`<p>${t('cite.editorUnknown', { key })}</p>`)}
      </div>
      <p class="help" id=${`${this._id}-help`}>${t('markdown.help')}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-markdown-editor': BsMarkdownEditor;
  }
}
