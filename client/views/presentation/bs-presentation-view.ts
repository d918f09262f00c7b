// <bs-presentation-view .api=${api} study-id="…" options="quotes=3&…" slide="3" mode="deck|notes">: the
// study report as a slide deck for a meeting (mode "deck"), or its speaker notes in a second window (mode
// "notes"). One fetch (fetchReportModel) and nothing from outside the app, so it keeps working offline once
// loaded. Keys: →, PageDown, Space next; ←, PageUp, Shift+Space back; Home/End; F full screen (Esc leaves).
// The slide number lives in the URL (…&bild=3, replaced, not pushed) and is shared with the other window
// over a BroadcastChannel, so moving in either moves both. Every slide is rendered; the screen shows the
// current one, print shows one per landscape page (the print rules hide the rest of the app).
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Api } from '../../data/api.ts';
import { fetchReportModel } from '../../data/report.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { ResearchPage, researchPageStyles } from '../research/research-page.ts';
import { DeckChannel } from './deck-channel.ts';
import { pagePrint, presentationStyles } from './presentation-styles.ts';
import { slidesFrom, type Slide } from './slides.ts';
import './bs-slide.ts';
import './bs-speaker-notes.ts';

/** Whether a key press belongs to a field or control rather than to the deck. */
function isOwnedByControl(e: KeyboardEvent): boolean {
  const target = e.composedPath()[0];
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  // Space and Enter press a focused button, link or <summary>.
  return (e.key === ' ' || e.key === 'Enter') && ['BUTTON', 'A', 'SUMMARY'].includes(target.tagName);
}

@customElement('bs-presentation-view')
export class BsPresentationView extends ResearchPage {
  static override styles = [researchPageStyles, presentationStyles];

  /** The report's options as the report page wrote them in the URL. */
  @property() options = '';
  /** The slide to show, 1-based, from the URL. */
  @property({ type: Number }) slide = 1;
  /** 'deck': the slides; 'notes': the speaker notes window. */
  @property() mode: 'deck' | 'notes' = 'deck';
  /** The clock the notes window shows (tests set it). */
  @property({ attribute: false }) clock: () => number = () => Date.now();

  @state() private _slides: Slide[] | null = null;
  @state() private _index = 0;
  @state() private _announcement = '';
  @state() private _popupBlocked = false;

  private _channel: DeckChannel | null = null;
  private readonly _onKey = (e: KeyboardEvent) => this._key(e);
  private readonly _onFullscreen = () => this.requestUpdate();

  protected get heading(): string {
    return t(this.mode === 'notes' ? 'presentation.notes.title' : 'presentation.title');
  }

  protected load(): Promise<void> {
    return this.loadResearch(this.heading, (api) => this._loadDeck(api));
  }

