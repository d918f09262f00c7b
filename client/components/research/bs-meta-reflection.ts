// <bs-meta-reflection .api=${api} study-id family-id reflection-key label question family-name user-id
// .memos=${memos}>: the researcher's voice beside one caseworker reflection. The user's own meta-reflection
// (a memo about "reflection:<family>:<key>") in a Markdown editor that saves itself like the reflections do
// (Autosaver: after a pause and on blur, retried, a version conflict shown with both texts); the memo is
// created on the first save and updated with If-Match after. Other researchers' meta-reflections on the
// same reflection are shown read-only with their authors. Saves what is pending when the page is left.
// `readonly` (a closed study): the user's own meta-reflection is shown like the others, with no editor.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MemoView, Reflection } from '../../../server/domain/types.ts';
import type { Api } from '../../data/api.ts';
import { Autosaver } from '../../data/autosave.ts';
import { createMemo, fetchMemo, reflectionAboutId, updateMemo } from '../../data/research.ts';
import { formatDateTime, t } from '../../i18n/sv.ts';
import { AutosaveController, autosavedMarkdown, autosaveStyles } from '../autosave-controller.ts';
import { sharedStyles } from '../base-styles.ts';
import '../bs-markdown-view.ts';
import { saveMemoFor } from './bs-memo-autosave.ts';

@customElement('bs-meta-reflection')
export class BsMetaReflection extends LitElement {
  static override styles = [
    sharedStyles,
    autosaveStyles,
    css`
      :host {
        display: block;
      }
      p {
        margin: 0 0 0.4rem;
      }
      .other,
      .own {
        background: var(--bs-surface);
        border: 1px solid var(--bs-border);
        border-radius: 0.35rem;
        padding: 0.5rem 0.7rem;
        margin: 0.5rem 0;
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

  private _saver: Autosaver | null = null;
  private _memoId = '';
  private readonly _autosave = new AutosaveController(this, () => [this._saver]);

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

  /** Show the meta-reflections only, the user's own too (the study is closed: nothing would be saved). */
  @property({ type: Boolean }) readonly = false;

  override willUpdate(changed: Map<string, unknown>): void {
    // No editor, so no saver, while read-only.
    if (this.readonly) return;
    // A fresh list from the server replaces the editor's state only while nothing typed is pending.
    const inputs = changed.has('memos') || changed.has('userId') || changed.has('api') || changed.has('readonly');
    if (inputs && this.api && this.userId && !this._saver?.unsaved) {
      const own = this._own();
      if (!this._saver || (own && own.version > this._saver.version)) this._startSaver(own);
    }
  }

  /** True while the user's text is not yet stored. */
  get unsaved(): boolean {
    return this._autosave.unsaved;
  }

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
    this._saver = new Autosaver(this._asText(own), (text, version) => this._save(text, version), this._autosave.changed, {
      reload: () => fetchMemo(this.api!, this.studyId, this._memoId).then((m) => this._asText(m)),
    });
  }

  /** Creates the memo on the first save, then updates it over the version last seen. */
  private _save(text: string, version: number): Promise<Reflection> {
    const api = this.api!;
    const store = async (): Promise<MemoView> => {
      if (this._memoId) return updateMemo(api, this.studyId, this._memoId, version, { body: text });
      const memo = await createMemo(api, this.studyId, {
        title: t('meta.title', { question: this.question, family: this.familyName }),
        body: text,
        about: { type: 'reflection', id: reflectionAboutId(this.familyId, this.reflectionKey) },
      });
      this._memoId = memo.id;
      return memo;
    };
    return saveMemoFor(store, (memo) => this._asText(memo));
  }

  /** The status line before anything is typed: when the user's own meta-reflection was saved last. */
  private _idle(): string {
    const own = this._own();
    return own ? t('reflections.status.loaded', { date: formatDateTime(own.updatedAt), name: own.authorName }) : t('reflections.status.idle');
  }

  /** One meta-reflection as text: its author and date, and the rendered Markdown. */
  private _renderMemo(m: MemoView, kind: 'own' | 'other') {
    const byline = t('meta.byline', { name: m.authorName, date: formatDateTime(m.updatedAt) });
    return html`<article class=${kind} aria-label=${byline}>
      <p class="byline">${byline}</p>
      <bs-markdown-view .markdown=${m.body}></bs-markdown-view>
    </article>`;
  }

  /** The user's own meta-reflection without an editor. */
  private _renderOwnReadonly() {
    const own = this._own();
    return html`<h5>${t('meta.own')}</h5>
      ${own?.body.trim() ? this._renderMemo(own, 'own') : html`<p class="byline">${t('meta.ownNone')}</p>`}`;
  }

  /** The user's own meta-reflection in its editor. */
  private _renderEditor() {
    const saver = this._saver;
    if (!saver) return nothing;
    return autosavedMarkdown(saver, { label: t('meta.editorLabel', { label: this.label }), idle: this._idle(), conflict: () => t('meta.conflict') });
  }

  override render() {
    const others = this.memos.filter((m) => m.authorId !== this.userId);
    return html`
      ${this.readonly ? this._renderOwnReadonly() : this._renderEditor()}
      ${others.length
        ? html`<h5>${t('meta.others')}</h5>
            ${others.map((m) => this._renderMemo(m, 'other'))}`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-meta-reflection': BsMetaReflection;
  }
}
