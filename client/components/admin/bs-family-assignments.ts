// <bs-family-assignments .families=${f} .caseworkers=${c} .assignments=${a} ?busy error="…">: one group
// of checkboxes per family, one per caseworker of the study, and "Spara tilldelningar". Fires
// bs-assignments-submit with the families whose caseworkers changed. The ticks the user made survive an
// error and start over when `assignments` changes (after a save or a reload).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Member } from '../../data/study-admin.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { adminStyles } from './admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';
import { alertLine, statusLine } from '../feedback.ts';

/** A family as this form needs it. */
export interface FamilyChoice {
  id: string;
  pseudonym: string;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

@customElement('bs-family-assignments')
export class BsFamilyAssignments extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      .families {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(16rem, 100%), 1fr));
        gap: 0.75rem;
        margin: 0 0 0.9rem;
      }
      .families .choices {
        flex-direction: column;
        gap: 0.35rem;
      }
    `,
  ];

  @state() private _draft: Record<string, string[]> = {};
  @state() private _localError = '';

  /** Every family of the study. */
  @property({ attribute: false }) families: FamilyChoice[] = [];

  /** The study's caseworkers (the only members a family can be assigned to). */
  @property({ attribute: false }) caseworkers: Member[] = [];

  /** Stored assignments: family id → user ids. */
  @property({ attribute: false }) assignments: Record<string, string[]> = {};

  /** True while saving. */
  @property({ type: Boolean }) busy = false;

  /** An error from saving, shown as an alert. */
  @property() error = '';

  /** A confirmation after saving. */
  @property() message = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('assignments')) {
      this._draft = Object.fromEntries(Object.entries(this.assignments).map(([k, v]) => [k, [...v]]));
      this._localError = '';
    }
  }

  private _toggle(familyId: string, userId: string, on: boolean): void {
    const now = (this._draft[familyId] ?? []).filter((id) => id !== userId);
    this._draft = { ...this._draft, [familyId]: on ? [...now, userId] : now };
  }

  private _submit(e: Event): void {
    e.preventDefault();
    if (this.busy) return;
    this._localError = '';
    const changes: Record<string, string[]> = {};
    for (const f of this.families) {
      const next = this._draft[f.id] ?? [];
      if (!sameSet(next, this.assignments[f.id] ?? [])) changes[f.id] = next;
    }
    if (Object.keys(changes).length === 0) {
      this._localError = t('admin.nothing');
      return;
    }
    fire(this, 'bs-assignments-submit', { changes });
  }

  override render() {
    if (!this.caseworkers.length) return html`<p>${t('assign.noCaseworkers')}</p>`;
    const error = this._localError || this.error;
    return html`
      <form @submit=${this._submit} aria-label=${t('assign.title')} novalidate>
        <div class="families">
          ${this.families.map((f) => html`<fieldset>
            <legend>${f.pseudonym}</legend>
            <div class="choices">
              ${this.caseworkers.map((c) => html`<label>
                <input type="checkbox" .checked=${(this._draft[f.id] ?? []).includes(c.userId)} ?disabled=${this.busy}
                  @change=${(e: Event) => this._toggle(f.id, c.userId, (e.target as HTMLInputElement).checked)} />
                ${c.displayName}
              </label>`)}
            </div>
          </fieldset>`)}
        </div>
        ${alertLine(error)}
        <div class="buttons">
          <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t('settings.saving') : t('assign.save')}</button>
        </div>
        ${statusLine(this.message)}
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-family-assignments': BsFamilyAssignments;
  }
}
