// <bs-code-form mode="create|edit" .codes=${codes} .code=${code} error="…" ?busy>: a code's name,
// description and colour (a colour picker, starting at the palette colour the server would choose), and
// for a new code where to place it, and (given the study's `library`) the works the code draws on. Fires bs-code-submit with what was entered, and in edit mode
// bs-code-cancel for "Avbryt". What the user typed stays when the save fails (a 409 or 422 shown in
// `error`); a later `code` with the same id (its newer version after a conflict) does not reset it.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { nextColor } from '../../../server/domain/codebook.ts';
import type { ReferenceView } from '../../data/references.ts';
import type { CodeListItem } from '../../data/research.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { adminStyles } from '../admin/admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';
import { alertLine } from '../feedback.ts';
import './bs-reference-picker.ts';
import { indentedName } from './code-tree.ts';
import { researchStyles } from './research-styles.ts';

@customElement('bs-code-form')
export class BsCodeForm extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    researchStyles,
    css`
      :host {
        display: block;
      }
      .color-row {
        display: flex;
        align-items: center;
        gap: 0.6rem;
      }
      input[type='color'] {
        width: 3.2rem;
        height: 2.2rem;
        padding: 0.1rem;
        border: 1px solid var(--bs-border-strong);
        border-radius: 0.35rem;
        background: var(--bs-surface);
      }
    `,
  ];

  @property() mode: 'create' | 'edit' = 'create';

  /** The codebook (the places to put a new code, and the next palette colour). */
  @property({ attribute: false }) codes: CodeListItem[] = [];

  /** The code being edited (edit mode). */
  @property({ attribute: false }) code: CodeListItem | null = null;

  /** The study's reference library; null hides the choice of references. */
  @property({ attribute: false }) library: ReferenceView[] | null = null;

  /** The error of the last save, shown under the fields. */
  @property() error = '';

  @property({ type: Boolean }) busy = false;

  @state() private _name = '';
  @state() private _description = '';
  @state() private _color = '';
  @state() private _parentId = '';
  @state() private _references: string[] = [];
  @state() private _missingName = false;

  /** The user chose a colour (else a new code's colour follows the palette as codes are added). */
  private _colorChosen = false;
  private _filledFrom: string | null = null;

  override willUpdate(): void {
    if (this.mode === 'edit' && this.code && this.code.id !== this._filledFrom) {
      this._filledFrom = this.code.id;
      this._name = this.code.name;
      this._description = this.code.description;
      this._color = this.code.color;
      this._references = this.code.references ?? [];
      this._colorChosen = true;
    }
    if (!this._colorChosen) this._color = nextColor(this.codes);
    if (this._parentId && !this.codes.some((c) => c.id === this._parentId)) this._parentId = '';
  }

  /** Empties the form after a code was created (the place stays: the next code often goes there too). */
  clear(): void {
    this._name = '';
    this._description = '';
    this._colorChosen = false;
    this._missingName = false;
    this._references = [];
    this._color = nextColor(this.codes);
  }

  private _submit(e: Event): void {
    e.preventDefault();
    const name = this._name.trim();
    this._missingName = !name;
    if (!name) {
      this.renderRoot.querySelector<HTMLInputElement>('#code-name')?.focus();
      return;
    }
    const input = {
      name, description: this._description, color: this._color,
      ...(this.library && (this.mode === 'edit' || this._references.length) ? { references: this._references } : {}),
    };
    fire(this, 'bs-code-submit', { input: this.mode === 'create' ? { ...input, parentId: this._parentId || null } : input });
  }

  override render() {
    const create = this.mode === 'create';
    return html`<form class="stack" novalidate @submit=${this._submit}>
      <div class="field">
        <label for="code-name">${t('codebook.form.name')}</label>
        <input id="code-name" type="text" maxlength="200" autocomplete="off" aria-invalid=${this._missingName ? 'true' : 'false'}
          .value=${this._name} @input=${(e: Event) => (this._name = (e.target as HTMLInputElement).value)} />
        ${this._missingName ? html`<p class="alert" role="alert">${t('codebook.form.nameMissing')}</p>` : nothing}
      </div>
      <div class="field">
        <label for="code-description">${t('codebook.form.description')}</label>
        <p class="hint" id="code-description-hint">${t('codebook.form.descriptionHint')}</p>
        <textarea id="code-description" rows="3" aria-describedby="code-description-hint" .value=${this._description}
          @input=${(e: Event) => (this._description = (e.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      <div class="field">
        <label for="code-color">${t('codebook.form.color')}</label>
        <div class="color-row">
          <input id="code-color" type="color" aria-describedby="code-color-hint" .value=${this._color}
            @input=${(e: Event) => {
              this._color = (e.target as HTMLInputElement).value;
              this._colorChosen = true;
            }} />
          <span>${this._color}</span>
        </div>
        <p class="hint" id="code-color-hint">${t('codebook.form.colorHint')}</p>
      </div>
      ${create
        ? html`<div class="field">
            <label for="code-parent">${t('codebook.form.parent')}</label>
            <select id="code-parent" @change=${(e: Event) => (this._parentId = (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!this._parentId}>${t('codebook.form.topLevel')}</option>
              ${this.codes.map((c) => html`<option value=${c.id} ?selected=${c.id === this._parentId}>${indentedName(c)}</option>`)}
            </select>
          </div>`
        : nothing}
      ${this.library
        ? html`<bs-reference-picker .library=${this.library} .selected=${this._references}
            @bs-references-change=${(e: CustomEvent<{ keys: string[] }>) => (this._references = e.detail.keys)}></bs-reference-picker>`
        : nothing}
      ${alertLine(this.error)}
      <div class="buttons">
        <button type="submit" class="primary" ?disabled=${this.busy}>
          ${this.busy ? t('codebook.form.saving') : create ? t('codebook.form.create') : t('codebook.form.save')}</button>
        ${create ? nothing : html`<button type="button" @click=${() => fire(this, 'bs-code-cancel', {})}>${t('codebook.cancel')}</button>`}
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-code-form': BsCodeForm;
  }
}
