// <bs-memo-editor .api=${api} study-id="…" .memo=${memo}>: the author's memo: a title field and a Markdown
// body (with the editor's preview), saved ~1.5 s after typing stops and on blur, with a status line. A
// version conflict (the memo was saved in another tab) keeps the text here and offers "Skriv över med min
// text" or "Använd den sparade versionen". Warns before leaving with unsaved text. Below the text, the works
// of the study's library the memo is linked to: checking one saves the links at once (after any pending
// text, under the same version). "Ta bort memot" asks first, then opens the list of memos.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MemoView, Reflection } from '../../../server/domain/types.ts';
import { errorMessage, type Api } from '../../data/api.ts';
import type { Autosaver } from '../../data/autosave.ts';
import { fetchReferences, type ReferenceView } from '../../data/references.ts';
import { deleteMemo, updateMemo } from '../../data/research.ts';
import { formatDateTime, t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { adminStyles } from '../admin/admin-styles.ts';
import { AutosaveController, autosaveConflict, autosaveStatus, autosaveStyles } from '../autosave-controller.ts';
import { sharedStyles } from '../base-styles.ts';
import '../bs-markdown-editor.ts';
import '../bs-markdown-view.ts';
import { alertLine, statusLine } from '../feedback.ts';
import { codeErrorMessage } from './code-errors.ts';
import './bs-linked-references.ts';
import './bs-reference-picker.ts';
import { decodeMemoText, encodeMemoText, memoAutosaver } from './bs-memo-autosave.ts';

@customElement('bs-memo-editor')
export class BsMemoEditor extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    autosaveStyles,
    css`
      :host {
        display: block;
      }
      .field {
        margin-bottom: 0.8rem;
      }
      .remove,
      .refs {
        margin-top: 1.5rem;
      }
      .refs h2 {
        font-size: 1.15rem;
      }
    `,
  ];

  /** The API client. */
  @property({ attribute: false }) api?: Api;

  /** Study id. */
  @property({ attribute: 'study-id' }) studyId = '';

  /** The memo as loaded (the page passes it again after a new login; pending text is kept then). */
  @property({ attribute: false }) memo?: MemoView;

  @state() private _asking = false;
  @state() private _busy = false;
  @state() private _error = '';
  /** The study's library (null: not loaded, or it could not be). */
  @state() private _library: ReferenceView[] | null = null;
  /** The linked keys as stored. */
  @state() private _references: string[] = [];
  @state() private _refsNotice = '';
  @state() private _refsError = '';
  @state() private _refsBusy = false;
  private _libraryFor = '';
  private _saver: Autosaver | null = null;
  /** The memo the saver belongs to. */
  private _saverFor = '';
  private _savedAt = '';
  private readonly _autosave = new AutosaveController(this, () => [this._saver]);

  override willUpdate(changed: Map<string, unknown>): void {
    if (this.api && this.studyId && this._libraryFor !== this.studyId) {
      this._libraryFor = this.studyId;
      const api = this.api;
      fetchReferences(api, this.studyId).then((refs) => (this._library = refs), () => (this._library = null));
    }
    const memo = this.memo;
    if (!changed.has('memo') || !memo || !this.api) return;
    // A reload of the same memo must not throw away text that is not stored yet.
    if (this._saver && this._saverFor === memo.id && this._saver.unsaved) return;
    this._saver?.dispose();
    this._saverFor = memo.id;
    this._savedAt = memo.updatedAt;
    this._references = memo.references ?? [];
    this._saver = memoAutosaver(this.api, this.studyId, memo, this._autosave.changed, (saved) => (this._savedAt = saved.updatedAt));
  }

  /** True while text is not yet stored. */
  get hasUnsaved(): boolean {
    return this._autosave.unsaved;
  }

  private _input(title: string, body: string): void {
    this._saver?.input(encodeMemoText(title, body));
  }

  /** The stored title and body beside the user's, at a version conflict. */
  private readonly _theirs = (current: Reflection) => {
    const theirs = decodeMemoText(current.text);
    return html`<p><strong>${theirs.title}</strong></p>
      <bs-markdown-view .markdown=${theirs.body}></bs-markdown-view>`;
  };

  /** Stores the checked references, after any pending text, at the version the text saver holds. */
  private async _saveReferences(keys: string[]): Promise<void> {
    const saver = this._saver;
    if (!this.api || !this.memo || !saver) return;
    const before = this._references;
    // The boxes show the choice at once; a failed save puts back what is stored.
    this._references = keys;
    this._refsBusy = true;
    this._refsNotice = '';
    this._refsError = '';
    try {
      await saver.flush();
      if (saver.status.kind === 'conflict') {
        this._references = before;
        this._refsError = t('memo.conflict');
        return;
      }
      const saved = await updateMemo(this.api, this.studyId, this.memo.id, saver.version, { references: keys });
      saver.version = saved.version;
      this._savedAt = saved.updatedAt;
      this._references = saved.references ?? [];
      this._refsNotice = t('refs.saved');
    } catch (err) {
      this._references = before;
      this._refsError = codeErrorMessage(err);
    } finally {
      this._refsBusy = false;
    }
  }

  private _renderReferences() {
    return html`<section class="refs" aria-labelledby="memo-refs-title">
      <h2 id="memo-refs-title">${t('refs.linked')}</h2>
      ${this._library
        ? html`<bs-reference-picker .library=${this._library} .selected=${this._references} ?disabled=${this._refsBusy}
            @bs-references-change=${(e: CustomEvent<{ keys: string[] }>) => void this._saveReferences(e.detail.keys)}></bs-reference-picker>`
        : nothing}
      ${statusLine(this._refsNotice)}
      ${alertLine(this._refsError)}
      <bs-linked-references .api=${this.api} study-id=${this.studyId} .keys=${this._references}></bs-linked-references>
    </section>`;
  }

  private async _delete(): Promise<void> {
    const saver = this._saver;
    if (!this.api || !this.memo || !saver) return;
    this._busy = true;
    this._error = '';
    try {
      // Let a pending save finish first, so the delete carries the version that is stored.
      await saver.flush();
      const version = saver.status.kind === 'conflict' ? saver.status.current.version : saver.version;
      await deleteMemo(this.api, this.studyId, this.memo.id, version);
      saver.dispose();
      this._saver = null;
      location.hash = hrefFor({ name: 'memos', studyId: this.studyId });
    } catch (err) {
      this._error = errorMessage(err);
    } finally {
      this._busy = false;
    }
  }

  private _renderRemove() {
    return html`<div class="remove">
      ${this._asking
        ? html`<div class="confirm" role="group" aria-label=${t('memo.deleteConfirm')}>
            <span>${t('memo.deleteConfirm')}</span>
            <button type="button" class="danger" ?disabled=${this._busy} @click=${() => void this._delete()}>${t('memo.deleteYes')}</button>
            <button type="button" ?disabled=${this._busy} @click=${() => (this._asking = false)}>${t('memo.deleteNo')}</button>
          </div>`
        : html`<button type="button" @click=${() => (this._asking = true)}>${t('memo.delete')}</button>`}
      ${alertLine(this._error)}
    </div>`;
  }

  override render() {
    const saver = this._saver;
    const memo = this.memo;
    if (!saver || !memo) return nothing;
    const { title, body } = decodeMemoText(saver.text);
    const noTitle = !title.trim();
    return html`
      <h1>${noTitle ? memo.title : title}</h1>
      <slot></slot>
      ${autosaveConflict(saver, () => t('memo.conflict'), this._theirs)}
      <div class="field">
        <label for="memo-title">${t('memo.titleLabel')}</label>
        <input id="memo-title" type="text" maxlength="200" .value=${title} aria-invalid=${noTitle ? 'true' : 'false'}
          aria-describedby=${noTitle ? 'memo-title-error' : nothing}
          @input=${(e: Event) => this._input((e.target as HTMLInputElement).value, body)} @blur=${this._autosave.flush} />
        ${noTitle ? html`<p class="alert" id="memo-title-error">${t('memo.titleMissing')}</p>` : nothing}
      </div>
      <bs-markdown-editor label=${t('memo.bodyLabel')} rows="14" .value=${body}
        @bs-markdown-input=${(e: CustomEvent<{ value: string }>) => this._input(title, e.detail.value)}
        @bs-markdown-blur=${this._autosave.flush}></bs-markdown-editor>
      ${autosaveStatus(saver, t('memo.status.loaded', { date: formatDateTime(this._savedAt) }), { retryReason: true })}
      ${this._renderReferences()}
      ${this._renderRemove()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-memo-editor': BsMemoEditor;
  }
}
