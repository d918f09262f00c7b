// <bs-annotation-card .annotation=${a} .question=${q} number=1 can-edit>: one annotation in the margin:
// the question (number and label), the quote (shortened), the rendered comment, "known at the time",
// author and date. Its author gets Redigera and Ta bort (with an inline confirmation); fires
// bs-annotation-edit and bs-annotation-delete.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AnnotationView, ReflectionQuestion } from '../../../server/domain/types.ts';
import { fire } from '../../events.ts';
import { formatDateTime, t } from '../../i18n/sv.ts';
import { questionClass, sharedStyles } from '../base-styles.ts';
import '../bs-markdown-view.ts';

/** Shortens a quote to about `max` characters on a word boundary. */
export function shortenQuote(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()} …`;
}

@customElement('bs-annotation-card')
export class BsAnnotationCard extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      article:focus {
        outline: none;
      }
      article.target {
        outline: 3px solid var(--bs-focus);
        outline-offset: 2px;
      }
      article {
        border: 1px solid var(--bs-border);
        border-left: 0.3rem solid var(--q-color, var(--bs-accent));
        border-radius: 0.35rem;
        background: var(--bs-surface);
        padding: 0.5rem 0.65rem;
        font-size: 0.92rem;
      }
      .title {
        font-weight: 700;
        font-size: 0.95rem;
        margin: 0 0 0.3rem;
        display: flex;
        gap: 0.4rem;
        align-items: baseline;
      }
      blockquote {
        margin: 0 0 0.4rem;
        padding-left: 0.5rem;
        border-left: 2px solid var(--bs-border);
        color: var(--bs-muted);
        font-style: italic;
      }
      .meta {
        margin: 0.35rem 0 0;
        color: var(--bs-muted);
        font-size: 0.85rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        margin-top: 0.4rem;
        align-items: center;
      }
      .actions button {
        font-size: 0.85rem;
        padding: 0.25rem 0.6rem;
      }
      .note {
        font-size: 0.85rem;
        margin: 0.3rem 0 0;
      }
    `,
  ];

  @state() private _confirming = false;

  /** The annotation to show. */
  @property({ attribute: false }) annotation?: AnnotationView;

  /** Its question (label); undefined when the question no longer exists. */
  @property({ attribute: false }) question?: ReflectionQuestion;

  /** 1-based question number, shown next to the label. */
  @property({ type: Number }) number = 0;

  /** Whether the current user wrote it (shows Redigera / Ta bort). */
  @property({ type: Boolean, attribute: 'can-edit' }) canEdit = false;

  /** Heading level of the card's title in the page outline. */
  @property({ type: Number }) level = 4;

  /** Disables the buttons while a change is being saved. */
  @property({ type: Boolean }) busy = false;

  /** Scrolls the card into view, focuses it and marks it until focus leaves (a search hit led here). */
  reveal(): void {
    const article = this.renderRoot.querySelector<HTMLElement>('article');
    if (!article) return;
    // Focusable only for this: a click into a card otherwise keeps focus on the reader's entry (its keys).
    article.tabIndex = -1;
    article.scrollIntoView({ block: 'center' });
    article.focus({ preventScroll: true });
    article.classList.add('target');
    article.addEventListener('blur', () => {
      article.classList.remove('target');
      article.removeAttribute('tabindex');
    }, { once: true });
  }

  private _known(): string {
    const value = this.annotation?.knownAtTheTime;
    return value === true ? t('annotation.known.yes') : value === false ? t('annotation.known.no') : t('annotation.known.unknown');
  }

  private _edit(): void {
    if (this.annotation) fire(this, 'bs-annotation-edit', { annotation: this.annotation });
  }

  private _delete(): void {
    this._confirming = false;
    if (this.annotation) fire(this, 'bs-annotation-delete', { annotation: this.annotation });
  }

  private _renderActions(quote: string) {
    if (this._confirming) {
      return html`<div class="actions" role="group" aria-label=${t('annotation.confirmDelete')}>
        <span>${t('annotation.confirmDelete')}</span>
        <button type="button" class="danger" ?disabled=${this.busy} @click=${this._delete}>${t('annotation.confirmYes')}</button>
        <button type="button" @click=${() => (this._confirming = false)}>${t('annotation.confirmNo')}</button>
      </div>`;
    }
    return html`<div class="actions">
      <button type="button" ?disabled=${this.busy} aria-label=${t('annotation.editLabel', { quote })} @click=${this._edit}>
        ${t('annotation.edit')}
      </button>
      <button type="button" ?disabled=${this.busy} aria-label=${t('annotation.deleteLabel', { quote })}
        @click=${() => (this._confirming = true)}>${t('annotation.delete')}</button>
    </div>`;
  }

  override render() {
    const a = this.annotation;
    if (!a) return nothing;
    const quote = shortenQuote(a.target.exact);
    return html`
      <article class=${questionClass(this.number || 1)} aria-label=${`${this.number} ${this.question?.label ?? a.questionId}`}>
        <div class="title" role="heading" aria-level=${this.level}>
          <span class="qnum" aria-hidden="true">${this.number || '?'}</span><span>${this.question?.label ?? a.questionId}</span>
        </div>
        <blockquote>${quote}</blockquote>
        <bs-markdown-view .markdown=${a.comment} placeholder=""></bs-markdown-view>
        <p class="meta">${t('annotation.knownLine', { value: this._known() })}<br />
          ${t('annotation.byline', { author: a.authorName, date: formatDateTime(a.updatedAt || a.createdAt) })}</p>
        ${a.anchor === 'reanchored' ? html`<p class="note muted">${t('annotation.reanchored')}</p>` : nothing}
        ${this.canEdit ? this._renderActions(quote) : nothing}
      </article>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-annotation-card': BsAnnotationCard;
  }
}
