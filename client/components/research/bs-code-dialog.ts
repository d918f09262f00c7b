// <bs-code-dialog mode="edit|move|merge|delete" .code=${c} .codes=${all} error="…" ?busy>: a modal dialog
// for one codebook action on one code. Edit: the code form (bs-code-submit). Move: a select of the places
// the code may go (bs-code-move). Merge: the code to merge it into (bs-code-merge). Delete: whether its
// codings move to the parent code or are deleted — moving is not offered for a top-level code
// (bs-code-delete). Esc and "Avbryt" fire bs-code-cancel; the page removes the dialog and restores focus.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ReferenceView } from '../../data/references.ts';
import type { CodeListItem } from '../../data/research.ts';
import { fire, type CodeActionDetail } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { adminStyles } from '../admin/admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';
import { alertLine } from '../feedback.ts';
import './bs-code-form.ts';
import { indentedName, placesFor } from './code-tree.ts';
import { researchStyles } from './research-styles.ts';

@customElement('bs-code-dialog')
export class BsCodeDialog extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    researchStyles,
    css`
      dialog {
        width: min(40rem, calc(100vw - 2rem));
        border: 1px solid var(--bs-border-strong);
        border-radius: 0.5rem;
        padding: 1rem 1.25rem 1.25rem;
        color: var(--bs-text);
        background: var(--bs-surface);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
      h2 {
        font-size: 1.25rem;
      }
      fieldset {
        display: grid;
        gap: 0.4rem;
      }
    `,
  ];

  @query('dialog') private _dialog?: HTMLDialogElement;

  @property() mode: CodeActionDetail['action'] = 'edit';

  @property({ attribute: false }) code: CodeListItem | null = null;

  @property({ attribute: false }) codes: CodeListItem[] = [];

  /** The study's reference library, for the edit form (null: not offered). */
  @property({ attribute: false }) library: ReferenceView[] | null = null;

  @property() error = '';

  @property({ type: Boolean }) busy = false;

  /** The chosen code (move: '' is the top level; merge: '' is none chosen yet). */
  @state() private _target: string | null = null;
  @state() private _codings: 'move-to-parent' | 'delete' | null = null;

  override firstUpdated(): void {
    this._dialog?.showModal();
  }

  private _cancel = (e?: Event): void => {
    // Esc would close the <dialog> by itself; the page closes it instead, so it can put the focus back.
    e?.preventDefault();
    fire(this, 'bs-code-cancel', {});
  };

  private _buttons(label: string, danger = false) {
    return html`<div class="buttons">
      <button type="submit" class=${danger ? 'danger' : 'primary'} ?disabled=${this.busy}>${this.busy ? t('codebook.form.saving') : label}</button>
      <button type="button" @click=${() => this._cancel()}>${t('codebook.cancel')}</button>
    </div>`;
  }

  private _renderMove(code: CodeListItem) {
    const target = this._target ?? code.parentId ?? '';
    const submit = (e: Event) => {
      e.preventDefault();
      if (target === (code.parentId ?? '')) return this._cancel();
      fire(this, 'bs-code-move', { codeId: code.id, parentId: target || null, how: 'dialog' });
    };
    return html`<form class="stack" @submit=${submit}>
      <p>${t('codebook.move.intro', { name: code.name })}</p>
      <div class="field">
        <label for="move-target">${t('codebook.move.target')}</label>
        <select id="move-target" @change=${(e: Event) => (this._target = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${target === ''}>${t('codebook.form.topLevel')}</option>
          ${placesFor(this.codes, code.id).map((c) => html`<option value=${c.id} ?selected=${c.id === target}>${indentedName(c)}</option>`)}
        </select>
      </div>
      ${alertLine(this.error)}
      ${this._buttons(t('codebook.move.submit'))}
    </form>`;
  }

  private _renderMerge(code: CodeListItem) {
    const target = this._target ?? '';
    const submit = (e: Event) => {
      e.preventDefault();
      if (target) fire(this, 'bs-code-merge', { codeId: code.id, into: target });
    };
    return html`<form class="stack" @submit=${submit}>
      <p>${t('codebook.merge.intro', { name: code.name })}</p>
      <div class="field">
        <label for="merge-target">${t('codebook.merge.target')}</label>
        <select id="merge-target" required @change=${(e: Event) => (this._target = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!target}>${t('codebook.merge.choose')}</option>
          ${placesFor(this.codes, code.id).map((c) => html`<option value=${c.id} ?selected=${c.id === target}>${indentedName(c)}</option>`)}
        </select>
      </div>
      ${alertLine(this.error)}
      ${this._buttons(t('codebook.merge.submit'))}
    </form>`;
  }

  private _renderDelete(code: CodeListItem) {
    const parent = this.codes.find((c) => c.id === code.parentId);
    const choice = this._codings ?? (parent ? 'move-to-parent' : 'delete');
    const submit = (e: Event) => {
      e.preventDefault();
      fire(this, 'bs-code-delete', { codeId: code.id, codings: choice });
    };
    const pick = (value: 'move-to-parent' | 'delete') => () => (this._codings = value);
    return html`<form class="stack" @submit=${submit}>
      <p>${t('codebook.delete.intro', { name: code.name })}</p>
      <fieldset>
        <legend>${t('codebook.delete.codings', { n: code.codingCount })}</legend>
        <label class="check"><input type="radio" name="codings" value="move-to-parent" ?disabled=${!parent}
          .checked=${choice === 'move-to-parent'} @change=${pick('move-to-parent')} />
          ${parent ? t('codebook.delete.moveTo', { parent: parent.name }) : t('codebook.delete.moveToParent')}</label>
        ${parent ? nothing : html`<p class="hint">${t('codebook.delete.topLevel', { name: code.name })}</p>`}
        <label class="check"><input type="radio" name="codings" value="delete" .checked=${choice === 'delete'} @change=${pick('delete')} />
          ${t('codebook.delete.deleteCodings')}</label>
      </fieldset>
      ${alertLine(this.error)}
      ${this._buttons(t('codebook.delete.submit'), true)}
    </form>`;
  }

  private _renderBody(code: CodeListItem) {
    switch (this.mode) {
      case 'edit':
        return html`<bs-code-form mode="edit" .code=${code} .codes=${this.codes} .library=${this.library} error=${this.error}
          ?busy=${this.busy}></bs-code-form>`;
      case 'move':
        return this._renderMove(code);
      case 'merge':
        return this._renderMerge(code);
      case 'delete':
        return this._renderDelete(code);
    }
  }

  override render() {
    const code = this.code;
    return html`<dialog aria-labelledby="code-dialog-title" @cancel=${this._cancel}>
      ${code
        ? html`<h2 id="code-dialog-title">${t(`codebook.dialog.${this.mode}`, { name: code.name })}</h2>${this._renderBody(code)}`
        : nothing}
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-code-dialog': BsCodeDialog;
  }
}
