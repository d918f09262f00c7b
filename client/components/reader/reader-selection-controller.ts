// Follows the selection inside bs-reader: the passage selected in one entry (in document offsets), or the
// message that a selection crosses entries. Separate from the reader so that it only has to act on a selection.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Block } from '../../common/chronology.ts';
import { rangeToOffsets, trimRange } from '../../common/offsets.ts';
import { t } from '../../i18n/sv.ts';
import { composedRange } from './reader-dom.ts';

/** A passage selected inside one entry, in document offsets (trimmed of surrounding whitespace). */
export interface ReaderSelection {
  block: string;
  documentId: string;
  start: number;
  end: number;
}

/** What the controller needs from the reader. */
export interface SelectionReader {
  blocks(): Block[];
  text(documentId: string): string | undefined;
}

type Host = ReactiveControllerHost & HTMLElement;

export class ReaderSelectionController implements ReactiveController {
  #host: Host;
  #reader: SelectionReader;
  #current: ReaderSelection | null = null;
  #message = '';
  #pointerDown = false;
  #frame = 0;

  constructor(host: Host, reader: SelectionReader) {
    this.#host = host;
    this.#reader = reader;
    host.addController(this);
  }

  /** The selected passage, or null. */
  get current(): ReaderSelection | null {
    return this.#current;
  }

  /** Why a selection is not usable (it crosses entries), or ''. */
  get message(): string {
    return this.#message;
  }

  hostConnected(): void {
    document.addEventListener('selectionchange', this.#onSelectionChange);
    window.addEventListener('pointerup', this.#onPointerUp);
  }

  hostDisconnected(): void {
    document.removeEventListener('selectionchange', this.#onSelectionChange);
    window.removeEventListener('pointerup', this.#onPointerUp);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  /** A pointer went down in the text: the selection is read once it is released. */
  pointerDown(): void {
    this.#pointerDown = true;
  }

  /** Forgets the selection and the message (the DOM selection is the reader's to clear). */
  clear(): void {
    this.#set(null, '');
  }

  readonly #onSelectionChange = (): void => {
    if (this.#pointerDown || this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.read();
    });
  };

  readonly #onPointerUp = (): void => {
    if (!this.#pointerDown) return;
    this.#pointerDown = false;
    this.read();
  };

  /** Reads the DOM selection now. */
  read(): void {
    const root = this.#host.shadowRoot;
    const range = root ? composedRange(root) : null;
    const inside = (n: Node | undefined) => !!n && n.getRootNode() === root;
    if (!range || range.collapsed || (!inside(range.startContainer) && !inside(range.endContainer))) {
      this.#set(null, '');
      return;
    }
    const r = rangeToOffsets(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
    if (r.kind === 'cross-block') {
      this.#set(null, t('reader.crossBlocks'));
      return;
    }
    const block = r.kind === 'ok' ? this.#reader.blocks().find((b) => b.key === r.block) : undefined;
    const text = block ? this.#reader.text(block.documentId) : undefined;
    const trimmed = r.kind === 'ok' && text !== undefined ? trimRange(text, r.start, r.end) : null;
    this.#set(block && trimmed ? { block: block.key, documentId: block.documentId, ...trimmed } : null, '');
  }

  #set(current: ReaderSelection | null, message: string): void {
    if (current === this.#current && message === this.#message) return;
    this.#current = current;
    this.#message = message;
    this.#host.requestUpdate();
  }
}
