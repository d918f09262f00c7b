// <bs-search-field study-id="…" value="…" .filters=${f}>: the study's search field in the app header, on
// every page of a study: a labelled <input type="search"> and "Sök". Submitting opens the results page
// ('#/studier/<s>/sok?q=…'), keeping `filters` (the results page passes its own, so a new word keeps them).
// "/" moves focus here from anywhere that is not a text field.
import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { t } from '../i18n/sv.ts';
import { hrefFor, type SearchFilters } from '../route.ts';
import { sharedStyles } from './base-styles.ts';

/** True when the key press belongs to a field the user is typing in (or a dialog). */
function typingIn(e: KeyboardEvent): boolean {
  return e.composedPath().some((el) =>
    el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement ||
    el instanceof HTMLDialogElement || (el instanceof HTMLElement && el.isContentEditable));
}

@customElement('bs-search-field')
export class BsSearchField extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: flex;
        gap: 0.35rem;
        align-items: center;
      }
      input {
        font: inherit;
        width: min(22rem, 60vw);
        padding: 0.35rem 0.55rem;
        border: 1px solid var(--bs-border-strong);
        border-radius: 0.35rem;
        background: var(--bs-surface);
        color: var(--bs-text);
      }
      input:focus-visible {
        outline-color: #ffffff;
      }
      button {
        padding: 0.35rem 0.8rem;
      }
    `,
  ];

  @query('input') private _input?: HTMLInputElement;

  /** The study searched. */
  @property({ attribute: 'study-id' }) studyId = '';

  /** The words shown in the field (the current search, on the results page). */
  @property() value = '';

  /** Filters kept when a new search is submitted. */
  @property({ attribute: false }) filters: SearchFilters = {};

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this._onKeydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this._onKeydown);
  }

  private readonly _onKeydown = (e: KeyboardEvent): void => {
    if (e.key !== '/' || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typingIn(e)) return;
    e.preventDefault();
    this.focusField();
  };

  /** Moves focus to the field and selects its text. */
  focusField(): void {
    this._input?.focus();
    this._input?.select();
  }

  private _submit(e: Event): void {
    e.preventDefault();
    const q = this._input?.value.trim() ?? '';
    if (!q) return this.focusField();
    location.hash = hrefFor({ name: 'search', studyId: this.studyId, query: q, filters: this.filters });
  }

  override render() {
    return html`<form role="search" aria-label=${t('search.label')} @submit=${this._submit}>
      <label class="visually-hidden" for="q">${t('search.label')}</label>
      <input id="q" type="search" name="q" maxlength="200" autocomplete="off" enterkeyhint="search"
        placeholder=${t('search.placeholder')} aria-keyshortcuts="/" aria-describedby="q-hint" .value=${this.value} />
      <span id="q-hint" class="visually-hidden">${t('search.shortcut')}</span>
      <button type="submit">${t('search.submit')}</button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-search-field': BsSearchField;
  }
}
