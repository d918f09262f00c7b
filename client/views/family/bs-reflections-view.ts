// <bs-reflections-view .api=${api} study-id="…" family-id="…" .questions=${qs} user-id="…" ?readonly>: the
// family's summary ("Sammanfattning") and one reflection per question, each a Markdown editor that saves
// itself ~1.5 s after typing stops and on blur, with a status line. A version conflict keeps the user's
// text and offers "Skriv över med min text" or "Använd den sparade versionen"; it says so when the newer
// version is the user's own (another tab). Warns before leaving with unsaved text. Read-only (a user who
// may not write, e.g. a researcher): the texts as rendered Markdown and a note, no editors. Researchers and
// the lead (`research`) see each text beside the researchers' meta-reflections, with its codings; in a
// closed study (`research-readonly`) those are shown read-only under a note, with no coding and no editor.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ReflectionQuestion, Reflection } from '../../../server/domain/types.ts';
import { errorMessage, type Api } from '../../data/api.ts';
import { Autosaver } from '../../data/autosave.ts';
import { fetchReflection, fetchReflections, saveReflection } from '../../data/reflections.ts';
import { formatDateTime, t } from '../../i18n/sv.ts';
import { AutosaveController, autosavedMarkdown, autosaveStyles } from '../../components/autosave-controller.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import '../../components/bs-markdown-view.ts';
import { alertLine } from '../../components/feedback.ts';
import type { MemoView } from '../../../server/domain/types.ts';
import type { MarkedSegment } from '../../common/coding-marks.ts';
import { fetchMemos } from '../../data/research.ts';
import { renderVoices, voicesStyles } from '../../components/research/reflection-voices.ts';

const NO_MEMOS: MemoView[] = [];

interface Slot {
  key: string;
  label: string;
  description: string;
  saver: Autosaver;
  loaded: Reflection;
}

@customElement('bs-reflections-view')
export class BsReflectionsView extends LitElement {
  static override styles = [
    sharedStyles,
    autosaveStyles,
    css`
      :host {
        display: block;
        max-width: 56rem;
      }
      h2 {
        font-size: 1.25rem;
      }
      .slot:focus {
        outline: none;
      }
      .slot.target {
        outline: 3px solid var(--bs-focus);
        outline-offset: 2px;
      }
      .slot {
        background: var(--bs-surface);
        border: 1px solid var(--bs-border);
        border-radius: 0.5rem;
        padding: 0.8rem 1rem;
        margin: 0 0 1rem;
      }
      p {
        margin: 0 0 0.5rem;
      }
      h3 {
        font-size: 1.05rem;
        margin: 0 0 0.3rem;
      }
      .description,
      .empty {
        color: var(--bs-muted);
      }
    `,
    voicesStyles,
  ];

  @state() private _slots: Slot[] = [];
  /** Meta-reflections by reflection key (only with `research`). */
  @state() private _memos = new Map<string, MemoView[]>();
  @state() private _error = '';
  @state() private _loading = true;

  /** The API client. */
  @property({ attribute: false }) api?: Api;

  /** Study id. */
  @property({ attribute: 'study-id' }) studyId = '';

  /** Family id. */
  @property({ attribute: 'family-id' }) familyId = '';

  /** The study's questions, in order (one reflection each, besides the summary). */
  @property({ attribute: false }) questions: ReflectionQuestion[] = [];

  /** Incremented by the app when the user logs in again after the session expired. */
  @property({ type: Number }) session = 0;

  /** The signed-in user's id (a conflict with their own save in another tab is worded as such). */
  @property({ attribute: 'user-id' }) userId = '';

  /** Show the texts without editors (the user may read but not write). */
  @property({ type: Boolean }) readonly = false;

  /** The reflection to scroll to and focus once loaded ('summary' or a question id; a search hit leads here). */
  @property({ attribute: 'focus-key' }) focusKey = '';

  /** Researchers and the lead: each text beside the meta-reflections, with codings. */
  @property({ type: Boolean, reflect: true }) research = false;

  /** With `research`: codings and meta-reflections are shown, not written (the study is closed). */
  @property({ type: Boolean, attribute: 'research-readonly' }) researchReadonly = false;

  /** The family's codings by segment (with `research`). */
  @property({ attribute: false }) segments = new Map<string, MarkedSegment>();

  /** The family's pseudonym (titles a new meta-reflection). */
  @property({ attribute: 'family-name' }) familyName = '';

  /** The focus-key already scrolled to. */
  private _focused = '';

  private readonly _autosave = new AutosaveController(this, () => this._slots.map((slot) => slot.saver));

  override willUpdate(changed: Map<string, unknown>): void {
    const inputs = changed.has('studyId') || changed.has('familyId') || changed.has('api') || changed.has('questions');
    const retry = changed.has('session') && this._slots.length === 0;
    if ((inputs || retry) && this.api && this.studyId && this.familyId && this.questions.length && !this.hasUnsaved) {
      void this._load();
    }
  }

