// Keyboard reading and selecting in bs-reader (WCAG 2.1.1). The entries are a roving tab stop: one section
// is in the tab order, J/K or ArrowDown/ArrowUp move focus between entries, ArrowRight/ArrowLeft (or . and ,)
// select the next or previous sentence, Ctrl+ArrowRight/Left the next or previous word, and with Shift the
// selection grows or shrinks by a sentence (Ctrl or Alt too: by a word), never leaving the entry. The
// selection is a real DOM selection, so keys 1–9 and the "Markera som" bar work as for a mouse selection;
// each change is announced in a live region ("Markerat: …"). Keys count only while an entry has focus.
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Block } from '../../common/chronology.ts';
import { extend, selectedSpan, selectionOf, step, type KeySelection } from '../../common/keyboard-selection.ts';
import { offsetToPoint, type NodeLike } from '../../common/offsets.ts';
import { sentences, words, type Span } from '../../common/text-segments.ts';
import { t } from '../../i18n/sv.ts';

/** What the controller needs from the reader. */
export interface KeyboardReader {
  blocks(): Block[];
  text(documentId: string): string | undefined;
  /** The reader's current selection (mouse or keyboard) in document offsets, or null. */
  selection(): { block: string; start: number; end: number } | null;
  /** The block's section once rendered, or null if it is not in the DOM (far from the viewport). */
  rendered(key: string): Promise<HTMLElement | null>;
  /** Scrolls a block into view (rendering it) and focuses it. */
  reveal(key: string): Promise<void>;
  /** Reads the DOM selection into the reader's state now (so the number keys see it at once). */
  syncSelection(): void;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };
type Unit = 'sentence' | 'word';
type Action =
  | { kind: 'entry'; dir: 1 | -1 }
  | { kind: 'step' | 'extend'; unit: Unit; dir: 1 | -1 }
  | { kind: 'escape' };

/** The action of a key press, or null for keys the reader leaves alone. */
function actionOf(e: KeyboardEvent): Action | null {
  if (e.metaKey || e.isComposing) return null;
  const dir = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
  const mod = e.ctrlKey || e.altKey;
  if (dir) {
    if (e.shiftKey) return { kind: 'extend', unit: mod ? 'word' : 'sentence', dir };
    return { kind: 'step', unit: mod ? 'word' : 'sentence', dir };
  }
  if (mod || e.shiftKey) return null;
  switch (e.key) {
    case 'j': case 'J': case 'ArrowDown': return { kind: 'entry', dir: 1 };
    case 'k': case 'K': case 'ArrowUp': return { kind: 'entry', dir: -1 };
    case '.': return { kind: 'step', unit: 'sentence', dir: 1 };
    case ',': return { kind: 'step', unit: 'sentence', dir: -1 };
    case 'Escape': return { kind: 'escape' };
    default: return null;
  }
}

/** Where a block's visible text ends (its trailing whitespace is not shown). */
function visibleEnd(text: string, block: Block): number {
  let end = block.end;
  while (end > block.start && /\s/.test(text[end - 1]!)) end--;
  return end;
}

export class ReaderKeyboardController implements ReactiveController {
  #host: Host;
  #reader: KeyboardReader;
  /** The entry in the tab order (the one the caret is in); '' = the first. */
  #current = '';
  /** The caret in #current: the span last selected there (empty at the entry's start). */
  #caret: Span | null = null;
  /** The last keyboard selection, to grow it; dropped when the reader's selection no longer matches it. */
  #sel: KeySelection | null = null;
  #message = '';
  /** Sentences per block (texts are immutable; blocks are rebuilt when documents change). */
  #sentences = new WeakMap<Block, Span[]>();
  /** Serialises key handling: a move waits for the previous one (which may render and scroll to an entry). */
  #queue: Promise<void> = Promise.resolve();

  constructor(host: Host, reader: KeyboardReader) {
    this.#host = host;
    this.#reader = reader;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKeydown);
    this.#host.addEventListener('focusin', this.#onFocusIn);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKeydown);
    this.#host.removeEventListener('focusin', this.#onFocusIn);
  }

  /** Whether the block is the reader's tab stop. */
  isCurrent(key: string): boolean {
    return key === (this.#current || this.#reader.blocks()[0]?.key);
  }

  /** The live region announcing the selection; render it once in the reader. */
  renderLiveRegion() {
    return html`<p class="visually-hidden" role="status" aria-live="polite">${this.#message}</p>`;
  }

  /** The focused entry section when the event comes from one, else null. */
  #section(e: Event): HTMLElement | null {
    const first = e.composedPath()[0];
    return first instanceof HTMLElement && first.matches('section.block[data-block]') &&
      first.getRootNode() === this.#host.renderRoot ? first : null;
  }

