// <bs-annotation-form .quote=${q} .questions=${qs} question-id="…">: the form for a new or edited
// annotation: the quote, the question (radio group), a Markdown comment, "Känt vid tidpunkten?" (Ja / Nej /
// Vet ej → true / false / null), Spara (also Ctrl+Enter) and Avbryt (also Esc). Fires bs-annotation-submit
// and bs-annotation-cancel; the parent saves and shows errors through `error`.
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ReflectionQuestion } from '../../../server/domain/types.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { shortenQuote } from './bs-annotation-card.ts';
import { questionClass, sharedStyles } from '../base-styles.ts';
import type { BsMarkdownEditor } from '../bs-markdown-editor.ts';
import '../bs-markdown-editor.ts';
import { alertLine } from '../feedback.ts';

type Known = 'yes' | 'no' | 'unknown';

@customElement('bs-annotation-form')
export class BsAnnotationForm extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        gap: 0.9rem;
      }
      h2 {
        font-size: 1.2rem;
        margin: 0;
      }
      blockquote {
        margin: 0;
        padding: 0.4rem 0.7rem;
        border-left: 0.3rem solid var(--bs-border-strong);
        background: var(--bs-bg);
        white-space: pre-wrap;
        max-height: 9rem;
        overflow: auto;
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 1.2rem;
      }
      .choices label {
        font-weight: 400;
        display: inline-flex;
        gap: 0.35rem;
        align-items: center;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .hint {
        color: var(--bs-muted);
        font-size: 0.85rem;
      }
    `,
  ];

  @query('bs-markdown-editor') private _editor?: BsMarkdownEditor;

  @state() private _questionId = '';
  @state() private _comment = '';
  @state() private _known: Known = 'unknown';

  /** The selected text being annotated. */
  @property() quote = '';

  /** The study's questions, in order. */
  @property({ attribute: false }) questions: ReflectionQuestion[] = [];

  /** Initially chosen question id. */
  @property({ attribute: 'question-id' }) questionId = '';

  /** Initial Markdown comment (when editing). */
  @property() comment = '';

  /** Initial "known at the time" (when editing). */
  @property({ attribute: false }) knownAtTheTime: boolean | null = null;

  /** 'create' or 'edit' (changes the heading). */
  @property() mode: 'create' | 'edit' = 'create';

  /** Disables Spara while saving. */
  @property({ type: Boolean }) busy = false;

  /** An error message from saving, shown as an alert. */
  @property() error = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('questionId')) this._questionId = this.questionId;
    if (changed.has('comment')) this._comment = this.comment;
    if (changed.has('knownAtTheTime')) {
      this._known = this.knownAtTheTime === true ? 'yes' : this.knownAtTheTime === false ? 'no' : 'unknown';
    }
  }

  private _submit(e?: Event): void {
    e?.preventDefault();
    if (this.busy || !this._questionId) return;
    fire(this, 'bs-annotation-submit', {
      questionId: this._questionId,
      comment: this._comment,
      knownAtTheTime: this._known === 'yes' ? true : this._known === 'no' ? false : null,
    });
  }

  private _onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this._submit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      fire(this, 'bs-annotation-cancel', {});
    }
  }

  /** True when the user has typed a comment that is not saved. */
  get dirty(): boolean {
    return this._comment !== this.comment;
  }

  /** Puts focus in the comment field. */
  focusComment(): void {
    void this.updateComplete.then(() => this._editor?.focus());
  }

  override render() {
    return html`
      <form @submit=${this._submit} @keydown=${this._onKeydown} aria-labelledby="form-title" novalidate>
        <h2 id="form-title">${this.mode === 'edit' ? t('annotation.editTitle') : t('annotation.newTitle')}</h2>
        <div>
          <div class="label" id="quote-label"><strong>${t('annotation.quote')}</strong></div>
          <blockquote aria-labelledby="quote-label">${shortenQuote(this.quote, 600)}</blockquote>
        </div>
        <fieldset>
          <legend>${t('annotation.question')}</legend>
          <div class="choices">
            ${this.questions.map((q, i) => html`
              <label class=${questionClass(i + 1)}>
                <input type="radio" name="question" .value=${q.id} .checked=${this._questionId === q.id}
                  @change=${() => (this._questionId = q.id)} />
                <span class="qnum" aria-hidden="true">${i + 1}</span> ${q.label}
              </label>`)}
          </div>
        </fieldset>
        <bs-markdown-editor label=${t('annotation.comment')} rows="5" .value=${this._comment}
          @bs-markdown-input=${(e: CustomEvent<{ value: string }>) => (this._comment = e.detail.value)}></bs-markdown-editor>
        <fieldset>
          <legend>${t('annotation.known')}</legend>
          <div class="choices">
            ${(['yes', 'no', 'unknown'] as const).map((k) => html`
              <label>
                <input type="radio" name="known" .value=${k} .checked=${this._known === k} @change=${() => (this._known = k)} />
                ${t(`annotation.known.${k}`)}
              </label>`)}
          </div>
        </fieldset>
        ${alertLine(this.error)}
        <div class="buttons">
          <button type="submit" class="primary" ?disabled=${this.busy || !this._questionId}>
            ${this.busy ? t('annotation.saving') : t('annotation.save')}
          </button>
          <button type="button" @click=${() => fire(this, 'bs-annotation-cancel', {})}>${t('annotation.cancel')}</button>
          <span class="hint">${t('annotation.shortcuts')}</span>
        </div>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-annotation-form': BsAnnotationForm;
  }
}
