// <bs-case-file-find .blocks=${blocks} .texts=${texts}>: "Sök i akten", a find field above the reader.
// The reader keeps only the entries near the viewport in the page, so the browser's own find cannot see
// the rest of a long case file; this looks through all of it (findInCaseFile). Enter (or "Nästa") shows
// the next occurrence and Shift+Enter (or "Föregående") the one before, firing bs-find-hit for the family
// page to show it in the reader; "Träff 3 av 17" is announced. Ctrl+F (⌘F) moves focus here while the
// case file is shown; pressed again in the field, it opens the browser's own find.
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Block } from '../../common/chronology.ts';
import { FIND_LIMIT, FIND_MIN_LENGTH, findInCaseFile, type FindHit } from '../../common/find-in-case-file.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { sharedStyles } from '../base-styles.ts';

@customElement('bs-case-file-find')
export class BsCaseFileFind extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        margin: 0 0 0.75rem;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        align-items: center;
      }
      input {
        font: inherit;
        width: min(20rem, 100%);
        padding: 0.3rem 0.5rem;
        border: 1px solid var(--bs-border-strong);
        border-radius: 0.35rem;
      }
      .hint {
        flex-basis: 100%;
        margin: 0;
        font-size: 0.85rem;
        color: var(--bs-muted);
      }
    `,
  ];

  /** Blocks in reading order. */
  @property({ attribute: false }) blocks: Block[] = [];

  /** Document id → its text. */
  @property({ attribute: false }) texts: ReadonlyMap<string, string> = new Map();

  /** Only the heads of the documents are in yet: a search would miss the rest, so it waits. */
  @property({ type: Boolean }) loading = false;

  @state() private _hits: FindHit[] = [];
  @state() private _current = -1;
  @state() private _status = '';

  @query('input') private _input?: HTMLInputElement;

  /** The query, blocks and texts the hits were found for: another of any means looking again. */
  private _foundFor: { query: string; blocks: Block[]; texts: ReadonlyMap<string, string> } | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this._onWindowKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onWindowKeydown);
  }

  /** Ctrl+F / ⌘F while the case file is shown (not hidden behind another tab): focus the field. */
  private readonly _onWindowKeydown = (e: KeyboardEvent): void => {
    if (e.key.toLowerCase() !== 'f' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.defaultPrevented) return;
    if (!this.offsetParent || e.composedPath().includes(this._input!)) return;
    e.preventDefault();
    this._input?.focus();
    this._input?.select();
  };

  private _go(step: 1 | -1): void {
    if (this.loading) {
      this._status = t('find.loading');
      return;
    }
    const query = this._input?.value ?? '';
    const found = this._foundFor;
    if (!found || found.query !== query || found.blocks !== this.blocks || found.texts !== this.texts) {
      this._hits = findInCaseFile(this.blocks, this.texts, query);
      this._foundFor = { query, blocks: this.blocks, texts: this.texts };
      this._current = -1;
    }
    const shown = Math.min(this._hits.length, FIND_LIMIT);
    if (!shown) {
      this._status = query.trim().length < FIND_MIN_LENGTH ? t('find.short') : t('find.none');
      fire(this, 'bs-find-clear', {});
      return;
    }
    this._current = (this._current + step + shown) % shown;
    const more = this._hits.length > FIND_LIMIT;
    this._status = t(more ? 'find.positionMore' : 'find.position', { n: this._current + 1, total: shown });
    fire(this, 'bs-find-hit', this._hits[this._current]!);
  }

  private _onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    this._go(1);
  }

  private _onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && e.shiftKey) {
      e.preventDefault();
      this._go(-1);
    }
  }

  private _onInput(): void {
    // A changed query is looked for on the next Enter; until then nothing stale is counted or shown.
    if (this._current < 0 && !this._status) return;
    this._current = -1;
    this._status = '';
    fire(this, 'bs-find-clear', {});
  }

  override render() {
    return html`
      <form role="search" aria-label=${t('find.label')} @submit=${this._onSubmit}>
        <label for="find">${t('find.label')}</label>
        <input id="find" type="search" autocomplete="off" aria-describedby="find-hint"
          @keydown=${this._onKeydown} @input=${this._onInput} />
        <button type="submit">${t('find.next')}</button>
        <button type="button" @click=${() => this._go(-1)}>${t('find.previous')}</button>
        <span role="status">${this._status}</span>
        <p class="hint" id="find-hint">${t('find.hint')}</p>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-case-file-find': BsCaseFileFind;
  }
}
