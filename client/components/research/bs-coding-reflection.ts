// <bs-coding-reflection family-id="…" reflection-key="…" label="1 Tidiga tecken" .text=${stored}
// .whole=${seg} .passages=${segs}>: coding one caseworker reflection, for researchers and the lead. Shows
// the codes on the whole reflection as chips and each coded passage with its stripes and chips, and offers
// "Koda hela reflektionen" and "Koda ett stycke". The reflection is shown as rendered Markdown elsewhere, and
// a selection there cannot be mapped back to the stored text reliably, so "Koda ett stycke" opens the
// stored text itself in a read-only text field: what is selected there (mouse, or Shift + arrows) is exactly
// an offset range of the text the server checks. Fires bs-coding-request and (from chips) bs-coding-remove.
// `readonly` (a closed study): the codes only, without the coding actions.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { MarkedSegment } from '../../common/coding-marks.ts';
import { trimRange } from '../../common/offsets.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { sharedStyles } from '../base-styles.ts';
import { alertLine } from '../feedback.ts';
import { shortenQuote } from '../reader/bs-annotation-card.ts';
import { codingMarkStyles, renderCodeChips } from './coding-chips.ts';
import './bs-coding-strip.ts';

let nextId = 0;

@customElement('bs-coding-reflection')
export class BsCodingReflection extends LitElement {
  static override styles = [
    sharedStyles,
    codingMarkStyles,
    css`
      :host {
        display: block;
        margin-top: 0.6rem;
        padding-top: 0.5rem;
        border-top: 1px dashed var(--bs-border);
      }
      p {
        margin: 0 0 0.3rem;
      }
      .whole {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem 0.5rem;
        align-items: center;
        margin-bottom: 0.4rem;
      }
      .whole-label {
        font-size: 0.85rem;
        font-weight: 600;
        color: var(--bs-muted);
        margin: 0;
      }
      ul.passages {
        list-style: none;
        margin: 0 0 0.4rem;
        padding: 0;
        display: grid;
        gap: 0.4rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }
      .actions button {
        font-size: 0.88rem;
        padding: 0.3rem 0.7rem;
      }
      .source {
        margin-top: 0.5rem;
      }
      .source label {
        font-weight: 600;
      }
      .help {
        font-size: 0.85rem;
        color: var(--bs-muted);
      }
      textarea {
        width: 100%;
        font: inherit;
        background: var(--bs-bg);
      }
    `,
  ];

  @query('textarea') private _source?: HTMLTextAreaElement;

  @state() private _selecting = false;
  @state() private _message = '';

  private readonly _id = `refl-src-${++nextId}`;

  /** The family whose reflection it is. */
  @property({ attribute: 'family-id' }) familyId = '';

  /** 'summary' or a question id. */
  @property({ attribute: 'reflection-key' }) reflectionKey = '';

  /** The reflection's heading, e.g. "1 Tidiga tecken". */
  @property() label = '';

  /** The reflection's text as stored (Markdown source). */
  @property() text = '';

  /** The codes on the whole reflection. */
  @property({ attribute: false }) whole: MarkedSegment | null = null;

  /** Coded passages of the reflection, in text order. */
  @property({ attribute: false }) passages: readonly MarkedSegment[] = [];

  /** The text has changes not yet saved (the lead writing): coding waits until they are. */
  @property({ type: Boolean }) pending = false;

  /** Show the codes only: no "Koda hela reflektionen" or "Koda ett stycke" (the study is closed). */
  @property({ type: Boolean }) readonly = false;

  private _codeWhole(): void {
    this._message = '';
    fire(this, 'bs-coding-request', {
      target: { type: 'reflection', familyId: this.familyId, key: this.reflectionKey },
      subject: t('coding.subject.reflection', { label: this.label }),
    });
  }

  private _toggleSource(): void {
    this._selecting = !this._selecting;
    this._message = '';
    if (this._selecting) void this.updateComplete.then(() => this._source?.focus());
  }

  /** Codes what is selected in the text field, as offsets into the stored text. */
  private _codeSelected(): void {
    const box = this._source;
    if (!box) return;
    const value = box.value;
    const range = trimRange(value, box.selectionStart, box.selectionEnd);
    if (!range) {
      this._message = t('coding.reflection.noSelection');
      return;
    }
    const exact = value.slice(range.start, range.end);
    // The field may normalise line breaks; then find the passage in the stored text instead.
    let start = this.text.slice(range.start, range.end) === exact ? range.start : this.text.indexOf(exact);
    if (start < 0) {
      this._message = t('coding.reflection.notFound');
      return;
    }
    this._message = '';
    fire(this, 'bs-coding-request', {
      target: { type: 'reflection', familyId: this.familyId, key: this.reflectionKey, start, end: start + exact.length, exact },
      subject: t('coding.subject.reflectionPassage', { label: this.label, quote: shortenQuote(exact, 100) }),
    });
  }

  private _renderPassage(seg: MarkedSegment) {
    const quote = shortenQuote(seg.exact, 160);
    return html`<li><bs-coding-strip .marks=${seg.marks} .target=${seg.start === null ? null : seg.target} ?readonly=${this.readonly} quote=${quote}
      short=${shortenQuote(seg.exact, 60)} subject=${t('coding.subject.reflectionPassage', { label: this.label, quote: shortenQuote(seg.exact, 100) })}>
    </bs-coding-strip></li>`;
  }

  override render() {
    const empty = !this.text.trim();
    return html`
      ${this.whole?.marks.length
        ? html`<div class="whole"><p class="whole-label">${t('coding.reflection.wholeCodes')}:</p>
            ${renderCodeChips(this.whole.marks, this.label)}</div>`
        : nothing}
      ${this.passages.length ? html`<ul class="passages">${this.passages.map((p) => this._renderPassage(p))}</ul>` : nothing}
      ${this.pending && !this.readonly ? html`<p class="help">${t('coding.reflection.unsaved')}</p>` : nothing}
      ${this.readonly || (empty && !this.pending) ? nothing : this._renderActions(empty)}
      ${alertLine(this._message)}
    `;
  }

  private _renderActions(empty: boolean) {
    const lines = this.text.split('\n').length;
    return html`<div class="actions">
        <button type="button" ?disabled=${empty || this.pending} @click=${this._codeWhole}
          aria-label=${`${t('coding.reflection.whole')}: ${this.label}`}>${t('coding.reflection.whole')}</button>
        <button type="button" ?disabled=${empty || this.pending} aria-expanded=${this._selecting ? 'true' : 'false'}
          aria-controls=${this._id} aria-label=${`${t('coding.reflection.passage')}: ${this.label}`}
          @click=${this._toggleSource}>${t('coding.reflection.passage')}</button>
      </div>
      <div class="source" id=${this._id} ?hidden=${!this._selecting || empty || this.pending}>
        ${this._selecting && !empty && !this.pending
          ? html`<label for=${`${this._id}-text`}>${t('coding.reflection.source')}</label>
              <p class="help" id=${`${this._id}-help`}>${t('coding.reflection.sourceHelp')}</p>
              <textarea id=${`${this._id}-text`} readonly rows=${Math.min(14, Math.max(4, lines + 1))} .value=${this.text}
                aria-describedby=${`${this._id}-help`}></textarea>
              <div class="actions">
                <button type="button" class="primary" @mousedown=${(e: Event) => e.preventDefault()} @click=${this._codeSelected}>
                  ${t('coding.reflection.codeSelected')}</button>
                <button type="button" @click=${this._toggleSource}>${t('coding.reflection.closeSource')}</button>
              </div>`
          : nothing}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-coding-reflection': BsCodingReflection;
  }
}
