// <bs-memo-editor .api=${api} study-id="…" .memo=${memo}>: the author's memo: a title field and a Markdown
// body (with the editor's preview), saved ~1.5 s after typing stops and on blur, with a status line. A
// version conflict (the memo was saved in another tab) keeps the text here and offers "Skriv över med min
// text" or "Använd den sparade versionen". Warns before leaving with unsaved text. "Ta bort memot" asks
// first, then opens the list of memos.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MemoView, Reflection } from '../../../server/domain/types.ts';
import { errorMessage, type Api } from '../../data/api.ts';
import type { Autosaver } from '../../data/autosave.ts';
import { deleteMemo } from '../../data/research.ts';
import { formatClock, formatDateTime, t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { adminStyles } from '../admin/admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';
import '../bs-markdown-editor.ts';
import '../bs-markdown-view.ts';
import { alertLine } from '../feedback.ts';
import { decodeMemoText, encodeMemoText, memoAutosaver } from './bs-memo-autosave.ts';

@customElement('bs-memo-editor')
export class BsMemoEditor extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      .status {
        margin: 0.35rem 0 0;
        font-size: 0.9rem;
        color: var(--bs-muted);
        min-height: 1.4em;
      }
      .status.bad {
        color: var(--bs-danger);
        font-weight: 600;
      }
      .theirs {
        background: var(--bs-surface);
        border: 1px solid var(--bs-border);
        border-radius: 0.35rem;
        padding: 0.5rem 0.7rem;
        margin: 0.5rem 0;
        max-height: 16rem;
        overflow: auto;
      }
      .field {
        margin-bottom: 0.8rem;
      }
      .remove {
        margin-top: 1.5rem;
      }
    `,
  ];

  /** The API client. */
  @property({ attribute: false }) api?: Api;

  /** Study id. */
  @property({ attribute: 'study-id' }) studyId = '';

  /** The memo as loaded (the page passes it again after a new login; pending text is kept then). */
  @property({ attribute: false }) memo?: MemoView;

  @state() private _tick = 0;
  @state() private _asking = false;
  @state() private _busy = false;
  @state() private _error = '';
  private _saver: Autosaver | null = null;
  /** The memo the saver belongs to. */
  private _saverFor = '';
  private _savedAt = '';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this._onBeforeUnload);
    window.addEventListener('pagehide', this._flush);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this._onBeforeUnload);
    window.removeEventListener('pagehide', this._flush);
    // Leaving the page inside the app: store what is pending (the saver keeps retrying if that fails).
    this._flush();
  }

  override willUpdate(changed: Map<string, unknown>): void {
    const memo = this.memo;
    if (!changed.has('memo') || !memo || !this.api) return;
    // A reload of the same memo must not throw away text that is not stored yet.
    if (this._saver && this._saverFor === memo.id && this._saver.unsaved) return;
    this._saver?.dispose();
    this._saverFor = memo.id;
    this._savedAt = memo.updatedAt;
    this._saver = memoAutosaver(this.api, this.studyId, memo, () => this._tick++, (saved) => (this._savedAt = saved.updatedAt));
  }

  /** True while text is not yet stored. */
  get hasUnsaved(): boolean {
    return this._saver?.unsaved ?? false;
  }

  private readonly _flush = (): void => {
    void this._saver?.flush();
  };

  private readonly _onBeforeUnload = (e: BeforeUnloadEvent): void => {
    if (!this.hasUnsaved) return;
    this._flush();
    e.preventDefault();
    e.returnValue = '';
  };

  private _input(title: string, body: string): void {
    this._saver?.input(encodeMemoText(title, body));
  }

  private _statusText(saver: Autosaver): string {
    const status = saver.status;
    switch (status.kind) {
      case 'idle':
        return t('memo.status.loaded', { date: formatDateTime(this._savedAt) });
      case 'dirty':
        return t('reflections.status.dirty');
      case 'saving':
        return t('reflections.status.saving');
      case 'saved':
        return t('reflections.status.saved', { time: formatClock(status.at) });
      case 'retrying':
        return `${t('reflections.status.error')} (${status.message})`;
      case 'failed':
        return t('reflections.status.failed', { message: status.message });
      case 'conflict':
        return t('reflections.status.conflict');
    }
  }

  private _renderConflict(saver: Autosaver, current: Reflection) {
    const theirs = decodeMemoText(current.text);
    return html`<div class="alert" role="alert">
      <p>${t('memo.conflict')}</p>
      <p><strong>${t('reflections.conflictTheirs')}</strong>${current.updatedAt ? ` (${formatDateTime(current.updatedAt)})` : ''}:</p>
      <div class="theirs">
        <p><strong>${theirs.title}</strong></p>
        <bs-markdown-view .markdown=${theirs.body}></bs-markdown-view>
      </div>
      <div class="buttons">
        <button type="button" class="primary" @click=${() => void saver.overwrite()}>${t('reflections.overwrite')}</button>
        <button type="button" @click=${() => saver.acceptSaved()}>${t('reflections.useSaved')}</button>
      </div>
    </div>`;
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
    const status = saver.status;
    const bad = status.kind === 'retrying' || status.kind === 'failed' || status.kind === 'conflict';
    const noTitle = !title.trim();
    return html`
      <h1>${noTitle ? memo.title : title}</h1>
      <slot></slot>
      ${status.kind === 'conflict' ? this._renderConflict(saver, status.current) : nothing}
      <div class="field">
        <label for="memo-title">${t('memo.titleLabel')}</label>
        <input id="memo-title" type="text" maxlength="200" .value=${title} aria-invalid=${noTitle ? 'true' : 'false'}
          aria-describedby=${noTitle ? 'memo-title-error' : nothing}
          @input=${(e: Event) => this._input((e.target as HTMLInputElement).value, body)} @blur=${this._flush} />
        ${noTitle ? html`<p class="alert" id="memo-title-error">${t('memo.titleMissing')}</p>` : nothing}
      </div>
      <bs-markdown-editor label=${t('memo.bodyLabel')} rows="14" .value=${body}
        @bs-markdown-input=${(e: CustomEvent<{ value: string }>) => this._input(title, e.detail.value)}
        @bs-markdown-blur=${this._flush}></bs-markdown-editor>
      <p class="status ${bad ? 'bad' : ''}" role="status">${this._statusText(saver)}</p>
      ${this._renderRemove()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-memo-editor': BsMemoEditor;
  }
}
