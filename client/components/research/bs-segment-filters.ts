// <bs-segment-filters .filter=${f} .families=${choices} .questions=${choices} ?has-subcodes>: the code page's
// filters — family, question, kind (markering, reflektion, stycke i akten) and, for a code with sub-codes,
// "Ta med underkoderna". Each change fires bs-segment-filter with the whole filter; the list below updates
// (nothing else on the page moves, so choosing in a select is safe for keyboard users).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { fire, type SegmentFilterDetail } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { adminStyles } from '../admin/admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';

export interface FilterChoice {
  value: string;
  label: string;
}

export const NO_SEGMENT_FILTER: SegmentFilterDetail = { family: '', question: '', kind: '', rollup: false };

const KINDS: SegmentFilterDetail['kind'][] = ['annotation', 'reflection', 'passage'];

@customElement('bs-segment-filters')
export class BsSegmentFilters extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      fieldset {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem 1rem;
        align-items: end;
      }
      .field {
        min-width: 12rem;
        flex: 1 1 12rem;
      }
    `,
  ];

  @property({ attribute: false }) filter: SegmentFilterDetail = NO_SEGMENT_FILTER;

  @property({ attribute: false }) families: FilterChoice[] = [];

  @property({ attribute: false }) questions: FilterChoice[] = [];

  /** The code has sub-codes: offer to include their segments. */
  @property({ type: Boolean, attribute: 'has-subcodes' }) hasSubcodes = false;

  private _change(changes: Partial<SegmentFilterDetail>): void {
    fire(this, 'bs-segment-filter', { ...this.filter, ...changes });
  }

  private _select(id: string, label: string, value: string, all: string, choices: FilterChoice[], on: (v: string) => void) {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} @change=${(e: Event) => on((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!value}>${all}</option>
        ${choices.map((c) => html`<option value=${c.value} ?selected=${c.value === value}>${c.label}</option>`)}
      </select>
    </div>`;
  }

  override render() {
    const f = this.filter;
    const kinds = KINDS.map((k) => ({ value: k, label: t(`code.filter.kind.${k as Exclude<typeof k, ''>}`) }));
    return html`<fieldset>
      <legend>${t('code.filter.legend')}</legend>
      ${this._select('filter-family', t('code.filter.family'), f.family, t('code.filter.allFamilies'), this.families, (family) => this._change({ family }))}
      ${this._select('filter-question', t('code.filter.question'), f.question, t('code.filter.allQuestions'), this.questions,
        (question) => this._change({ question }))}
      ${this._select('filter-kind', t('code.filter.kind'), f.kind, t('code.filter.allKinds'), kinds,
        (kind) => this._change({ kind: kind as SegmentFilterDetail['kind'] }))}
      ${this.hasSubcodes
        ? html`<label class="check"><input type="checkbox" .checked=${f.rollup}
            @change=${(e: Event) => this._change({ rollup: (e.target as HTMLInputElement).checked })} /> ${t('code.filter.rollup')}</label>`
        : nothing}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-segment-filters': BsSegmentFilters;
  }
}
