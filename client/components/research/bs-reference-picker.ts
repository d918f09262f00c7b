// <bs-reference-picker .library=${refs} .selected=${keys} ?disabled>: a checkbox list of the study's
// reference library (key, first authors and year, title) to link a code or a memo to. Fires
// bs-references-change with the checked keys in library order; a linked key no longer in the library
// stays listed (and checked) until the user unchecks it.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { issuedYear, type CslItem, type CslName } from '../../../server/literature/csl-item.ts';
import type { ReferenceView } from '../../data/references.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { sharedStyles } from '../base-styles.ts';

const nameOf = (n: CslName): string => n.family ?? n.literal ?? n.given ?? '';

/** "Sundell & Östberg 2007, Familjer i socialtjänsten": enough to tell the works of a library apart. */
export function shortReferenceLabel(view: ReferenceView): string {
  // The view is the CSL item with the record's fields beside it.
  const ref = view as unknown as CslItem;
  const names = (ref.author ?? ref.editor ?? []).map(nameOf).filter(Boolean);
  const who = names.length > 2 ? `${names[0]} m.fl.` : names.join(' & ');
  const year = issuedYear(ref) ?? 'u.å.';
  const title = typeof ref.title === 'string' ? ref.title : '';
  return [[who, year].filter(Boolean).join(' '), title].filter(Boolean).join(', ');
}

let nextId = 0;

@customElement('bs-reference-picker')
export class BsReferencePicker extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      fieldset {
        display: grid;
        gap: 0.35rem;
        max-height: 16rem;
        overflow-y: auto;
      }
      .hint {
        margin: 0 0 0.3rem;
        color: var(--bs-muted);
        font-size: 0.9rem;
      }
      label {
        display: flex;
        gap: 0.5rem;
        align-items: baseline;
      }
    `,
  ];

  /** The study's library. */
  @property({ attribute: false }) library: ReferenceView[] = [];

  /** The linked keys. */
  @property({ attribute: false }) selected: string[] = [];

  @property({ type: Boolean }) disabled = false;

  private readonly _id = `refs-${++nextId}`;

  private _toggle(key: string, on: boolean): void {
    const chosen = new Set(this.selected);
    if (on) chosen.add(key);
    else chosen.delete(key);
    const order = [...this.library.map((r) => r.id), ...this.selected.filter((k) => !this.library.some((r) => r.id === k))];
    this.selected = order.filter((k) => chosen.has(k));
    fire(this, 'bs-references-change', { keys: this.selected });
  }

  override render() {
    const missing = this.selected.filter((k) => !this.library.some((r) => r.id === k));
    const row = (key: string, label: string) => html`<label>
      <input type="checkbox" .checked=${this.selected.includes(key)} ?disabled=${this.disabled}
        @change=${(e: Event) => this._toggle(key, (e.target as HTMLInputElement).checked)} />
      <span><code>${key}</code> ${label}</span>
    </label>`;
    return html`<fieldset aria-describedby=${`${this._id}-hint`}>
      <legend>${t('refs.legend')}</legend>
      <p class="hint" id=${`${this._id}-hint`}>${this.library.length ? t('refs.hint') : t('refs.empty')}</p>
      ${this.library.map((ref) => row(ref.id, shortReferenceLabel(ref)))}
      ${missing.length ? missing.map((key) => row(key, t('refs.missing', { key }))) : nothing}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-reference-picker': BsReferencePicker;
  }
}
