// <bs-question-editor .questions=${list} ?locked>: the study's reflection questions as rows of a short
// label and the question itself. Unlocked, rows can be added (up to nine), removed and moved up or down
// with buttons; locked (annotations exist), only the wording can change. Fires bs-questions-change
// with the whole list on every edit; ids of existing questions are kept, new rows have none.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { QuestionDraft } from '../../data/study-templates.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { adminStyles } from './admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';

const MAX = 9;

@customElement('bs-question-editor')
export class BsQuestionEditor extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      ol {
        padding: 0;
        margin: 0;
        list-style: none;
        display: grid;
        gap: 0.75rem;
      }
      li {
        border: 1px solid var(--bs-border);
        border-radius: 0.4rem;
        padding: 0.6rem 0.8rem;
        display: grid;
        gap: 0.5rem;
      }
      .number {
        font-weight: 600;
      }
    `,
  ];

  /** The questions being edited. */
  @property({ attribute: false }) questions: QuestionDraft[] = [];

  /** Only rewording is allowed (the study has annotations). */
  @property({ type: Boolean }) locked = false;

  /** Disables every control while the parent saves. */
  @property({ type: Boolean }) busy = false;

  private _change(next: QuestionDraft[], focus?: string): void {
    fire(this, 'bs-questions-change', { questions: next });
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(focus)?.focus());
  }

  private _edit(i: number, key: 'label' | 'text', value: string): void {
    this._change(this.questions.map((q, j) => (j === i ? { ...q, [key]: value } : q)));
  }

  private _move(i: number, by: -1 | 1): void {
    const next = [...this.questions];
    const [q] = next.splice(i, 1);
    next.splice(i + by, 0, q!);
    this._change(next, `#q-label-${i + by}`);
  }

  private _remove(i: number): void {
    this._change(this.questions.filter((_, j) => j !== i), this.questions.length > 1 ? `#q-label-${Math.max(0, i - 1)}` : '#add');
  }

  private _add(): void {
    this._change([...this.questions, { label: '', text: '' }], `#q-label-${this.questions.length}`);
  }

  override render() {
    const n = this.questions.length;
    return html`
      ${this.locked ? html`<p class="hint">${t('questions.locked')}</p>` : nothing}
      <ol>
        ${this.questions.map((q, i) => html`<li>
          <span class="number" id="q-number-${i}">${t('questions.number', { n: i + 1 })}</span>
          <div class="field">
            <label for="q-label-${i}">${t('questions.label')}</label>
            <input id="q-label-${i}" type="text" maxlength="60" .value=${q.label} ?disabled=${this.busy}
              @input=${(e: Event) => this._edit(i, 'label', (e.target as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for="q-text-${i}">${t('questions.text')}</label>
            <textarea id="q-text-${i}" rows="2" maxlength="500" .value=${q.text} ?disabled=${this.busy}
              @input=${(e: Event) => this._edit(i, 'text', (e.target as HTMLTextAreaElement).value)}></textarea>
          </div>
          ${this.locked
            ? nothing
            : html`<div class="buttons" role="group" aria-labelledby="q-number-${i}">
                <button type="button" ?disabled=${this.busy || i === 0} @click=${() => this._move(i, -1)}
                  aria-label=${t('questions.upLabel', { n: i + 1 })}>${t('questions.up')}</button>
                <button type="button" ?disabled=${this.busy || i === n - 1} @click=${() => this._move(i, 1)}
                  aria-label=${t('questions.downLabel', { n: i + 1 })}>${t('questions.down')}</button>
                <button type="button" ?disabled=${this.busy} @click=${() => this._remove(i)}
                  aria-label=${t('questions.removeLabel', { n: i + 1 })}>${t('questions.remove')}</button>
              </div>`}
        </li>`)}
      </ol>
      ${this.locked || n >= MAX
        ? nothing
        : html`<div class="buttons"><button type="button" id="add" ?disabled=${this.busy} @click=${this._add}>${t('questions.add')}</button></div>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-question-editor': BsQuestionEditor;
  }
}
