// <bs-coding-strip .marks=${marks} .target=${target} subject="…" [quote="…"]>[<bs-annotation-card>]</…>:
// the codes on one segment, for researchers and the lead. A rail of thin stripes beside the segment (one per
// code, each in the code's colour and one of four patterns, so codes differ by more than colour) that shows
// the code names on hover or focus and is named for screen readers ("Kodat med: …"); below, the codes as
// chips with their names, a × on those the user may remove, and "Koda" to add codes. Wraps an annotation
// card (slotted) or, for a coded passage of the case file, shows the passage's quote. `readonly` (a closed
// study) shows the codes without "Koda"; the × follows each mark's `removable`.
// Fires bs-coding-request (Koda) and bs-coding-remove (×).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CodingTargetInput } from '../../../server/domain/types.ts';
import type { CodeMark } from '../../common/coding-marks.ts';
import { styleProps } from '../../common/style-props.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { sharedStyles } from '../base-styles.ts';
import { codingMarkStyles, renderCodeChips } from './coding-chips.ts';

@customElement('bs-coding-strip')
export class BsCodingStrip extends LitElement {
  static override styles = [
    sharedStyles,
    codingMarkStyles,
    css`
      :host {
        display: block;
      }
      .strip {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: 0.35rem;
      }
      .rail {
        position: relative;
        display: flex;
        gap: 2px;
        align-self: stretch;
        min-height: 1.5rem;
        padding: 1px;
        border-radius: 3px;
        cursor: help;
      }
      .rail:focus {
        outline: none;
      }
      .rail:focus-visible {
        outline: 3px solid var(--bs-focus);
        outline-offset: 1px;
      }
      .rail .stripe {
        width: 0.4rem;
        height: auto;
        border-radius: 2px;
      }
      .tip {
        display: none;
        position: absolute;
        left: calc(100% + 0.3rem);
        top: 0;
        z-index: 3;
        padding: 0.3rem 0.5rem;
        background: var(--bs-surface);
        border: 1px solid var(--bs-border-strong);
        border-radius: 0.3rem;
        box-shadow: 0 2px 6px rgb(0 0 0 / 0.18);
        white-space: nowrap;
        font-size: 0.85rem;
      }
      .tip span.line {
        display: flex;
        gap: 0.35rem;
        align-items: center;
      }
      .rail:hover .tip,
      .rail:focus .tip {
        display: block;
      }
      .content.passage {
        border: 1px solid var(--bs-border);
        border-radius: 0.35rem;
        background: var(--bs-surface);
        padding: 0.4rem 0.55rem;
      }
      .kind {
        margin: 0 0 0.2rem;
        font-size: 0.8rem;
        font-weight: 600;
        color: var(--bs-muted);
      }
      blockquote {
        margin: 0 0 0.3rem;
        padding-left: 0.5rem;
        border-left: 2px solid var(--bs-border);
        font-style: italic;
        font-size: 0.9rem;
      }
      .foot {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        align-items: center;
        margin-top: 0.3rem;
      }
      button.code {
        font-size: 0.85rem;
        padding: 0.2rem 0.6rem;
      }
    `,
  ];

  /** The codes on the segment, in codebook order. */
  @property({ attribute: false }) marks: readonly CodeMark[] = [];

  /** What "Koda" codes. */
  @property({ attribute: false }) target: CodingTargetInput | null = null;

  /** What the segment is, as a line of text (the picker's heading and the buttons' names). */
  @property() subject = '';

  /** The coded passage's text, shown when no card is slotted in. */
  @property() quote = '';

  /** A short name of the segment for the buttons, e.g. the start of the quote. */
  @property() short = '';

  /** Show the codes only: no "Koda" (the study is closed). */
  @property({ type: Boolean }) readonly = false;

  private _code(): void {
    if (this.target && !this.readonly) fire(this, 'bs-coding-request', { target: this.target, subject: this.subject });
  }

  private _renderRail() {
    const marks = this.marks;
    if (!marks.length) return html`<span></span>`;
    const names = marks.map((m) => m.name).join(', ');
    return html`<span class="rail" role="img" tabindex="0" aria-label=${t('coding.railLabel', { names })}>
      ${marks.map((m) => html`<span class="stripe p-${m.pattern}" ${styleProps({ '--c': m.color })}></span>`)}
      <span class="tip" aria-hidden="true">
        ${marks.map((m) => html`<span class="line"><span class="swatch p-${m.pattern}" ${styleProps({ '--c': m.color })}></span>${m.name}</span>`)}
      </span>
    </span>`;
  }

  override render() {
    const passage = !!this.quote;
    return html`<div class="strip">
      ${this._renderRail()}
      <div class="content ${passage ? 'passage' : ''}">
        ${passage
          ? html`<p class="kind">${t('coding.passage')}</p><blockquote>${this.quote}</blockquote>`
          : html`<slot></slot>`}
        <div class="foot">
          ${renderCodeChips(this.marks, this.short)}
          ${this.target && !this.readonly
            ? html`<button type="button" class="code" aria-label=${t('coding.codeLabel', { what: this.short })} @click=${this._code}>
                ${t('coding.code')}</button>`
            : nothing}
        </div>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-coding-strip': BsCodingStrip;
  }
}
