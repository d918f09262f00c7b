// A Lit controller that reports how far the user has read the family's case file. While the page scrolls
// it finds the entry at the top of the viewport (the reader's section under a point near the top); every
// entry before it in the chronology counts as reached, per document as the highest entry index. A new
// highest is sent at most every 5 s, and what is still pending when the user leaves the page (or it is
// hidden) is sent at once, surviving the unload. Reports only ever raise the stored value on the server.
// Example: new ReadingController(this, { api: () => this.api, …, enabled: () => family.permissions.annotate })
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Block } from '../../common/chronology.ts';
import type { Api } from '../../data/api.ts';
import { reportReading } from '../../data/families.ts';

/** At most one round of reports per this many milliseconds while scrolling. */
export const REPORT_INTERVAL_MS = 5000;
/** How far below the top of the viewport (or of the reader) the entry "at the top" is looked for. */
const PROBE_PX = 24;

/** What the controller needs from its page. */
export interface ReadingContext {
  api(): Api | undefined;
  studyId(): string;
  /** The reader element; its shadow root holds one `section[data-block]` per block. */
  reader(): (HTMLElement & { shadowRoot: ShadowRoot | null }) | undefined;
  /** The blocks in reading order. */
  blocks(): readonly Block[];
  /** What the server has stored for this user: document id → highest entry index reached. */
  stored(): Readonly<Record<string, number>>;
  /** False: nothing is tracked (a researcher, or the reader tab is hidden). */
  enabled(): boolean;
}

/**
 * For every block, its document's entry index (0-based; a document's preamble has none, -1), in the
 * order of the chronology. Pure: the entries of a document are its non-preamble blocks in text order.
 */
export function entryIndexes(blocks: readonly Block[]): number[] {
  const byDoc = new Map<string, Block[]>();
  for (const b of blocks) {
    if (b.preamble) continue;
    const list = byDoc.get(b.documentId);
    if (list) list.push(b);
    else byDoc.set(b.documentId, [b]);
  }
  const index = new Map<Block, number>();
  for (const list of byDoc.values()) [...list].sort((a, b) => a.start - b.start).forEach((b, i) => index.set(b, i));
  return blocks.map((b) => index.get(b) ?? -1);
}

export class ReadingController implements ReactiveController {
  #blocks: readonly Block[] = [];
  #indexes: number[] = [];
  #position = new Map<string, number>();
  /** Blocks up to this position have been counted (the chronology only ever moves forward here). */
  #counted = -1;
  /** Document id → highest entry index reached on this page. */
  #reached = new Map<string, number>();
  /** Document id → highest index the server is known to have. */
  #sent = new Map<string, number>();
  #frame = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #lastSent = 0;

  constructor(
    private readonly _host: ReactiveControllerHost & HTMLElement,
    private readonly _ctx: ReadingContext,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('scroll', this.#onScroll, { passive: true });
    window.addEventListener('pagehide', this.#onLeave);
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  hostDisconnected(): void {
    window.removeEventListener('scroll', this.#onScroll);
    window.removeEventListener('pagehide', this.#onLeave);
    document.removeEventListener('visibilitychange', this.#onVisibility);
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#flush(true);
  }

  hostUpdated(): void {
    const blocks = this._ctx.blocks();
    if (blocks === this.#blocks) return;
    this.#blocks = blocks;
    this.#indexes = entryIndexes(blocks);
    this.#position = new Map(blocks.map((b, i) => [b.key, i]));
    this.#counted = -1;
  }

  readonly #onScroll = (): void => {
    if (this.#frame || !this._ctx.enabled()) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#observe();
    });
  };

  readonly #onLeave = (): void => this.#flush(true);

  readonly #onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.#flush(true);
  };

  /** The position in the chronology of the block at the top of the viewport, or -1. */
  #topBlock(): number {
    const reader = this._ctx.reader();
    const root = reader?.shadowRoot;
    if (!reader || !root) return -1;
    const rect = reader.getBoundingClientRect();
    const y = Math.max(rect.top, 0) + PROBE_PX;
    if (y > Math.min(rect.bottom, window.innerHeight)) return -1;
    const hit = root.elementFromPoint(rect.left + rect.width / 2, y);
    const key = hit?.closest<HTMLElement>('section[data-block]')?.dataset.block;
    return key === undefined ? -1 : (this.#position.get(key) ?? -1);
  }

  #observe(): void {
    const top = this.#topBlock();
    if (top <= this.#counted) return;
    for (let i = this.#counted + 1; i <= top; i++) {
      const index = this.#indexes[i]!;
      const doc = this.#blocks[i]!.documentId;
      if (index > (this.#reached.get(doc) ?? -1)) this.#reached.set(doc, index);
    }
    this.#counted = top;
    if (this.#pending().length === 0 || this.#timer) return;
    const wait = this.#lastSent + REPORT_INTERVAL_MS - Date.now();
    if (wait <= 0) this.#flush(false);
    else this.#timer = setTimeout(() => this.#flush(false), wait);
  }

  /** Documents whose reached index is above what the server has. */
  #pending(): [string, number][] {
    const stored = this._ctx.stored();
    return [...this.#reached].filter(([doc, index]) => index > Math.max(stored[doc] ?? -1, this.#sent.get(doc) ?? -1));
  }

  #flush(leaving: boolean): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    const api = this._ctx.api();
    const pending = this.#pending();
    if (!api || !pending.length) return;
    this.#lastSent = Date.now();
    const studyId = this._ctx.studyId();
    for (const [doc, index] of pending) {
      const before = this.#sent.get(doc) ?? -1;
      this.#sent.set(doc, index);
      reportReading(api, studyId, doc, index, leaving).then(
        (r) => this.#sent.set(doc, Math.max(this.#sent.get(doc) ?? -1, r.reached)),
        // A lost report is sent again with the next round; reading never waits for it.
        () => {
          if (this.#sent.get(doc) === index) this.#sent.set(doc, before);
        },
      );
    }
  }
}
