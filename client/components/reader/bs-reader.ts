// <bs-reader .blocks=${blocks} .texts=${texts} .questions=${qs} .touching=${..} .owner=${..}>: the whole
// case file in date order, one section per block, with highlights and margin cards. Selecting text inside
// one block shows "Markera som: [1 …] [2 …] [3 …]"; a button or the keys 1–9 fire bs-annotation-start with
// the target in document offsets. Stays responsive on a 5 MB file: blocks use content-visibility, only
// blocks with annotations are split into more than one span, and a block is "filled" (highlights, badges,
// margin cards) only once it comes near the viewport; until then it shows its heading and plain text with
// an estimated height. Filled blocks stay filled. The keyboard moves through entries, sentences and words and
// selects (reader-keyboard-controller.ts), with the keys listed in a "Tangentbord" disclosure above the text.
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { AnnotationView, ReflectionQuestion } from '../../../server/domain/types.ts';
import type { Block } from '../../common/chronology.ts';
import type { BlockCodings } from '../../common/coding-marks.ts';
import { makeTarget } from '../../common/offsets.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { renderBlock } from './reader-block.ts';
import { ReaderChunkController } from './reader-chunk-controller.ts';
import { isTextField, nextFrame } from './reader-dom.ts';
import { ReaderFillController } from './reader-fill-controller.ts';
import { ReaderKeyboardController } from './reader-keyboard-controller.ts';
import { ReaderSelectionController } from './reader-selection-controller.ts';
import { readerStyles } from './reader-styles.ts';
import { renderSelectionBar } from './reader-selection-bar.ts';
import { sharedStyles } from '../base-styles.ts';
import type { BsAnnotationCard } from './bs-annotation-card.ts';
import './bs-keyboard-help.ts';

const EMPTY: AnnotationView[] = [];

@customElement('bs-reader')
export class BsReader extends LitElement {
  static override styles = [sharedStyles, readerStyles];

  /** Which blocks are rendered in full, and the placeholder heights of the others. */
  private readonly _filler = new ReaderFillController(this, () => this.texts);
  /** Moving through entries, sentences and words, and selecting, by keyboard. */
  private readonly _keys = new ReaderKeyboardController(this, {
    blocks: () => this.blocks,
    text: (documentId) => this.texts.get(documentId),
    selection: () => this._selection.current,
    fill: async (key) => {
      this._filler.fill([key]);
      await this.updateComplete;
    },
    reveal: (key) => this.revealBlock(key),
    syncSelection: () => this._selection.read(),
  });
  /** How many blocks are rendered yet (a long file arrives in chunks). */
  private readonly _chunks = new ReaderChunkController(this, () => this.blocks.length);
  /** The passage selected in one entry (or why a selection is not usable). */
  private readonly _selection = new ReaderSelectionController(this, {
    blocks: () => this.blocks,
    text: (documentId) => this.texts.get(documentId),
    fill: (key) => this._filler.fill([key]),
  });

  /** The block of the last "Markera som" choice: focus returns there when the form closes. */
  private _returnTo = '';

  /** Blocks in reading order (from buildChronology). */
  @property({ attribute: false }) blocks: Block[] = [];

  /** Document id → its full text. */
  @property({ attribute: false }) texts = new Map<string, string>();

  /** The study's questions, in order. */
  @property({ attribute: false }) questions: ReflectionQuestion[] = [];

  /** Block key → annotations overlapping it (highlighted). */
  @property({ attribute: false }) touching = new Map<string, AnnotationView[]>();

  /** Block key → annotations starting in it (cards in the margin). */
  @property({ attribute: false }) owner = new Map<string, AnnotationView[]>();

  /** The current user's id (their own cards get Redigera / Ta bort). */
  @property({ attribute: 'user-id' }) userId = '';

  /** Id of an annotation being changed (its card's buttons are disabled). */
  @property({ attribute: 'busy-id' }) busyId = '';

  /** Reading only: no "Markera som" bar (the page ignores bs-annotation-start too). */
  @property({ type: Boolean }) readonly = false;

  /** Researchers and the lead: "Koda stycket" (key C) for a selection, and the codes in the margin. */
  @property({ type: Boolean }) coding = false;

  /** With `coding`, the codes are shown only (a closed study): no "Koda stycket", key C, "Koda" or ×. */
  @property({ type: Boolean, attribute: 'coding-readonly' }) codingReadonly = false;

