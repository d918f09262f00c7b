// Keeps the deck and its speaker notes window on the same slide: a BroadcastChannel per study, over which
// each window says where it went ({ slide }) and a window that has just opened asks where the others are.
// A window never re-sends what it received, so the two cannot echo each other.
// Example: const channel = new DeckChannel('mini', (slide) => go(slide)); channel.moved(3); … channel.close();

type DeckMessage = { type: 'moved'; slide: number } | { type: 'where' };

export const deckChannelName = (studyId: string) => `backspegel-presentation:${studyId}`;

export class DeckChannel {
  private readonly _channel: BroadcastChannel | null;

  /** `onMove` is called with a 1-based slide number when another window moved; `current` answers "where". */
  constructor(studyId: string, onMove: (slide: number) => void, current: () => number) {
    this._channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(deckChannelName(studyId)) : null;
    this._channel?.addEventListener('message', (e: MessageEvent<DeckMessage>) => {
      const m = e.data;
      if (m?.type === 'moved' && Number.isInteger(m.slide) && m.slide > 0) onMove(m.slide);
      else if (m?.type === 'where') this.moved(current());
    });
  }

  /** Tells the other windows this one is now on `slide`. */
  moved(slide: number): void {
    this._channel?.postMessage({ type: 'moved', slide } satisfies DeckMessage);
  }

  /** Asks the other windows to say where they are (a window that has just opened). */
  ask(): void {
    this._channel?.postMessage({ type: 'where' } satisfies DeckMessage);
  }

  close(): void {
    this._channel?.close();
  }
}
