// <bs-family-form .family=${f|null} ?busy error="…">: the lead's form for a family's details: pseudonym,
// "Känd från", "Avslutad (valfritt)", number of children and placements, and cost band. Checks the fields
// itself first (each problem beside its field, aria-invalid, a summary as role="alert", focus on the first
// problem) and fires bs-family-submit with every field (empty attributes as null), or bs-family-cancel on
// "Avbryt" or Esc. The parent saves and passes back `error`; what the user typed is kept until `family` changes.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FamilyAttributes, FamilyView } from '../../../server/domain/types.ts';
import type { FamilyChanges } from '../../data/families.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { adminStyles } from './admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';

type Field = 'pseudonym' | 'activeFrom' | 'activeTo' | 'children' | 'placements';
type CostBand = NonNullable<FamilyAttributes['costBand']>;

interface Draft {
  pseudonym: string;
  activeFrom: string;
  activeTo: string;
  children: string;
  placements: string;
  costBand: CostBand | '';
}

const MAX_PSEUDONYM = 60;
const MAX_COUNT: Record<'children' | 'placements', number> = { children: 30, placements: 200 };
const COST_BANDS: CostBand[] = ['låg', 'medel', 'hög'];
// Ten or twelve digits shaped like a personal number (the server checks the same and more).
const LOOKS_LIKE_PNR = /(?<!\d)(?:\d{2})?\d{6}[-+\s]?\d{4}(?!\d)/u;

function draftOf(family: FamilyView | null): Draft {
  const a = family?.attributes ?? {};
  return {
    pseudonym: family?.pseudonym ?? '',
    activeFrom: family?.activeFrom ?? '',
    activeTo: family?.activeTo ?? '',
    children: a.children === undefined ? '' : String(a.children),
    placements: a.placements === undefined ? '' : String(a.placements),
    costBand: a.costBand ?? '',
  };
}

/** Whether `s` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** The problems of a draft, field by field (Swedish messages); empty when it can be sent. */
export function checkFamilyDraft(d: Draft, badDate: Partial<Record<'activeFrom' | 'activeTo', boolean>> = {}): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  const pseudonym = d.pseudonym.replace(/\s+/g, ' ').trim();
  if (!pseudonym) errors.pseudonym = t('familyForm.pseudonymRequired');
  else if (pseudonym.length > MAX_PSEUDONYM) errors.pseudonym = t('familyForm.pseudonymTooLong');
  else if (LOOKS_LIKE_PNR.test(pseudonym)) errors.pseudonym = t('familyForm.pseudonymPnr');
  if (badDate.activeFrom || (d.activeFrom && !isIsoDate(d.activeFrom))) errors.activeFrom = t('familyForm.dateInvalid');
  else if (!d.activeFrom) errors.activeFrom = t('familyForm.fromRequired');
  if (badDate.activeTo || (d.activeTo && !isIsoDate(d.activeTo))) errors.activeTo = t('familyForm.dateInvalid');
  else if (d.activeTo && d.activeFrom && !errors.activeFrom && d.activeTo < d.activeFrom) errors.activeTo = t('familyForm.toBeforeFrom');
  for (const key of ['children', 'placements'] as const) {
    const v = d[key].trim();
    if (v && !(/^\d+$/.test(v) && Number(v) <= MAX_COUNT[key])) errors[key] = t('familyForm.countInvalid', { max: MAX_COUNT[key] });
  }
  return errors;
}

