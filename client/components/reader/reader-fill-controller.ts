// Keeps the reader's off-screen blocks light: a block is rendered in full ("filled") only once it
// comes near the viewport (IntersectionObserver) or is jumped to, and stays filled; until then it is
// a placeholder whose height is estimated from its text and the reader's width.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Block } from '../../common/chronology.ts';
import { estimateHeight } from './reader-block.ts';

/** How far outside the viewport blocks are filled ahead of scrolling. */
const FILL_MARGIN = '1500px 0px';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment; hasUpdated: boolean };

export class ReaderFillController implements ReactiveController {
  /** Keys of the blocks rendered in full. Replaced (not mutated) on change, so Lit's guard sees it. */
  filled = new Set<string>();
  #host: Host;
  #texts: () => Map<string, string>;
  #observer: IntersectionObserver | null = null;
  /** Sections handed to the observer (cleared when it is recreated). */
  #observed = new WeakSet<Element>();
  /** Estimated heights (px) by block; dropped when the width changes. */
  #heights = new WeakMap<Block, number>();
  #charsPerLine = 84;
  /** Follows the reader's width (for the height estimates) without forcing a layout. */
  #resize = new ResizeObserver((entries) => {
    const width = entries[0]?.contentRect.width;
    if (!width) return;
    // The margin column (17rem + gap) appears from 46rem; the text is at most 48rem wide (see reader-styles).
    const text = Math.min(768, width >= 736 ? width - 292 : width);
    const cpl = Math.max(20, Math.floor(text / 8.6));
    if (cpl === this.#charsPerLine) return;
    this.#charsPerLine = cpl;
    this.#heights = new WeakMap();
    this.#host.requestUpdate();
  });

  constructor(host: Host, texts: () => Map<string, string>) {
    this.#host = host;
    this.#texts = texts;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new IntersectionObserver(this.#onIntersect, { rootMargin: FILL_MARGIN });
    this.#observed = new WeakSet();
    if (this.#host.hasUpdated) this.observeUnfilled();
    this.#resize.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#resize.disconnect();
  }

  /** The placeholder height of a block with `cards` margin cards. */
  height(block: Block, cards: number): number {
    let h = this.#heights.get(block);
    if (h === undefined) {
      h = estimateHeight(block, this.#texts().get(block.documentId) ?? '', cards, this.#charsPerLine);
      this.#heights.set(block, h);
    }
    return h;
  }

  /** Hands every unfilled section not yet observed to the observer; call after rendering new blocks. */
  observeUnfilled(): void {
    const observer = this.#observer;
    if (!observer) return;
    for (const el of this.#host.renderRoot.querySelectorAll('section.block[data-unfilled]')) {
      if (this.#observed.has(el)) continue;
      this.#observed.add(el);
      observer.observe(el);
    }
  }

  /** Renders these blocks in full from now on. */
  fill(keys: Iterable<string>): void {
    let next: Set<string> | null = null;
    for (const key of keys) {
      if (this.filled.has(key) || next?.has(key)) continue;
      next ??= new Set(this.filled);
      next.add(key);
    }
    if (!next) return;
    this.filled = next;
    this.#host.requestUpdate();
  }

  #onIntersect = (entries: IntersectionObserverEntry[]): void => {
    const keys: string[] = [];
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      this.#observer?.unobserve(entry.target);
      const key = (entry.target as HTMLElement).dataset.block;
      if (key) keys.push(key);
    }
    this.fill(keys);
  };
}
