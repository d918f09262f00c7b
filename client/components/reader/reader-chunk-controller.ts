// Renders a long case file in chunks so the first screen shows at once: FIRST blocks on first show, then
// more per task (CHUNK, doubling up to MAX_CHUNK); content-visibility keeps the off-screen part cheap once
// it is in the DOM.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Blocks rendered at once on first show (more than a screenful), then more per task: CHUNK, doubling up to MAX_CHUNK. */
const FIRST = 30;
const CHUNK = 250;
const MAX_CHUNK = 1000;

export class ReaderChunkController implements ReactiveController {
  /** How many of the blocks are rendered. */
  limit = 0;
  private _frame = 0;
  private _timer: ReturnType<typeof setTimeout> | null = null;
  private _seen = -1;

  constructor(private readonly host: ReactiveControllerHost, private readonly count: () => number) {
    host.addController(this);
  }

  hostConnected(): void {
    this._grow();
  }

  hostDisconnected(): void {
    if (this._timer) clearTimeout(this._timer);
    this._timer = null;
    cancelAnimationFrame(this._frame);
    this._frame = 0;
  }

  /** The blocks changed (call before rendering): at least the first chunk now, the rest in later tasks. */
  blocksChanged(): void {
    this.limit = Math.min(this.count(), Math.max(this.limit, FIRST));
    this._grow();
  }

  /** Renders every block (a jump to a block not yet rendered). */
  showAll(): void {
    this.limit = this.count();
    this.host.requestUpdate();
  }

  /** Whether more blocks were rendered since the last call (after an update). */
  takeGrown(): boolean {
    const grown = this.limit !== this._seen;
    this._seen = this.limit;
    return grown;
  }

  /** Adds more blocks per task, the first chunk after a frame so the first screen shows at once. */
  private _grow(): void {
    if (this._frame || this._timer || this.limit >= this.count()) return;
    const next = () => {
      this._timer = setTimeout(() => {
        this._timer = null;
        // Small chunks while the first screen settles, larger ones after (fewer re-renders of the list).
        this.limit = Math.min(this.count(), this.limit + Math.min(MAX_CHUNK, Math.max(CHUNK, this.limit)));
        this.host.requestUpdate();
        this._grow();
      }, 0);
    };
    if (this.limit > FIRST) return next();
    this._frame = requestAnimationFrame(() => {
      this._frame = 0;
      next();
    });
  }
}
