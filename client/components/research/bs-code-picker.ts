// <bs-code-picker .codes=${codes} .applied=${ids} subject="Stycke i akten: ”…”">: chooses codes for one
// segment. A filter field (a combobox) over the codebook, listed in codebook order and indented by depth,
// each code with its colour swatch and name; ArrowDown/ArrowUp move, Enter codes, and the field is cleared
// for the next code, so several codes can be applied in a row. Typing a name that is not in the codebook
// offers "Ny kod: ”…”" (a new top-level code, applied at once). Codes already on the segment are marked
// "redan kodad" in text. Fires bs-code-picker-apply, bs-code-picker-create and bs-code-picker-close (Klar); Esc is the
// surrounding dialog's. The page does the saving and passes back `busy`, `error` and `notice`.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CodeListItem } from '../../data/research.ts';
import { styleProps } from '../../common/style-props.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { sharedStyles } from '../base-styles.ts';
import { alertLine } from '../feedback.ts';

type Option = { kind: 'code'; code: CodeListItem; applied: boolean } | { kind: 'new'; name: string };

const collator = new Intl.Collator('sv', { sensitivity: 'base' });
const fold = (s: string) => s.toLocaleLowerCase('sv').normalize('NFC');

@customElement('bs-code-picker')
export class BsCodePicker extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        width: min(30rem, calc(100vw - 3rem));
      }
      h2 {
        font-size: 1.15rem;
      }
      .subject {
        margin: 0 0 0.6rem;
        color: var(--bs-muted);
        overflow-wrap: anywhere;
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 0.25rem;
      }
      input {
        width: 100%;
      }
      .help {
        font-size: 0.85rem;
        color: var(--bs-muted);
        margin: 0.25rem 0 0.4rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0.2rem;
        max-height: 16rem;
        overflow: auto;
        border: 1px solid var(--bs-border-strong);
        border-radius: 0.35rem;
      }
      li {
        display: flex;
        gap: 0.45rem;
        align-items: center;
        padding: 0.3rem 0.5rem;
        border-radius: 0.25rem;
        cursor: pointer;
      }
      li[aria-selected='true'] {
        background: var(--bs-accent-bg);
        outline: 2px solid var(--bs-accent);
        outline-offset: -2px;
      }
      li.applied {
        color: var(--bs-muted);
      }
      .swatch {
        flex: none;
        width: 0.9rem;
        height: 0.9rem;
        border-radius: 0.2rem;
        border: 1px solid var(--bs-border-strong);
        background: var(--c, var(--bs-border));
      }
      .tag {
        font-size: 0.8rem;
        margin-left: auto;
      }
      .none {
        color: var(--bs-muted);
        padding: 0.3rem 0.5rem;
        margin: 0;
      }
      .foot {
        display: flex;
        gap: 0.6rem;
        align-items: center;
        justify-content: space-between;
        margin-top: 0.6rem;
      }
      .foot p {
        margin: 0;
      }
    `,
  ];

  @query('input') private _input?: HTMLInputElement;

  @state() private _filter = '';
  @state() private _active = 0;

  /** The codebook, in codebook order with depths (GET /codes). */
  @property({ attribute: false }) codes: CodeListItem[] = [];

  /** Ids of the codes already on the segment. */
  @property({ attribute: false }) applied: ReadonlySet<string> = new Set();

  /** What is being coded, as a line of text. */
  @property() subject = '';

  /** A code is being saved. */
  @property({ type: Boolean }) busy = false;

  /** The last save failed: why. */
  @property() error = '';

  /** The last save succeeded: what was done (read out politely). */
  @property() notice = '';

  /** Empties the filter and puts the cursor in it (when the picker opens). */
  reset(): void {
    this._filter = '';
    this._active = 0;
    void this.updateComplete.then(() => this._input?.focus());
  }

  private _options(): Option[] {
    const q = fold(this._filter.trim());
    const codes = q ? this.codes.filter((c) => fold(c.name).includes(q)) : this.codes;
    const options: Option[] = codes.map((code) => ({ kind: 'code', code, applied: this.applied.has(code.id) }));
    const name = this._filter.trim();
    if (name && !this.codes.some((c) => collator.compare(c.name, name) === 0)) options.push({ kind: 'new', name });
    return options;
  }

  private _choose(option: Option | undefined): void {
    if (!option || this.busy) return;
    if (option.kind === 'new') fire(this, 'bs-code-picker-create', { name: option.name });
    else if (!option.applied) fire(this, 'bs-code-picker-apply', { codeId: option.code.id });
    else return;
    this._filter = '';
    this._active = 0;
    this._input?.focus();
  }

  private _onKeydown(e: KeyboardEvent, options: Option[]): void {
    const n = options.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (n) this._active = (this._active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
      void this.updateComplete.then(() => this.renderRoot.querySelector('li[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' }));
    } else if (e.key === 'Home' || e.key === 'End') {
      if (!n || this._filter) return;
      e.preventDefault();
      this._active = e.key === 'Home' ? 0 : n - 1;
    } else if (e.key === 'Enter') {
      e.preventDefault();
      this._choose(options[Math.min(this._active, n - 1)]);
    }
  }

  private _renderOption(o: Option, i: number, active: number) {
    const id = `opt-${i}`;
    const choose = () => this._choose(o);
    if (o.kind === 'new') {
      return html`<li role="option" id=${id} aria-selected=${i === active ? 'true' : 'false'}
        @mousedown=${(e: Event) => e.preventDefault()} @click=${choose}>${t('coding.picker.new', { name: o.name })}</li>`;
    }
    return html`<li role="option" id=${id} class=${o.applied ? 'applied' : ''} aria-selected=${i === active ? 'true' : 'false'}
      aria-disabled=${o.applied ? 'true' : 'false'} @mousedown=${(e: Event) => e.preventDefault()} @click=${choose}
      ${styleProps({ 'padding-inline-start': `${0.5 + o.code.depth * 1.2}rem` })}>
      <span class="swatch" aria-hidden="true" ${styleProps({ '--c': o.code.color })}></span>
      <span class="name">${o.code.name}</span>
      ${o.applied ? html`<span class="tag">✓ ${t('coding.picker.applied')}</span>` : nothing}
    </li>`;
  }

  override render() {
    const options = this._options();
    const active = Math.min(this._active, Math.max(0, options.length - 1));
    const empty = !this.codes.length && !this._filter.trim();
    return html`
      <h2 id="picker-title">${t('coding.picker.title')}</h2>
      <p class="subject">${this.subject}</p>
      <label for="filter">${t('coding.picker.filter')}</label>
      <input id="filter" type="text" autocomplete="off" role="combobox" aria-expanded="true" aria-controls="codes"
        aria-autocomplete="list" aria-describedby="picker-help" aria-activedescendant=${ifDefined(options.length ? `opt-${active}` : undefined)}
        .value=${this._filter}
        @input=${(e: Event) => {
          this._filter = (e.target as HTMLInputElement).value;
          this._active = 0;
        }}
        @keydown=${(e: KeyboardEvent) => this._onKeydown(e, options)} />
      <p class="help" id="picker-help">${t('coding.picker.help')}</p>
      ${empty
        ? html`<p class="none">${t('coding.picker.empty')}</p>`
        : options.length
          ? html`<ul id="codes" role="listbox" aria-label=${t('coding.picker.list')}>${options.map((o, i) => this._renderOption(o, i, active))}</ul>`
          : html`<p class="none">${t('coding.picker.noMatch')}</p>`}
      ${alertLine(this.error)}
      <div class="foot">
        <p role="status">${this.busy ? t('coding.picker.busy') : this.notice}</p>
        <button type="button" class="primary" @click=${() => fire(this, 'bs-code-picker-close', {})}>${t('coding.picker.done')}</button>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-code-picker': BsCodePicker;
  }
}
