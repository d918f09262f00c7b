// <bs-memo-new .api=${api} study-id="…" .subjects=${subjects}>: the "Nytt memo" button and, once pressed,
// a short form: a title and what the memo is about (the study, a family or a code). Creating it opens
// the new memo, where the text is written (and saved as it is typed).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MemoAbout } from '../../../server/domain/types.ts';
import { errorMessage, type Api } from '../../data/api.ts';
import { createMemo } from '../../data/research.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { adminStyles } from '../admin/admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';
import { alertLine } from '../feedback.ts';
import type { MemoSubjects } from './bs-memo-subjects.ts';

@customElement('bs-memo-new')
export class BsMemoNew extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
        margin: 0.8rem 0 1rem;
      }
    `,
  ];

  /** The API client. */
  @property({ attribute: false }) api?: Api;

  /** Study id. */
  @property({ attribute: 'study-id' }) studyId = '';

  /** The families and codes a memo can be about. */
  @property({ attribute: false }) subjects?: MemoSubjects;

  @state() private _open = false;
  @state() private _title = '';
  /** "study", "family:<id>" or "code:<id>". */
  @state() private _about = 'study';
  @state() private _busy = false;
  @state() private _error = '';
  @state() private _missing = false;

  private _show(): void {
    this._open = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#new-memo-title')?.focus());
  }

  private _close(): void {
    this._open = false;
    this._error = '';
    this._missing = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('button.new')?.focus());
  }

  private _aboutValue(): MemoAbout {
    const [type, ...rest] = this._about.split(':');
    if (type === 'family' || type === 'code') return { type, id: rest.join(':') };
    return { type: 'study', id: this.studyId };
  }

  private async _submit(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.api || this._busy) return;
    this._missing = !this._title.trim();
    if (this._missing) {
      this.renderRoot.querySelector<HTMLInputElement>('#new-memo-title')?.focus();
      return;
    }
    this._busy = true;
    this._error = '';
    try {
      const memo = await createMemo(this.api, this.studyId, { title: this._title.trim(), body: '', about: this._aboutValue() });
      location.hash = hrefFor({ name: 'memo', studyId: this.studyId, memoId: memo.id });
    } catch (err) {
      this._error = errorMessage(err);
    } finally {
      this._busy = false;
    }
  }

  override render() {
    if (!this._open) return html`<button type="button" class="new primary" @click=${this._show}>${t('memos.new')}</button>`;
    const subjects = this.subjects;
    const byName = (m: Map<string, string> | undefined) => [...(m ?? new Map<string, string>())].sort((a, b) => a[1].localeCompare(b[1], 'sv'));
    return html`<form class="stack panel" @submit=${this._submit} novalidate aria-labelledby="new-memo-heading">
      <h2 id="new-memo-heading">${t('memos.new')}</h2>
      <div class="field">
        <label for="new-memo-title">${t('memo.titleLabel')}</label>
        <input id="new-memo-title" type="text" maxlength="200" .value=${this._title} aria-invalid=${this._missing ? 'true' : 'false'}
          aria-describedby=${this._missing ? 'new-memo-title-error' : nothing}
          @input=${(e: Event) => (this._title = (e.target as HTMLInputElement).value)} />
        ${this._missing ? html`<p class="alert" id="new-memo-title-error">${t('memos.titleRequired')}</p>` : nothing}
      </div>
      <div class="field">
        <label for="new-memo-about">${t('memos.aboutLabel')}</label>
        <select id="new-memo-about" .value=${this._about} @change=${(e: Event) => (this._about = (e.target as HTMLSelectElement).value)}>
          <option value="study">${t('memos.about.study')}</option>
          <optgroup label=${t('memos.families')}>
            ${byName(subjects?.families).map(([id, name]) => html`<option value=${`family:${id}`}>${name}</option>`)}
          </optgroup>
          ${subjects?.codes.size
            ? html`<optgroup label=${t('memos.codes')}>
                ${byName(subjects.codes).map(([id, name]) => html`<option value=${`code:${id}`}>${name}</option>`)}
              </optgroup>`
            : nothing}
        </select>
        <p class="hint">${t('memos.aboutHint')}</p>
      </div>
      ${alertLine(this._error)}
      <div class="buttons">
        <button type="submit" class="primary" ?disabled=${this._busy}>${t('memos.create')}</button>
        <button type="button" ?disabled=${this._busy} @click=${this._close}>${t('memos.cancel')}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-memo-new': BsMemoNew;
  }
}
