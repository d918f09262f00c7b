// <bs-meta-reflection .api=${api} study-id family-id reflection-key label question family-name user-id
// .memos=${memos}>: the researcher's voice beside one caseworker reflection. The user's own meta-reflection
// (a memo about "reflection:<family>:<key>") in a Markdown editor that saves itself like the reflections do
// (Autosaver: after a pause and on blur, retried, a version conflict shown with both texts); the memo is
// created on the first save and updated with If-Match after. Other researchers' meta-reflections on the
// same reflection are shown read-only with their authors. Saves what is pending when the page is left.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MemoView, Reflection } from '../../../server/domain/types.ts';
import { ApiError, type Api } from '../../data/api.ts';
import { Autosaver } from '../../data/autosave.ts';
import { createMemo, fetchMemo, reflectionAboutId, updateMemo } from '../../data/research.ts';
import { formatClock, formatDateTime, t } from '../../i18n/sv.ts';
import { sharedStyles } from '../base-styles.ts';
import '../bs-markdown-editor.ts';
import '../bs-markdown-view.ts';

const isMemo = (v: unknown): v is MemoView => typeof v === 'object' && v !== null && 'body' in v && 'version' in v && 'id' in v;

@customElement('bs-meta-reflection')
export class BsMetaReflection extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      p {
        margin: 0 0 0.4rem;
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
      .theirs,
      .other {
        background: var(--bs-surface);
        border: 1px solid var(--bs-border);
        border-radius: 0.35rem;
        padding: 0.5rem 0.7rem;
        margin: 0.5rem 0;
      }
      .theirs {
        max-height: 16rem;
        overflow: auto;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      h5 {
        font-size: 0.95rem;
        margin: 0.8rem 0 0.3rem;
      }
      .byline {
        font-size: 0.85rem;
        color: var(--bs-muted);
      }
    `,
  ];

  @state() private _tick = 0;

  private _saver: Autosaver | null = null;
  private _memoId = '';

  /** The API client. */
  @property({ attribute: false }) api?: Api;

  @property({ attribute: 'study-id' }) studyId = '';

  @property({ attribute: 'family-id' }) familyId = '';

  /** 'summary' or a question id. */
  @property({ attribute: 'reflection-key' }) reflectionKey = '';

  /** The reflection's heading, e.g. "1 Tidiga tecken" (the editor's label). */
  @property() label = '';

  /** The question's short label or "Sammanfattning" (the memo's title). */
  @property() question = '';

  /** The family's pseudonym (the memo's title). */
  @property({ attribute: 'family-name' }) familyName = '';

  /** The signed-in user: their memo is editable, the others' are not. */
  @property({ attribute: 'user-id' }) userId = '';

  /** Every meta-reflection on this reflection (all authors). */
  @property({ attribute: false }) memos: readonly MemoView[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this._onBeforeUnload);
    window.addEventListener('pagehide', this._flush);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this._onBeforeUnload);
    window.removeEventListener('pagehide', this._flush);
    this._flush();
  }

  override willUpdate(changed: Map<string, unknown>): void {
    // A fresh list from the server replaces the editor's state only while nothing typed is pending.
    if ((changed.has('memos') || changed.has('userId') || changed.has('api')) && this.api && this.userId && !this._saver?.unsaved) {
      const own = this._own();
      if (!this._saver || (own && own.version > this._saver.version)) this._startSaver(own);
    }
  }

  /** True while the user's text is not yet stored. */
  get unsaved(): boolean {
    return !!this._saver?.unsaved;
  }

  private readonly _onBeforeUnload = (e: BeforeUnloadEvent): void => {
    if (!this.unsaved) return;
    this._flush();
    e.preventDefault();
    e.returnValue = '';
  };

  private readonly _flush = (): void => {
    void this._saver?.flush();
  };

  private _own(): MemoView | undefined {
    return [...this.memos].filter((m) => m.authorId === this.userId).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  }

  /** The memo in the shape the Autosaver keeps (it was made for reflections). */
  private _asText(memo: MemoView | undefined): Reflection {
    return {
      familyId: this.familyId, key: this.reflectionKey, text: memo?.body ?? '', version: memo?.version ?? 0,
      updatedAt: memo?.updatedAt ?? null, updatedBy: memo?.authorName ?? null, updatedById: memo?.authorId ?? null,
    };
  }

  private _startSaver(own: MemoView | undefined): void {
    this._saver?.dispose();
    this._memoId = own?.id ?? '';
    this._saver = new Autosaver(this._asText(own), (text, version) => this._save(text, version), () => this._tick++, {
      reload: () => fetchMemo(this.api!, this.studyId, this._memoId).then((m) => this._asText(m)),
    });
  }

  /** Creates the memo on the first save, then updates it over the version last seen. */
  private async _save(text: string, version: number): Promise<Reflection> {
    const api = this.api!;
    try {
      if (!this._memoId) {
        const memo = await createMemo(api, this.studyId, {
          title: t('meta.title', { question: this.question, family: this.familyName }),
          body: text,
          about: { type: 'reflection', id: reflectionAboutId(this.familyId, this.reflectionKey) },
        });
        this._memoId = memo.id;
        return this._asText(memo);
      }
      return this._asText(await updateMemo(api, this.studyId, this._memoId, version, { body: text }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        // A version conflict carries the stored memo; hand it on in the shape the Autosaver reads.
        if (err.code === 'conflict' && isMemo(err.current)) throw new ApiError(409, err.code, err.message, this._asText(err.current));
        // Any other 409 (the study was closed meanwhile) is no conflict and no retry helps: a plain refusal
        // stops the saver and keeps the text on screen.
        if (err.code !== 'conflict') throw new ApiError(400, err.code, err.message);
      }
      throw err;
    }
  }

  private _status(saver: Autosaver): string {
    const s = saver.status;
    switch (s.kind) {
      case 'idle': {
        const own = this._own();
        return own ? t('reflections.status.loaded', { date: formatDateTime(own.updatedAt), name: own.authorName }) : t('reflections.status.idle');
      }
      case 'dirty':
        return t('reflections.status.dirty');
      case 'saving':
        return t('reflections.status.saving');
      case 'saved':
        return t('reflections.status.saved', { time: formatClock(s.at) });
      case 'retrying':
        return t('reflections.status.error');
      case 'failed':
        return t('reflections.status.failed', { message: s.message });
      case 'conflict':
        return t('reflections.status.conflict');
    }
  }

  private _renderConflict(saver: Autosaver, current: Reflection) {
    return html`<div class="alert" role="alert">
      <p>${t('meta.conflict')}</p>
      <p><strong>${t('reflections.conflictTheirs')}</strong>${current.updatedAt ? ` (${formatDateTime(current.updatedAt)})` : ''}:</p>
      <div class="theirs"><bs-markdown-view .markdown=${current.text}></bs-markdown-view></div>
      <div class="buttons">
        <button type="button" class="primary" @click=${() => void saver.overwrite()}>${t('reflections.overwrite')}</button>
        <button type="button" @click=${() => saver.acceptSaved()}>${t('reflections.useSaved')}</button>
      </div>
    </div>`;
  }

  override render() {
    const saver = this._saver;
    const others = this.memos.filter((m) => m.authorId !== this.userId);
    const bad = saver && ['retrying', 'failed', 'conflict'].includes(saver.status.kind);
    return html`
      ${saver
        ? html`${saver.status.kind === 'conflict' ? this._renderConflict(saver, saver.status.current) : nothing}
            <bs-markdown-editor label=${t('meta.editorLabel', { label: this.label })} rows="8" .value=${saver.text}
              @bs-markdown-input=${(e: CustomEvent<{ value: string }>) => saver.input(e.detail.value)}
              @bs-markdown-blur=${() => void saver.flush()}></bs-markdown-editor>
            <p class="status ${bad ? 'bad' : ''}" role="status">${this._status(saver)}</p>`
        : nothing}
      ${others.length
        ? html`<h5>${t('meta.others')}</h5>
            ${others.map((m) => html`<article class="other" aria-label=${t('meta.byline', { name: m.authorName, date: formatDateTime(m.updatedAt) })}>
              <p class="byline">${t('meta.byline', { name: m.authorName, date: formatDateTime(m.updatedAt) })}</p>
              <bs-markdown-view .markdown=${m.body}></bs-markdown-view>
            </article>`)}`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-meta-reflection': BsMetaReflection;
  }
}
