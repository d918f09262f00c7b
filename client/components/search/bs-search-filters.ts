// <bs-search-filters .filters=${f} .kinds=${k} .families=${c} .questions=${c} .codes=${c|null} .authors=${c}>:
// the search page's filter form: kind, family, question, code (only when `codes` is given: the codebook is
// the researchers' and the lead's), author (only when `authors` is given) and the entry's year from / to. Fires bs-search-filter with the chosen
// filters on "Använd filtren" and with none on "Ta bort filtren"; the page puts them in the URL. In a
// målgruppsinventering (`inventory`) there are no families, questions or years: only kind and author.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { fire } from '../../events.ts';
import { t, tKey } from '../../i18n/sv.ts';
import type { SearchFilters, SearchKind } from '../../route.ts';
import { adminStyles } from '../admin/admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';

/** One choice of a select: value and visible label. */
export interface Choice {
  value: string;
  label: string;
}

type TextKey = 'family' | 'question' | 'code' | 'author';
type YearKey = 'from' | 'to';

@customElement('bs-search-filters')
export class BsSearchFilters extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1.1rem;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(12rem, 100%), 1fr));
        gap: 0.75rem 1rem;
        margin: 0 0 0.6rem;
      }
      .hint {
        margin: 0 0 0.6rem;
      }
      input[inputmode='numeric'] {
        max-width: 8rem;
      }
      .field-error {
        color: var(--bs-danger);
        font-size: 0.9rem;
        margin: 0;
      }
    `,
  ];

  /** The form's values until they are applied. */
  @state() private _draft: SearchFilters = {};
  @state() private _fromText = '';
  @state() private _toText = '';
  @state() private _yearError: '' | YearKey = '';
  @state() private _yearMessage = '';

  /** The filters in effect; the form starts from them. */
  @property({ attribute: false }) filters: SearchFilters = {};

  /** The kinds offered. */
  @property({ attribute: false }) kinds: readonly SearchKind[] = [];

  /** Families to filter by (those the user may see). */
  @property({ attribute: false }) families: Choice[] = [];

  /** The study's questions. */
  @property({ attribute: false }) questions: Choice[] = [];

  /** The codebook; null hides the code filter. */
  @property({ attribute: false }) codes: Choice[] | null = null;

  /** The study's people (who wrote what); empty hides the author filter. */
  @property({ attribute: false }) authors: Choice[] = [];

  /** A målgruppsinventering: the family, question and year filters are left out (its ratings have none). */
  @property({ type: Boolean }) inventory = false;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('filters')) {
      this._draft = { ...this.filters };
      this._fromText = this.filters.from === undefined ? '' : String(this.filters.from);
      this._toText = this.filters.to === undefined ? '' : String(this.filters.to);
      this._yearError = '';
      this._yearMessage = '';
    }
  }

  private _set(key: 'type' | TextKey, value: string): void {
    this._draft = { ...this._draft, [key]: value || undefined };
  }

  /** The year fields as numbers, or an error on the first bad one (focus goes there). */
  private _years(): { from?: number; to?: number } | null {
    const parse = (text: string) => (text.trim() === '' ? undefined : /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : NaN);
    const from = parse(this._fromText);
    const to = parse(this._toText);
    const fail = (key: YearKey, message: string) => {
      this._yearError = key;
      this._yearMessage = message;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`#search-${key}`)?.focus());
      return null;
    };
    if (Number.isNaN(from)) return fail('from', t('search.filter.badYear'));
    if (Number.isNaN(to)) return fail('to', t('search.filter.badYear'));
    if (from !== undefined && to !== undefined && from > to) return fail('from', t('search.filter.yearOrder'));
    this._yearError = '';
    this._yearMessage = '';
    return { from, to };
  }

  private _submit(e: Event): void {
    e.preventDefault();
    const years = this._years();
    if (!years) return;
    const filters: SearchFilters = { ...this._draft, from: years.from, to: years.to };
    for (const key of Object.keys(filters) as (keyof SearchFilters)[]) if (filters[key] === undefined) delete filters[key];
    fire(this, 'bs-search-filter', { filters });
  }

  private _clear(): void {
    fire(this, 'bs-search-filter', { filters: {} });
  }

  private _select(key: 'type' | TextKey, label: string, all: string, choices: Choice[]) {
    const value = this._draft[key] ?? '';
    return html`<div class="field">
      <label for=${`search-${key}`}>${label}</label>
      <select id=${`search-${key}`} @change=${(e: Event) => this._set(key, (e.target as HTMLSelectElement).value)}>
        <option value="" .selected=${value === ''}>${all}</option>
        ${choices.map((c) => html`<option value=${c.value} .selected=${value === c.value}>${c.label}</option>`)}
      </select>
    </div>`;
  }

  private _year(key: YearKey, label: string) {
    const bad = this._yearError === key;
    return html`<div class="field">
      <label for=${`search-${key}`}>${label}</label>
      <input id=${`search-${key}`} type="text" inputmode="numeric" maxlength="4" autocomplete="off"
        aria-describedby=${bad ? 'search-year-hint search-year-error' : 'search-year-hint'} aria-invalid=${bad ? 'true' : 'false'}
        .value=${key === 'from' ? this._fromText : this._toText}
        @input=${(e: Event) => {
          const text = (e.target as HTMLInputElement).value;
          if (key === 'from') this._fromText = text;
          else this._toText = text;
        }} />
    </div>`;
  }

  override render() {
    const kinds = this.kinds.map((k) => ({ value: k, label: tKey(`search.kind.${k}`) ?? k }));
    return html`<form @submit=${this._submit} aria-labelledby="search-filters-title" novalidate>
      <h2 id="search-filters-title">${t('search.filters')}</h2>
      <div class="grid">
        ${this._select('type', t('search.filter.type'), t('search.filter.allTypes'), kinds)}
        ${this.inventory ? nothing : this._select('family', t('search.filter.family'), t('search.filter.allFamilies'), this.families)}
        ${this.inventory ? nothing : this._select('question', t('search.filter.question'), t('search.filter.allQuestions'), this.questions)}
        ${this.codes && !this.inventory ? this._select('code', t('search.filter.code'), t('search.filter.allCodes'), this.codes) : nothing}
        ${this.authors.length ? this._select('author', t('search.filter.author'), t('search.filter.allAuthors'), this.authors) : nothing}
        ${this.inventory ? nothing : this._year('from', t('search.filter.from'))}
        ${this.inventory ? nothing : this._year('to', t('search.filter.to'))}
      </div>
      ${this.inventory ? nothing : html`<p class="hint" id="search-year-hint">${t('search.filter.yearHint')}</p>`}
      ${this._yearMessage ? html`<p class="field-error" id="search-year-error" role="alert">${this._yearMessage}</p>` : nothing}
      <div class="buttons">
        <button type="submit" class="primary">${t('search.filter.apply')}</button>
        <button type="button" @click=${this._clear}>${t('search.filter.clear')}</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-search-filters': BsSearchFilters;
  }
}