  override updated(): void {
    if (!this.focusKey || this.focusKey === this._focused || this._loading || !this._slots.length) return;
    this._focused = this.focusKey;
    const section = this.renderRoot.querySelector<HTMLElement>(`section[data-key="${CSS.escape(this.focusKey)}"]`);
    if (!section) return;
    section.scrollIntoView({ block: 'start' });
    section.focus({ preventScroll: true });
    section.classList.add('target');
    section.addEventListener('blur', () => section.classList.remove('target'), { once: true });
  }

  private async _load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    const { studyId, familyId } = this;
    this._loading = true;
    this._error = '';
    try {
      const [list, memos] = await Promise.all([
        fetchReflections(api, studyId, familyId),
        this.research ? fetchMemos(api, studyId, { about: 'reflection', family: familyId }) : NO_MEMOS,
      ]);
      const byReflection = new Map<string, MemoView[]>();
      for (const m of memos) {
        const key = m.about.id.slice(familyId.length + 1);
        byReflection.set(key, [...(byReflection.get(key) ?? []), m]);
      }
      this._memos = byReflection;
      const byKey = new Map(list.map((r) => [r.key, r]));
      const specs = [
        { key: 'summary', label: t('reflections.summary'), description: '' },
        ...this.questions.map((q, i) => ({ key: q.id, label: `${i + 1} ${q.label}`, description: q.text })),
      ];
      for (const slot of this._slots) slot.saver.dispose();
      this._slots = specs.map((spec) => {
        const loaded = byKey.get(spec.key) ?? { familyId, key: spec.key, text: '', version: 0, updatedAt: null, updatedBy: null, updatedById: null };
        const saver = new Autosaver(
          loaded,
          (text, version) => saveReflection(api, studyId, familyId, spec.key, version, text),
          this._autosave.changed,
          { reload: () => fetchReflection(api, studyId, familyId, spec.key) },
        );
        return { ...spec, saver, loaded };
      });
    } catch (err) {
      this._error = errorMessage(err);
    } finally {
      this._loading = false;
    }
  }

  /** The status line before anything is typed: who saved the text last and when, if anyone did. */
  private _idleText(slot: Slot): string {
    const r = slot.loaded;
    return r.version > 0 && r.updatedAt
      ? t('reflections.status.loaded', { date: formatDateTime(r.updatedAt), name: r.updatedBy ?? t('reflections.someone') })
      : t('reflections.status.idle');
  }

  /** A conflict with the user's own save (another tab) is worded as such. */
  private readonly _conflictText = (current: Reflection): string =>
    current.updatedById && current.updatedById === this.userId
      ? t('reflections.conflictSelf')
      : t('reflections.conflict', { name: current.updatedBy ?? t('reflections.someone') });

  /** A reflection as text only: its heading, the rendered Markdown and who saved it last. */
  private _renderReadonlySlot(slot: Slot) {
    const r = slot.loaded;
    const text = html`${r.text.trim()
        ? html`<bs-markdown-view .markdown=${r.text}></bs-markdown-view>`
        : html`<p class="empty">${t('reflections.readonlyEmpty')}</p>`}
      ${r.version > 0 ? html`<p class="status">${this._idleText(slot)}</p>` : nothing}`;
    return html`<section class="slot" data-key=${slot.key} tabindex="-1">
      <h3>${slot.label}</h3>
      ${slot.description ? html`<p class="description">${slot.description}</p>` : nothing}
      ${this.research ? this._voices(slot, text, r.text, false) : text}
    </section>`;
  }

  private _renderSlot(slot: Slot) {
    if (this.readonly) return this._renderReadonlySlot(slot);
    const body = autosavedMarkdown(slot.saver, {
      label: slot.label, description: slot.description, idle: this._idleText(slot), conflict: this._conflictText,
    });
    return html`<section class="slot" data-key=${slot.key} tabindex="-1">
      ${this.research ? this._voices(slot, body, slot.saver.text, slot.saver.unsaved) : body}
    </section>`;
  }

  /** Researchers and the lead: the caseworker's text beside the meta-reflections, with its codings. */
  private _voices(slot: Slot, caseworker: TemplateResult, text: string, pending: boolean) {
    const question = slot.key === 'summary' ? t('meta.summary') : this.questions.find((q) => q.id === slot.key)?.label ?? slot.label;
    return renderVoices({
      api: this.api, studyId: this.studyId, familyId: this.familyId, familyName: this.familyName, userId: this.userId,
      reflectionKey: slot.key, label: slot.label, question, caseworker, text, pending, segments: this.segments,
      memos: this._memos.get(slot.key) ?? NO_MEMOS, readonly: this.researchReadonly,
    });
  }

  /** True while any text is not yet stored. */
  get hasUnsaved(): boolean {
    return this._autosave.unsaved;
  }

  override render() {
    return html`
      <h2>${t('reflections.title')}</h2>
      <p>${this.readonly ? t('reflections.readonlyIntro') : t('reflections.intro')}</p>
      ${this.research
        ? this.researchReadonly ? html`<p class="notice">${t('meta.closed')}</p>` : html`<p>${t('meta.intro')}</p>`
        : nothing}
      ${alertLine(this._error)}
      ${this._loading && !this._error ? html`<p role="status">${t('app.loading')}</p>` : nothing}
      ${this._slots.map((slot) => this._renderSlot(slot))}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-reflections-view': BsReflectionsView;
  }
}
