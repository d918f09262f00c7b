// <bs-study-create-view .api=${api} .user=${user}>: "Skapa en studie" — pick a template (the seed's three
// questions, or a blank one), then title, description, selection criteria, legal basis, ethics approval
// number, end date and the questions (prefilled from the template; a blank one needs at least one). An
// admin names the lead; anyone else becomes the lead. On success it goes to the new study's page.
// Below the form, the second way: a study imported from a REFI-QDA project (bs-project-import).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LegalBasis, SessionUser } from '../../../server/domain/types.ts';
import { errorMessage, type Api } from '../../data/api.ts';
import { fetchAccounts, type Account } from '../../data/accounts.ts';
import { createStudy, fetchStudyTemplates, type QuestionDraft, type StudyTemplate } from '../../data/study-templates.ts';
import type { QuestionsChangeDetail } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { adminStyles } from '../../components/admin/admin-styles.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import '../../components/admin/bs-question-editor.ts';
import './bs-project-import.ts';
import { alertLine } from '../../components/feedback.ts';

interface Draft {
  title: string;
  description: string;
  selectionCriteria: string;
  legalBasis: LegalBasis;
  ethicsApproval: string;
  endDate: string;
  lead: string;
  questions: QuestionDraft[];
}

@customElement('bs-study-create-view')
export class BsStudyCreateView extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
        max-width: 48rem;
      }
      .template {
        display: grid;
        gap: 0.2rem;
        border: 1px solid var(--bs-border);
        border-radius: 0.4rem;
        padding: 0.6rem 0.8rem;
      }
      .template label {
        font-weight: 600;
      }
      bs-project-import {
        margin-top: 2rem;
        border-top: 1px solid var(--bs-border);
        padding-top: 1rem;
      }
    `,
  ];

  @state() private _templates: StudyTemplate[] | null = null;
  @state() private _accounts: Account[] = [];
  @state() private _template = '';
  @state() private _draft: Draft | null = null;
  @state() private _busy = false;
  @state() private _error = '';

  /** The API client. */
  @property({ attribute: false }) api?: Api;

  /** The signed-in user: an admin chooses the lead, anyone else becomes it. */
  @property({ attribute: false }) user?: SessionUser;

  override connectedCallback(): void {
    super.connectedCallback();
    document.title = `${t('create.title')} – ${t('app.name')}`;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('api')) void this._load();
  }

  private async _load(): Promise<void> {
    if (!this.api) return;
    try {
      this._templates = await fetchStudyTemplates(this.api);
      if (this.user?.admin) this._accounts = (await fetchAccounts(this.api)).filter((a) => !a.disabled);
      const first = this._templates[0];
      if (first) this._choose(first);
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  private _choose(template: StudyTemplate): void {
    this._template = template.id;
    const kept = this._draft;
    this._draft = {
      title: kept?.title ?? '',
      description: template.description,
      selectionCriteria: template.selectionCriteria,
      legalBasis: template.legalBasis,
      ethicsApproval: kept?.ethicsApproval ?? '',
      endDate: kept?.endDate ?? '',
      lead: kept?.lead ?? '',
      questions: template.questions.length ? template.questions.map((q) => ({ ...q })) : [{ label: '', text: '' }],
    };
  }

  private _set<K extends keyof Draft>(key: K, value: Draft[K]): void {
    if (this._draft) this._draft = { ...this._draft, [key]: value };
  }

  private async _submit(e: Event): Promise<void> {
    e.preventDefault();
    const d = this._draft;
    if (!this.api || !d || this._busy) return;
    this._error = '';
    const questions = d.questions.map((q) => ({ label: q.label.trim(), text: q.text.trim() }));
    const inventory = this._isInventory();
    if (!d.title.trim()) return void (this._error = t('settings.titleRequired'));
    if (!inventory && (!questions.length || questions.some((q) => !q.label || !q.text))) return void (this._error = t('create.questionsIncomplete'));
    if (this.user?.admin && !d.lead) return void (this._error = t('create.leadRequired'));
    this._busy = true;
    try {
      const study = await createStudy(this.api, {
        template: this._template,
        title: d.title.trim(),
        description: d.description,
        selectionCriteria: d.selectionCriteria,
        legalBasis: d.legalBasis,
        ethicsApproval: d.ethicsApproval.trim() || null,
        endDate: d.endDate || null,
        ...(d.lead ? { lead: d.lead } : {}),
        ...(inventory ? {} : { questions }),
      });
      location.assign(hrefFor({ name: 'study', studyId: study.id }));
    } catch (err) {
      this._error = errorMessage(err);
    } finally {
      this._busy = false;
    }
  }

  /** A målgruppsinventering rates children on a scale: it has no reflection questions to write. */
  private _isInventory(): boolean {
    return this._templates?.find((tpl) => tpl.id === this._template)?.kind === 'inventory';
  }

  private _templateHint(tpl: StudyTemplate): string {
    if (tpl.kind === 'inventory') return t('inventory.create.templateHint');
    return tpl.questions.length ? t('create.templateQuestions', { n: tpl.questions.length }) : t('create.templateBlank');
  }

  private _renderTemplates() {
    return html`<fieldset>
      <legend>${t('create.template')}</legend>
      ${this._templates!.map((tpl) => html`<div class="template">
        <label><input type="radio" name="template" .checked=${this._template === tpl.id} ?disabled=${this._busy}
          @change=${() => this._choose(tpl)} aria-describedby="tpl-${tpl.id}" /> ${tpl.title}</label>
        <p class="hint" id="tpl-${tpl.id}">${this._templateHint(tpl)}</p>
      </div>`)}
    </fieldset>`;
  }

  override render() {
    if (!this._templates || !this._draft) {
      return html`<h1>${t('create.title')}</h1>${this._error ? html`<p class="alert" role="alert">${this._error}</p>` : html`<p role="status">${t('app.loading')}</p>`}`;
    }
    const d = this._draft;
    const text = (id: string, key: 'title' | 'ethicsApproval', label: string, max: number) => html`<div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} type="text" maxlength=${max} .value=${d[key]} ?disabled=${this._busy}
        @input=${(e: Event) => this._set(key, (e.target as HTMLInputElement).value)} />
    </div>`;
    const area = (id: string, key: 'description' | 'selectionCriteria', label: string) => html`<div class="field">
      <label for=${id}>${label}</label>
      <textarea id=${id} rows="3" .value=${d[key]} ?disabled=${this._busy}
        @input=${(e: Event) => this._set(key, (e.target as HTMLTextAreaElement).value)}></textarea>
    </div>`;
    const basis = (value: LegalBasis) => html`<label><input type="radio" name="basis" .checked=${d.legalBasis === value}
      ?disabled=${this._busy} @change=${() => this._set('legalBasis', value)} /> ${t(`settings.legalBasis.${value}`)}</label>`;
    return html`
      <h1>${t('create.title')}</h1>
      <p>${t('create.intro')}</p>
      <form class="stack" @submit=${this._submit} novalidate aria-label=${t('create.title')}>
        ${this._renderTemplates()}
        ${text('create-title', 'title', t('settings.studyTitle'), 200)}
        ${area('create-description', 'description', t('settings.description'))}
        ${area('create-criteria', 'selectionCriteria', t('create.selectionCriteria'))}
        <fieldset><legend>${t('settings.legalBasis')}</legend><div class="choices">${basis('follow-up')}${basis('research')}</div></fieldset>
        ${text('create-ethics', 'ethicsApproval', t('settings.ethics'), 100)}
        <p class="hint">${d.legalBasis === 'research' && !d.ethicsApproval.trim() ? t('settings.researchBlocked') : t('settings.ethicsHint')}</p>
        <div class="field">
          <label for="create-end">${t('settings.endDate')}</label>
          <input id="create-end" type="date" .value=${d.endDate} ?disabled=${this._busy}
            @input=${(e: Event) => this._set('endDate', (e.target as HTMLInputElement).value)} />
        </div>
        ${this.user?.admin
          ? html`<div class="field">
              <label for="create-lead">${t('create.lead')}</label>
              <select id="create-lead" .value=${d.lead} ?disabled=${this._busy} @change=${(e: Event) => this._set('lead', (e.target as HTMLSelectElement).value)}>
                <option value="">${t('create.chooseLead')}</option>
                ${this._accounts.map((a) => html`<option value=${a.username} ?selected=${d.lead === a.username}>${a.displayName} (${a.username})</option>`)}
              </select>
            </div>`
          : html`<p class="hint">${t('create.youLead')}</p>`}
        ${this._isInventory()
          ? nothing
          : html`<fieldset>
              <legend>${t('study.questions')}</legend>
              <bs-question-editor .questions=${d.questions} ?busy=${this._busy}
                @bs-questions-change=${(e: CustomEvent<QuestionsChangeDetail>) => this._set('questions', e.detail.questions)}></bs-question-editor>
            </fieldset>`}
        ${alertLine(this._error)}
        <div class="buttons">
          <button type="submit" class="primary" ?disabled=${this._busy}>${this._busy ? t('create.busy') : t('create.submit')}</button>
          <a href=${hrefFor({ name: 'home' })}>${t('password.cancel')}</a>
        </div>
      </form>
      ${this.user?.mayCreateStudies || this.user?.admin ? html`<bs-project-import .api=${this.api}></bs-project-import>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-study-create-view': BsStudyCreateView;
  }
}