  private async _loadDeck(api: Api): Promise<void> {
    const model = await fetchReportModel(api, this.studyId, this.options);
    this._slides = slidesFrom(model);
    this._index = this._clamp(this.slide - 1);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this._onKey);
    document.addEventListener('fullscreenchange', this._onFullscreen);
    if (!document.adoptedStyleSheets.includes(pagePrint.styleSheet!)) {
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, pagePrint.styleSheet!];
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onKey);
    document.removeEventListener('fullscreenchange', this._onFullscreen);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== pagePrint.styleSheet);
    this._channel?.close();
    this._channel = null;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('studyId') && this.studyId) {
      this._channel?.close();
      this._channel = new DeckChannel(this.studyId, (n) => this.go(n - 1, false), () => this._index + 1);
      if (this.mode === 'notes') this._channel.ask();
    }
    // A new slide number in the URL (typed, or back/forward): go there.
    if (changed.has('slide') && changed.get('slide') !== undefined && this._slides) this.go(this.slide - 1);
  }

  private _clamp(index: number): number {
    const last = (this._slides?.length ?? 1) - 1;
    return Math.min(Math.max(0, index), last);
  }

  /** Shows slide `index` (0-based): the URL, the other window (unless it told us) and the live region follow. */
  go(index: number, tell = true): void {
    const slides = this._slides;
    if (!slides?.length) return;
    const next = this._clamp(index);
    const moved = next !== this._index;
    this._index = next;
    const route = { name: this.mode === 'notes' ? 'presentation-notes' : 'presentation', studyId: this.studyId, options: this.options, slide: next + 1 } as const;
    const hash = hrefFor(route);
    if (location.hash !== hash) history.replaceState(history.state, '', hash);
    if (!moved) return;
    this._announcement = t('presentation.announce', { n: next + 1, total: slides.length, title: slides[next]!.title });
    if (tell) this._channel?.moved(next + 1);
  }

  private _key(e: KeyboardEvent): void {
    if (!this._slides || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || isOwnedByControl(e)) return;
    const i = this._index;
    const actions: Record<string, () => void> = {
      ArrowRight: () => this.go(i + 1),
      PageDown: () => this.go(i + 1),
      ArrowLeft: () => this.go(i - 1),
      PageUp: () => this.go(i - 1),
      ' ': () => this.go(e.shiftKey ? i - 1 : i + 1),
      Home: () => this.go(0),
      End: () => this.go(this._slides!.length - 1),
    };
    if (this.mode === 'deck') {
      actions.f = () => void this._toggleFullscreen();
      actions.F = actions.f;
      if (document.fullscreenElement) actions.Escape = () => void document.exitFullscreen();
    }
    const action = actions[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  }

  private async _toggleFullscreen(): Promise<void> {
    const deck = this.renderRoot.querySelector<HTMLElement>('.deck');
    if (!deck) return;
    try {
      if (document.fullscreenElement) await document.exitFullscreen();
      else await deck.requestFullscreen();
      deck.focus();
    } catch {
      // Refused (not from a user action, or not allowed): the deck stays in the page.
    }
  }

  private _openNotes(): void {
    const href = hrefFor({ name: 'presentation-notes', studyId: this.studyId, options: this.options, slide: this._index + 1 });
    const opened = window.open(href, `backspegel-talarmanus-${this.studyId}`);
    this._popupBlocked = !opened;
  }

  override render() {
    const slides = this._slides;
    if (this.blocked || !this.study || !slides) return this.renderNotReady();
    if (!slides.length) return html`<h1>${this.heading}</h1><p>${t('presentation.empty')}</p>`;
    const live = html`<div class="visually-hidden" aria-live="polite" aria-atomic="true">${this._announcement}</div>`;
    return this.mode === 'notes' ? html`${this._renderNotes(slides)}${live}` : html`${this._renderDeck(slides)}${live}`;
  }

  private _renderDeck(slides: Slide[]) {
    const study = this.study!;
    return html`
      <nav class="crumbs" aria-label=${t('app.breadcrumbs')}>
        <a href=${hrefFor({ name: 'study', studyId: study.id })}>${study.title}</a> ›
        <a href=${hrefFor({ name: 'report', studyId: study.id, options: this.options })}>${t('presentation.backToReport')}</a>
      </nav>
      <h1 class="visually-hidden">${t('presentation.title')}: ${study.title}</h1>
      <div class="toolbar">
        <button type="button" @click=${this._toggleFullscreen}>${t('presentation.fullscreen')}</button>
        <button type="button" @click=${this._openNotes}>${t('presentation.notesWindow')}</button>
        <button type="button" @click=${() => this.go(this._index - 1)} ?disabled=${this._index === 0}>${t('presentation.previous')}</button>
        <button type="button" @click=${() => this.go(this._index + 1)} ?disabled=${this._index === slides.length - 1}>${t('presentation.next')}</button>
        <p class="keys">${t('presentation.keys')} ${t('presentation.fullscreenHint')}</p>
      </div>
      ${this._popupBlocked ? html`<p class="alert" role="alert">${t('presentation.notesBlocked')}</p>` : nothing}
      <section class="deck" tabindex="0" aria-roledescription=${t('presentation.deck')} aria-label=${study.title}>
        <div class="frame">
          ${slides.map((s, i) => html`<bs-slide class=${i === this._index ? 'current' : ''} .slide=${s}
            aria-hidden=${i === this._index ? 'false' : 'true'}></bs-slide>`)}
        </div>
        <p class="counter">${t('presentation.counter', { n: this._index + 1, total: slides.length })}</p>
      </section>
    `;
  }

  private _renderNotes(slides: Slide[]) {
    return html`
      <h1>${t('presentation.notes.title')}: ${this.study!.title}</h1>
      <div class="notes-nav">
        <button type="button" @click=${() => this.go(this._index - 1)} ?disabled=${this._index === 0}>${t('presentation.previous')}</button>
        <button type="button" @click=${() => this.go(this._index + 1)} ?disabled=${this._index === slides.length - 1}>${t('presentation.next')}</button>
        <span class="counter-notes">${t('presentation.counter', { n: this._index + 1, total: slides.length })}</span>
      </div>
      <bs-speaker-notes .slide=${slides[this._index]} .next=${slides[this._index + 1] ?? null} .clock=${this.clock}></bs-speaker-notes>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-presentation-view': BsPresentationView;
  }
}
