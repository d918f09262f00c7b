// <bs-progress-bar label="Uppladdning" .value=${0.4}>: a labelled progress bar (role="progressbar" with
// aria-valuenow in percent); an unknown value (null) shows a moving bar without aria-valuenow. With
// `label-hidden` the label names the bar for assistive technology only (the text beside it says the same).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleProps } from '../common/style-props.ts';
import { sharedStyles } from './base-styles.ts';

@customElement('bs-progress-bar')
export class BsProgressBar extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: grid;
        gap: 0.25rem;
      }
      .label {
        font-weight: 600;
      }
      .track {
        position: relative;
        height: 1rem;
        border: 1px solid var(--bs-border-strong);
        border-radius: 0.5rem;
        background: var(--bs-surface);
        overflow: hidden;
      }
      .fill {
        height: 100%;
        background: var(--bs-accent);
        transition: width 0.2s;
      }
      .track.unknown .fill {
        width: 30%;
        animation: slide 1.2s ease-in-out infinite alternate;
      }
      @keyframes slide {
        from {
          margin-left: 0;
        }
        to {
          margin-left: 70%;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .track.unknown .fill {
          animation: none;
          width: 100%;
          opacity: 0.4;
        }
      }
    `,
  ];

  /** Visible label. */
  @property() label = '';

  /** Keep the label for screen readers only. */
  @property({ type: Boolean, attribute: 'label-hidden' }) labelHidden = false;

  /** Progress 0–1, or null when unknown. */
  @property({ attribute: false }) value: number | null = null;

  override render() {
    const pct = this.value === null ? null : Math.round(Math.min(1, Math.max(0, this.value)) * 100);
    return html`
      <span class="label ${this.labelHidden ? 'visually-hidden' : ''}" id="label">${this.label}</span>
      <div class="track ${pct === null ? 'unknown' : ''}" role="progressbar" aria-labelledby="label" aria-valuemin="0"
        aria-valuemax="100" aria-valuenow=${pct ?? nothing} aria-valuetext=${pct === null ? nothing : `${pct} %`}>
        <div class="fill" ${styleProps(pct === null ? {} : { width: `${pct}%` })}></div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-progress-bar': BsProgressBar;
  }
}
