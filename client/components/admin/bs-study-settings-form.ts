// <bs-study-settings-form .settings=${s} ?busy error="…" message="…">: the lead's form for the study's
// title, description, legal basis (radio), ethics approval number and end date, with the consequence of
// the legal basis spelled out beside the fields (a research study without an ethics approval number
// keeps its researchers out). Fires bs-settings-submit with only the changed settings; the parent saves
// and passes back `settings`, `error` and `message`. What the user typed is kept until `settings` changes.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LegalBasis } from '../../../server/domain/types.ts';
import type { StudySettings } from '../../data/study-admin.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { adminStyles } from './admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';
import { alertLine, statusLine } from '../feedback.ts';

const EMPTY: StudySettings = { title: '', description: '', selectionCriteria: '', legalBasis: 'follow-up', ethicsApproval: null, endDate: null };

@customElement('bs-study-settings-form')
export class BsStudySettingsForm extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      .consequence.blocked {
        border-color: var(--bs-danger);
        background: var(--bs-danger-bg);
      }
      input[type='date'] {
        max-width: 14rem;
      }
    `,
  ];

  @state() private _draft: StudySettings = EMPTY;
  @state() private _localError = '';

  /** The stored settings; the form starts over from them whenever they change. */
  @property({ attribute: false }) settings: StudySettings = EMPTY;

  /** True while saving. */
  @property({ type: Boolean }) busy = false;

  /** An error from saving, shown as an alert. */
  @property() error = '';

  /** A confirmation after saving. */
  @property() message = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('settings')) {
      this._draft = { ...this.settings };
      this._localError = '';
    }
  }

  private _set<K extends keyof StudySettings>(key: K, value: StudySettings[K]): void {
    this._draft = { ...this._draft, [key]: value };
  }

  private _changes(): Partial<StudySettings> {
    const d = this._draft;
    const s = this.settings;
    const next: StudySettings = {
      title: d.title.trim(),
      description: d.description,
      selectionCriteria: d.selectionCriteria,
      legalBasis: d.legalBasis,
      ethicsApproval: d.ethicsApproval?.trim() ? d.ethicsApproval.trim() : null,
      endDate: d.endDate || null,
    };
    const changes: Partial<StudySettings> = {};
    for (const key of Object.keys(next) as (keyof StudySettings)[]) {
      if (next[key] !== s[key]) Object.assign(changes, { [key]: next[key] });
    }
    return changes;
  }

  private _submit(e: Event): void {
    e.preventDefault();
    if (this.busy) return;
    this._localError = '';
    if (!this._draft.title.trim()) {
      this._localError = t('settings.titleRequired');
      return;
    }
    const changes = this._changes();
    if (Object.keys(changes).length === 0) {
      this._localError = t('admin.nothing');
      return;
    }
    fire(this, 'bs-settings-submit', { changes });
  }

  private _renderConsequence() {
    const d = this._draft;
    const blocked = d.legalBasis === 'research' && !d.ethicsApproval?.trim();
    const text = d.legalBasis === 'follow-up' ? t('settings.followUpNote')
      : blocked ? t('settings.researchBlocked') : t('settings.researchOpen');
    return html`<p id="consequence" class="notice consequence ${blocked ? 'blocked' : ''}" aria-live="polite">${text}</p>`;
  }

  override render() {
    const d = this._draft;
    const error = this._localError || this.error;
    const basis = (value: LegalBasis) => html`<label>
      <input type="radio" name="legal-basis" .value=${value} .checked=${d.legalBasis === value} ?disabled=${this.busy}
        @change=${() => this._set('legalBasis', value)} />
      ${t(`settings.legalBasis.${value}`)}
    </label>`;
    return html`
      <form class="stack" @submit=${this._submit} aria-label=${t('settings.about')} novalidate>
        <div class="field">
          <label for="study-title">${t('settings.studyTitle')}</label>
          <input id="study-title" type="text" required maxlength="200" .value=${d.title} ?disabled=${this.busy}
            @input=${(e: Event) => this._set('title', (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="study-description">${t('settings.description')}</label>
          <textarea id="study-description" rows="4" maxlength="5000" .value=${d.description} ?disabled=${this.busy}
            @input=${(e: Event) => this._set('description', (e.target as HTMLTextAreaElement).value)}></textarea>
        </div>
        <div class="field">
          <label for="study-criteria">${t('create.selectionCriteria')}</label>
          <textarea id="study-criteria" rows="2" maxlength="2000" .value=${d.selectionCriteria} ?disabled=${this.busy}
            @input=${(e: Event) => this._set('selectionCriteria', (e.target as HTMLTextAreaElement).value)}></textarea>
        </div>
        <fieldset aria-describedby="consequence">
          <legend>${t('settings.legalBasis')}</legend>
          <div class="choices">${basis('follow-up')}${basis('research')}</div>
        </fieldset>
        <div class="field">
          <label for="study-ethics">${t('settings.ethics')}</label>
          <input id="study-ethics" type="text" maxlength="100" .value=${d.ethicsApproval ?? ''} ?disabled=${this.busy}
            aria-describedby="ethics-hint consequence"
            @input=${(e: Event) => this._set('ethicsApproval', (e.target as HTMLInputElement).value)} />
          <p class="hint" id="ethics-hint">${t('settings.ethicsHint')}</p>
        </div>
        ${this._renderConsequence()}
        <div class="field">
          <label for="study-end">${t('settings.endDate')}</label>
          <input id="study-end" type="date" .value=${d.endDate ?? ''} ?disabled=${this.busy} aria-describedby="end-hint"
            @input=${(e: Event) => this._set('endDate', (e.target as HTMLInputElement).value || null)} />
          <p class="hint" id="end-hint">${t('settings.endDateHint')}</p>
        </div>
        ${alertLine(error)}
        <div class="buttons">
          <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t('settings.saving') : t('settings.save')}</button>
        </div>
        ${statusLine(this.message)}
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-study-settings-form': BsStudySettingsForm;
  }
}