@customElement('bs-family-form')
export class BsFamilyForm extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      input[type='date'],
      input[type='number'],
      select {
        max-width: 14rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.9rem 1.5rem;
      }
      .field-error {
        color: var(--bs-danger);
        font-weight: 600;
        margin: 0;
      }
      [aria-invalid='true'] {
        border-color: var(--bs-danger);
        border-width: 2px;
      }
    `,
  ];

  @state() private _draft: Draft = draftOf(null);
  @state() private _errors: Partial<Record<Field, string>> = {};

  /** The family being edited; null for a new one. The form starts over whenever it changes. */
  @property({ attribute: false }) family: FamilyView | null = null;

  /** True while saving. */
  @property({ type: Boolean }) busy = false;

  /** An error from saving, shown as an alert. */
  @property() error = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('family')) {
      this._draft = draftOf(this.family);
      this._errors = {};
    }
  }

  /** Moves focus to the first field. */
  focusFirst(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#family-pseudonym')?.focus());
  }

  private _set<K extends keyof Draft>(key: K, value: Draft[K]): void {
    this._draft = { ...this._draft, [key]: value };
  }

  private _submit(e: Event): void {
    e.preventDefault();
    if (this.busy) return;
    // A half-typed date leaves an <input type="date"> empty with badInput set: not the same as no date.
    const bad = (id: string) => this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.validity.badInput ?? false;
    this._errors = checkFamilyDraft(this._draft, { activeFrom: bad('family-activeFrom'), activeTo: bad('family-activeTo') });
    const first = (['pseudonym', 'activeFrom', 'activeTo', 'children', 'placements'] as Field[]).find((f) => this._errors[f]);
    if (first) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#family-${first}`)?.focus());
      return;
    }
    const d = this._draft;
    const count = (v: string) => (v.trim() ? Number(v) : null);
    const family: FamilyChanges = {
      pseudonym: d.pseudonym.replace(/\s+/g, ' ').trim(),
      activeFrom: d.activeFrom,
      activeTo: d.activeTo || null,
      attributes: { children: count(d.children), placements: count(d.placements), costBand: d.costBand || null },
    };
    fire(this, 'bs-family-submit', { family });
  }

  private _keydown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && !this.busy) {
      e.preventDefault();
      fire(this, 'bs-family-cancel', {});
    }
  }

  private _input(field: Field, label: string, type: 'text' | 'date' | 'number', hint: string, extra: { required?: boolean; max?: number } = {}) {
    const id = `family-${field}`;
    const error = this._errors[field];
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} type=${type} .value=${this._draft[field]} ?disabled=${this.busy} ?required=${extra.required ?? false}
        maxlength=${type === 'text' ? MAX_PSEUDONYM : nothing} min=${type === 'number' ? 0 : nothing} max=${extra.max ?? nothing}
        step=${type === 'number' ? 1 : nothing} inputmode=${type === 'number' ? 'numeric' : nothing}
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy || nothing}
        @input=${(e: Event) => this._set(field, (e.target as HTMLInputElement).value)} />
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      ${error ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>` : nothing}
    </div>`;
  }

  override render() {
    const hasErrors = Object.keys(this._errors).length > 0;
    const isNew = this.family === null;
    return html`
      <form class="stack" novalidate @submit=${this._submit} @keydown=${this._keydown}
        aria-label=${isNew ? t('familyAdmin.addTitle') : t('familyAdmin.editTitle', { name: this.family!.pseudonym })}>
        ${this._input('pseudonym', t('familyForm.pseudonym'), 'text', t('familyForm.pseudonymHint'), { required: true })}
        <div class="row">
          ${this._input('activeFrom', t('familyForm.from'), 'date', t('familyForm.fromHint'), { required: true })}
          ${this._input('activeTo', t('familyForm.to'), 'date', t('familyForm.toHint'))}
        </div>
        <div class="row">
          ${this._input('children', t('familyForm.children'), 'number', t('familyForm.optional'), { max: MAX_COUNT.children })}
          ${this._input('placements', t('familyForm.placements'), 'number', t('familyForm.optional'), { max: MAX_COUNT.placements })}
          <div class="field">
            <label for="family-costBand">${t('familyForm.costBand')}</label>
            <select id="family-costBand" .value=${this._draft.costBand} ?disabled=${this.busy}
              @change=${(e: Event) => this._set('costBand', (e.target as HTMLSelectElement).value as CostBand | '')}>
              <option value="" ?selected=${this._draft.costBand === ''}>${t('familyForm.costBand.none')}</option>
              ${COST_BANDS.map((b) => html`<option value=${b} ?selected=${this._draft.costBand === b}>${t(`costBand.${b}`)}</option>`)}
            </select>
          </div>
        </div>
        ${hasErrors || this.error
          ? html`<div class="alert" role="alert">
              ${hasErrors ? html`<p>${t('familyForm.hasErrors')}</p>` : nothing}
              ${this.error ? html`<p>${this.error}</p>` : nothing}
            </div>`
          : nothing}
        <div class="buttons">
          <button type="submit" class="primary" ?disabled=${this.busy}>
            ${this.busy ? t('familyForm.saving') : isNew ? t('familyForm.saveNew') : t('familyForm.save')}
          </button>
          <button type="button" ?disabled=${this.busy} @click=${() => fire(this, 'bs-family-cancel', {})}>${t('familyForm.cancel')}</button>
        </div>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-family-form': BsFamilyForm;
  }
}
