// <bs-keyboard-help questions="3" ?annotate=${true}>: the reader's keys as a "Tangentbord" disclosure
// (closed by default): moving between entries, sentences and words, growing the selection, and marking it
// with a question (only when `annotate`).
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { t, type MessageKey } from '../../i18n/sv.ts';
import { sharedStyles } from '../base-styles.ts';

type Row = [keys: MessageKey, does: MessageKey];

const MOVE: Row[] = [
  ['reader.keys.entries', 'reader.keys.entriesDo'],
  ['reader.keys.sentences', 'reader.keys.sentencesDo'],
  ['reader.keys.words', 'reader.keys.wordsDo'],
  ['reader.keys.extendSentence', 'reader.keys.extendSentenceDo'],
  ['reader.keys.extendWord', 'reader.keys.extendWordDo'],
];

@customElement('bs-keyboard-help')
export class BsKeyboardHelp extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        margin: 0 0 0.6rem;
        font-size: 0.92rem;
      }
      summary {
        cursor: pointer;
        width: fit-content;
      }
      p {
        margin: 0.4rem 0 0.3rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.2rem 1rem;
        margin: 0;
        max-width: 48rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
    `,
  ];

  /** How many questions can be chosen with the number keys (at most 9). */
  @property({ type: Number }) questions = 0;

  /** Whether the user may annotate (shows the number keys). */
  @property({ type: Boolean }) annotate = false;

  /** Whether the user may code (shows the key C). */
  @property({ type: Boolean }) code = false;

  override render() {
    const n = Math.min(9, this.questions);
    const rows: Row[] = [...MOVE];
    if (this.annotate && n > 0) rows.push(['reader.keys.annotate', 'reader.keys.annotateDo']);
    if (this.code) rows.push(['reader.keys.code', 'reader.keys.codeDo']);
    rows.push(['reader.keys.escape', 'reader.keys.escapeDo'], ['reader.keys.scroll', 'reader.keys.scrollDo']);
    return html`<details>
      <summary>${t('reader.keys.title')}</summary>
      <p>${t('reader.keys.intro')}</p>
      <dl>
        ${rows.map(([keys, does]) => html`<dt>${t(keys, { n })}</dt><dd>${t(does, { n })}</dd>`)}
      </dl>
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-keyboard-help': BsKeyboardHelp;
  }
}
