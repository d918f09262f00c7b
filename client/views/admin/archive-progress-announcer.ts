// The polite progress announcements of the archive import: the text of a visually hidden live region,
// with progress while the files are read announced at most every few seconds (and only when it changed).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { t } from '../../i18n/sv.ts';

/** Progress is announced at most this often while the files are read. */
const ANNOUNCE_EVERY_MS = 5000;

export class ArchiveProgressAnnouncer implements ReactiveController {
  /** The live region's text. */
  text = '';
  private _at = 0;
  private _done = -1;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  announce(text: string): void {
    this.text = text;
    this._at = Date.now();
    this.host.requestUpdate();
  }

  /** Announces "n av m filer" unless nothing changed or the last announcement is too recent. */
  progress(done: number, total: number): void {
    if (done === this._done || Date.now() - this._at < ANNOUNCE_EVERY_MS) return;
    this._done = done;
    this.announce(t('archive.announce', { done, total }));
  }

  /** Forgets the last progress count (a new job is shown). */
  reset(): void {
    this._done = -1;
  }
}
