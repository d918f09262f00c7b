// <bs-speaker-notes .slide=${slide} .next=${next} .clock=${() => Date.now()}>: the speaker's window — the
// current slide's title and notes in large type, the next slide's title, the time of day and the time since
// the talk started. `clock` is injected so tests can set the time.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatClock, t } from '../../i18n/sv.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import type { Slide } from './slides.ts';

/** "m:ss", or "h:mm:ss" from an hour on. */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const pad = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

@customElement('bs-speaker-notes')
export class BsSpeakerNotes extends LitElement {
  static override styles = [sharedStyles, css`
    :host {
      display: block;
    }
    .times {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 2rem;
      align-items: baseline;
      font-size: 1.3rem;
    }
    .times dl {
      display: flex;
      gap: 0.5rem 2rem;
      margin: 0;
    }
    .times dt {
      font-size: 0.8rem;
      color: var(--bs-muted);
    }
    .times dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
      font-weight: 700;
    }
    h2 {
      font-size: 2rem;
      margin: 1rem 0 0.6rem;
    }
    .notes p {
      font-size: 1.6rem;
      line-height: 1.45;
      margin: 0 0 0.7rem;
    }
    .next {
      font-size: 1.2rem;
      color: var(--bs-muted);
      border-top: 1px solid var(--bs-border);
      padding-top: 0.6rem;
    }
  `];

  @property({ attribute: false }) slide?: Slide;
  @property({ attribute: false }) next?: Slide | null;
  /** Milliseconds since the epoch, now. */
  @property({ attribute: false }) clock: () => number = () => Date.now();

  @state() private _now = 0;
  private _started = 0;
  private _timer: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this._now = this.clock();
    this._started = this._now;
    this._timer = setInterval(() => this.tick(), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this._timer);
  }

  /** Reads the clock again (every second; tests call it after setting the clock). */
  tick(): void {
    this._now = this.clock();
  }

  private _restart(): void {
    this._started = this.clock();
    this._now = this._started;
  }

  override render() {
    const s = this.slide;
    return html`
      <div class="times">
        <dl>
          <div><dt>${t('presentation.notes.clock')}</dt><dd class="clock">${formatClock(new Date(this._now))}</dd></div>
          <div><dt>${t('presentation.notes.elapsed')}</dt><dd class="elapsed">${formatElapsed(this._now - this._started)}</dd></div>
        </dl>
        <button type="button" @click=${this._restart}>${t('presentation.notes.restart')}</button>
      </div>
      ${s
        ? html`<h2>${t('presentation.notes.current', { title: s.title })}</h2>
            <div class="notes">${s.notes.map((n) => html`<p>${n}</p>`)}</div>`
        : nothing}
      <p class="next">${this.next ? t('presentation.notes.next', { title: this.next.title }) : t('presentation.notes.last')}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-speaker-notes': BsSpeakerNotes;
  }
}