  readonly #onFocusIn = (e: FocusEvent): void => {
    const key = this.#section(e)?.dataset.block;
    if (key) this.#setCurrent(key);
  };

  readonly #onKeydown = (e: KeyboardEvent): void => {
    if (e.defaultPrevented) return;
    const key = this.#section(e)?.dataset.block;
    const action = key ? actionOf(e) : null;
    if (!key || !action) return;
    if (action.kind === 'escape') {
      // The reader clears the DOM selection itself; the caret stays where it was.
      this.#sel = null;
      return;
    }
    e.preventDefault();
    this.#setCurrent(key);
    this.#queue = this.#queue.then(() => this.#run(action)).catch(() => undefined);
  };

  #setCurrent(key: string): void {
    if (key === this.#current) return;
    this.#current = key;
    this.#caret = null;
    this.#sel = null;
    this.#host.requestUpdate();
  }

  async #run(action: Exclude<Action, { kind: 'escape' }>): Promise<void> {
    const blocks = this.#reader.blocks();
    const index = blocks.findIndex((b) => b.key === this.#current);
    const block = blocks[index];
    if (!block) return;
    if (action.kind === 'entry') return this.#toEntry(blocks, index + action.dir, action.dir);
    const text = this.#reader.text(block.documentId);
    if (text === undefined) return;
    const units = this.#units(block, text, action.unit);
    const sel = this.#selection(block, text);
    if (action.kind === 'extend' && sel) {
      const next = extend(text, sel, units, action.dir, action.unit === 'word');
      return next ? this.#select(block, text, next) : this.#announce(t('reader.entryEdge'));
    }
    const at = (sel && selectedSpan(text, sel)) ?? this.#caret ?? { start: block.start, end: block.start };
    const next = step(units, at, action.dir);
    if (next) return this.#select(block, text, selectionOf(next));
    // Past the entry's first or last sentence: on to the neighbouring entry (a selection stays in its entry).
    if (action.kind === 'step' && action.unit === 'sentence') return this.#toEntry(blocks, index + action.dir, action.dir, true);
    this.#announce(t('reader.entryEdge'));
  }

  /** Sentences or words of a block's visible text. */
  #units(block: Block, text: string, unit: Unit): Span[] {
    if (unit === 'word') return words(text, block.start, visibleEnd(text, block));
    let list = this.#sentences.get(block);
    if (!list) {
      list = sentences(text, block.start, visibleEnd(text, block));
      this.#sentences.set(block, list);
    }
    return list;
  }

  /** The selection to continue from: the last keyboard selection, or one made with the mouse in this block. */
  #selection(block: Block, text: string): KeySelection | null {
    const current = this.#reader.selection();
    if (!current || current.block !== block.key) return null;
    const mine = this.#sel && selectedSpan(text, this.#sel);
    if (mine && mine.start === current.start && mine.end === current.end) return this.#sel;
    return selectionOf({ start: current.start, end: current.end });
  }

  /** Moves to the entry at `index`; `select`: also selects its first (dir 1) or last (dir -1) sentence. */
  async #toEntry(blocks: Block[], index: number, dir: 1 | -1, select = false): Promise<void> {
    const block = blocks[index];
    if (!block) return this.#announce(t(dir > 0 ? 'reader.lastEntry' : 'reader.firstEntry'));
    document.getSelection()?.removeAllRanges();
    this.#reader.syncSelection();
    this.#setCurrent(block.key);
    await this.#reader.reveal(block.key);
    const text = this.#reader.text(block.documentId);
    if (!select || text === undefined) return;
    const units = this.#units(block, text, 'sentence');
    const unit = dir > 0 ? units[0] : units[units.length - 1];
    if (unit) await this.#select(block, text, selectionOf(unit));
  }

  /** Makes `sel` the DOM selection, scrolls it into view and announces it. */
  async #select(block: Block, text: string, sel: KeySelection): Promise<void> {
    const span = selectedSpan(text, sel);
    if (!span) return;
    const section = await this.#reader.rendered(block.key);
    if (!section) return;
    const a = offsetToPoint(section as unknown as NodeLike, span.start, 'start');
    const b = offsetToPoint(section as unknown as NodeLike, span.end, 'end');
    if (!a || !b) return;
    const from = a.node as unknown as Node;
    const to = b.node as unknown as Node;
    // Backwards when the focus is before the anchor, as a selection made with Shift+ArrowLeft would be.
    if (sel.focus < sel.anchor.start) document.getSelection()?.setBaseAndExtent(to, b.offset, from, a.offset);
    else document.getSelection()?.setBaseAndExtent(from, a.offset, to, b.offset);
    this.#sel = sel;
    this.#caret = span;
    this.#reader.syncSelection();
    const range = document.createRange();
    range.setStart(from, a.offset);
    range.setEnd(to, b.offset);
    const box = range.getBoundingClientRect();
    // Keep the sentence clear of the sticky "Markera som" bar at the bottom.
    if (box.top < 0 || box.bottom > window.innerHeight - 120) window.scrollBy({ top: box.top - window.innerHeight / 3 });
    this.#announce(t('reader.selected', { text: text.slice(span.start, span.end).replace(/\s+/g, ' ') }));
  }

  #announce(message: string): void {
    // A repeated message would not be read again: make it differ (an invisible trailing space).
    this.#message = message === this.#message ? `${message}\u00a0` : message;
    this.#host.requestUpdate();
  }
}