  /** Block key → the codings shown in that block (only with `coding`). */
  @property({ attribute: false }) coded: ReadonlyMap<string, BlockCodings> = new Map();

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this._onKeydown);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('blocks')) this._chunks.blocksChanged();
  }

  override updated(changed: Map<string, unknown>): void {
    // Filling never adds unfilled sections; only new blocks do.
    if (this._chunks.takeGrown() || changed.has('blocks')) this._filler.observeUnfilled();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onKeydown);
  }

  private readonly _onKeydown = (e: KeyboardEvent): void => {
    if (!this._selection.current || e.ctrlKey || e.metaKey || e.altKey || !this.checkVisibility()) return;
    if (e.composedPath().some(isTextField)) return;
    if (e.key === 'Escape') return this.clearSelection();
    if (this._mayCode && (e.key === 'c' || e.key === 'C') && !e.shiftKey) {
      e.preventDefault();
      return this._code();
    }
    const n = Number(e.key);
    if (Number.isInteger(n) && n >= 1 && n <= Math.min(9, this.questions.length)) {
      e.preventDefault();
      this._start(n - 1);
    }
  };

  private _start(index: number): void {
    const sel = this._selection.current;
    const question = this.questions[index];
    const text = sel ? this.texts.get(sel.documentId) : undefined;
    if (!sel || !question || text === undefined) return;
    this._returnTo = sel.block;
    fire(this, 'bs-annotation-start', {
      documentId: sel.documentId,
      questionId: question.id,
      target: makeTarget(text, sel.start, sel.end),
    });
  }

  /** The user may code what they select (not only see the codes). */
  private get _mayCode(): boolean {
    return this.coding && !this.codingReadonly;
  }

  /** Asks the page to code the selected passage (it opens the code picker). */
  private _code(): void {
    const sel = this._selection.current;
    const text = sel ? this.texts.get(sel.documentId) : undefined;
    if (!sel || text === undefined) return;
    this._returnTo = sel.block;
    const exact = text.slice(sel.start, sel.end);
    const quote = exact.replace(/\s+/g, ' ').trim();
    fire(this, 'bs-coding-request', {
      target: { type: 'passage', documentId: sel.documentId, start: sel.start, end: sel.end, exact },
      subject: t('coding.subject.passage', { quote: quote.length > 120 ? `${quote.slice(0, 120)} …` : quote }),
    });
  }

  private _renderBar() {
    return renderSelectionBar({
      questions: this.questions, readonly: this.readonly, mayCode: this._mayCode,
      start: (i) => this._start(i), code: () => this._code(),
    });
  }

  /** Scrolls a block to the top of the viewport and moves focus to it. */
  async revealBlock(key: string): Promise<void> {
    const index = this.blocks.findIndex((b) => b.key === key);
    if (index < 0) return;
    if (index >= this._chunks.limit) this._chunks.showAll();
    // Fill the target and its neighbours first, so the position does not shift much after the jump.
    this._filler.fill(this.blocks.slice(Math.max(0, index - 2), index + 4).map((b) => b.key));
    await this.updateComplete;
    const el = this.renderRoot.querySelector<HTMLElement>(`section[data-block="${CSS.escape(key)}"]`);
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
    // Show where the jump landed (a mouse click into the text focuses a block too, without this mark).
    el.classList.add('target');
    el.addEventListener('blur', () => el.classList.remove('target'), { once: true });
    // Blocks around the target render for the first time and may change height (and a long file may
    // still be growing): settle the position until it has held for three frames (at most a second).
    for (let frame = 0, held = 0; held < 3 && frame < 60; frame++) {
      await nextFrame();
      const top = el.getBoundingClientRect().top;
      if (top >= 0 && top <= window.innerHeight / 3) held++;
      else {
        el.scrollIntoView({ block: 'start' });
        held = 0;
      }
    }
  }

  /** Reveals a block, then moves focus to one of its annotation cards (where a search hit leads); false if the card is not there. */
  async revealAnnotation(key: string, annotationId: string): Promise<boolean> {
    await this.revealBlock(key);
    const cards = this.renderRoot.querySelectorAll<BsAnnotationCard>(`section[data-block="${CSS.escape(key)}"] bs-annotation-card`);
    const card = [...cards].find((c) => c.annotation?.id === annotationId);
    if (!card) return false;
    await card.updateComplete;
    card.reveal();
    return true;
  }

  /** Forgets the selection (after an annotation was saved or cancelled). */
  clearSelection(): void {
    const key = this._returnTo;
    this._returnTo = '';
    this._selection.clear();
    document.getSelection()?.removeAllRanges();
    if (!key) return;
    // Focus was on the selection bar (keyboard use) and the bar is gone: keep the user in the same entry.
    requestAnimationFrame(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      if (active && active !== document.body && !active.closest('.selbar, .codebar')) return;
      this.renderRoot.querySelector<HTMLElement>(`section[data-block="${CSS.escape(key)}"]`)?.focus({ preventScroll: true });
    });
  }

  override render() {
    const numbers = new Map(this.questions.map((q, i) => [q.id, i + 1]));
    const docs = new Set(this.blocks.map((b) => b.documentId));
    const sel = this._selection.current;
    return html`
      ${this.blocks.length ? html`<bs-keyboard-help questions=${this.questions.length} ?annotate=${!this.readonly}
        ?code=${this._mayCode}></bs-keyboard-help>` : nothing}
      <div class="blocks" @pointerdown=${() => this._selection.pointerDown()}>
        ${repeat(this.blocks.slice(0, this._chunks.limit), (b) => b.key, (b) => {
          const filled = this._filler.filled.has(b.key);
          const owned = this.owner.get(b.key) ?? EMPTY;
          const height = this._filler.height(b, owned.length);
          // An unfilled block ignores its annotations: do not re-render it when they change.
          const touching = filled ? this.touching.get(b.key) ?? EMPTY : EMPTY;
          const cards = filled ? owned : EMPTY;
          const mine = filled && (!this.readonly || this._mayCode) && sel?.block === b.key ? sel : null;
          const coded = filled && this.coding ? this.coded.get(b.key) : undefined;
          const busy = cards.some((a) => a.id === this.busyId) ? this.busyId : '';
          const current = this._keys.isCurrent(b.key);
          const codeReadonly = this.codingReadonly;
          return guard([b, filled, height, touching, cards, mine, busy, current, this.questions, this.texts, this.userId, this.coding, codeReadonly, coded], () =>
            renderBlock(b, {
              text: this.texts.get(b.documentId) ?? '', questions: this.questions, numbers, touching, owned: cards,
              userId: this.userId, busyId: busy, bar: mine ? this._renderBar() : nothing, showDocumentTitle: docs.size > 1,
              filled, height, current, coding: this.coding, codeReadonly, coded,
            }));
        })}
      </div>
      ${this._selection.message ? html`<p class="toast alert" role="alert">${this._selection.message}</p>` : nothing}
      ${this._keys.renderLiveRegion()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-reader': BsReader;
  }
}
