// <bs-reader .blocks=${blocks} .texts=${texts} .questions=${qs} .touching=${..} .owner=${..}>: the whole
// case file in date order, one section per block, with highlights and margin cards. Selecting text inside
// one block shows "Markera som: [1 …] [2 …] [3 …]"; a button or the keys 1–9 fire bs-annotation-start with
// the target in document offsets. Stays responsive on a 5 MB file of thousands of entries: only the blocks
// near the viewport are in the DOM (@lit-labs/virtualizer, scrolling with the page), the others are only
// space; a jump goes through the virtualizer and settles on the block. The keyboard moves through entries,
// sentences and words and selects (reader-keyboard-controller.ts), with the keys listed in a "Tangentbord"
// disclosure above the text.
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { virtualize, virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import type { AnnotationView, ReflectionQuestion } from '../../../server/domain/types.ts';
import type { Block } from '../../common/chronology.ts';
import type { BlockCodings } from '../../common/coding-marks.ts';
import { makeTarget } from '../../common/offsets.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { renderBlock } from './reader-block.ts';
import { READER_LAYOUT } from './reader-layout.ts';
import { isTextField, nextFrame } from './reader-dom.ts';
import { FoundMark } from './found-mark.ts';
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

  /** Moving through entries, sentences and words, and selecting, by keyboard. */
  private readonly _keys = new ReaderKeyboardController(this, {
    blocks: () => this.blocks,
    text: (documentId) => this.texts.get(documentId),
    selection: () => this._selection.current,
    rendered: async (key) => {
      await this.updateComplete;
      return this._section(key);
    },
    reveal: (key) => this.revealBlock(key),
    syncSelection: () => this._selection.read(),
  });
  /** The passage selected in one entry (or why a selection is not usable). */
  private readonly _selection = new ReaderSelectionController(this, {
    blocks: () => this.blocks,
    text: (documentId) => this.texts.get(documentId),
  });

  /** The passage "Sök i akten" shows. */
  private readonly _found = new FoundMark();

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

  /** The first and last block the virtualizer has in the DOM (the tab stop falls back to the first). */
  private _range = { first: 0, last: -1 };

  private readonly _onRange = (e: RangeChangedEvent): void => {
    if (e.first === this._range.first && e.last === this._range.last) return;
    this._range = { first: e.first, last: e.last };
    this.requestUpdate();
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._found.clear();
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

  /** Whether the current entry (the roving tab stop) is among the blocks in the DOM. */
  private _currentInRange(): boolean {
    for (let i = this._range.first; i <= this._range.last; i++) if (this._keys.isCurrent(this.blocks[i]?.key ?? '')) return true;
    return false;
  }

  private _virtualizer() {
    return this.renderRoot.querySelector<VirtualizerHostElement>('.blocks')?.[virtualizerRef];
  }

  /** The section of a block, if it is in the DOM (near the viewport). */
  private _section(key: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`section[data-block="${CSS.escape(key)}"]`);
  }

  /** Shows a passage "Sök i akten" found (document offsets in block `key`): as revealBlock, but focus stays in the find field. */
  async revealText(key: string, start: number, end: number): Promise<void> {
    await this._found.show(async () => {
      await this.revealBlock(key, { focus: false });
      return this._section(key);
    }, start, end);
  }

  clearFound(): void {
    this._found.clear();
  }

  /** Scrolls a block to the top of the viewport (through the virtualizer: it may not be in the DOM yet) and moves focus to it (unless `focus: false`). */
  async revealBlock(key: string, { focus = true } = {}): Promise<void> {
    const index = this.blocks.findIndex((b) => b.key === key);
    if (index < 0) return;
    await this.updateComplete;
    // The virtualizer takes new blocks a moment after a render (a jump may come with the whole file).
    let target = this._virtualizer()?.element(index);
    for (let frame = 0; !target && frame < 60; frame++) {
      await nextFrame();
      target = this._virtualizer()?.element(index);
    }
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    // The virtualizer renders the block and its neighbours, measures them and corrects its estimates of
    // the heights above: find the block, then keep it at the top until its position has held for three
    // frames (at most a second).
    let el: HTMLElement | null = null;
    for (let frame = 0, held = 0; held < 3 && frame < 60; frame++) {
      // A block already near the viewport is focused at once; one further away once it is rendered.
      if (frame > 0 || !this._section(key)) await nextFrame();
      const now = this._section(key);
      if (!now) {
        held = 0;
        continue;
      }
      if (now !== el) {
        el = now;
        if (focus) this._mark(el);
      }
      const top = el.getBoundingClientRect().top;
      if (top >= 0 && top <= window.innerHeight / 3) held++;
      else {
        el.scrollIntoView({ block: 'start' });
        held = 0;
      }
    }
  }

  /** Focuses a revealed block and shows where the jump landed (a click into the text focuses a block too, without this mark). */
  private _mark(el: HTMLElement): void {
    el.focus({ preventScroll: true });
    el.classList.add('target');
    el.addEventListener('blur', () => el.classList.remove('target'), { once: true });
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
      this._section(key)?.focus({ preventScroll: true });
    });
  }

  override render() {
    const numbers = new Map(this.questions.map((q, i) => [q.id, i + 1]));
    const docs = new Set(this.blocks.map((b) => b.documentId));
    const sel = this._selection.current;
    const tabStopAway = !this._currentInRange();
    return html`
      ${this.blocks.length ? html`<bs-keyboard-help questions=${this.questions.length} ?annotate=${!this.readonly}
        ?code=${this._mayCode}></bs-keyboard-help>` : nothing}
      <div class="blocks" @pointerdown=${() => this._selection.pointerDown()} @rangeChanged=${this._onRange}>
        ${virtualize({
          items: this.blocks,
          layout: READER_LAYOUT,
          keyFunction: (b: Block) => b.key,
          renderItem: (b: Block, index: number) => {
            const owned = this.owner.get(b.key) ?? EMPTY;
            const touching = this.touching.get(b.key) ?? EMPTY;
            const mine = (!this.readonly || this._mayCode) && sel?.block === b.key ? sel : null;
            const coded = this.coding ? this.coded.get(b.key) : undefined;
            const busy = owned.some((a) => a.id === this.busyId) ? this.busyId : '';
            // The roving tab stop; while its block is out of the DOM, the first block there takes it.
            const current = this._keys.isCurrent(b.key) || (index === this._range.first && tabStopAway);
            const codeReadonly = this.codingReadonly;
            return html`${guard([b, touching, owned, mine, busy, current, this.questions, this.texts, this.userId, this.coding, codeReadonly, coded], () =>
              renderBlock(b, {
                text: this.texts.get(b.documentId) ?? '', questions: this.questions, numbers, touching, owned,
                userId: this.userId, busyId: busy, bar: mine ? this._renderBar() : nothing, showDocumentTitle: docs.size > 1,
                current, coding: this.coding, codeReadonly, coded,
              }))}`;
          },
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
