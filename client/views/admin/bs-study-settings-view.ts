// <bs-study-settings-view .api=${api} study-id="…">: the lead's study setup: the settings form, the
// members table and the family assignments. Every save sends the study version it was based on; a
// stale one (409) reloads the page's data and says so ("Någon annan har ändrat studien. Sidan har
// laddats om."), an invalid one (422) shows the server's message and keeps what the user entered.
import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { FamilyView, StudyView } from '../../../server/domain/types.ts';
import { ApiError, errorMessage, type Api } from '../../data/api.ts';
import { assignFamily, closeStudy, eraseStudy, fetchStudySetup, saveMembers, saveQuestions, updateStudySettings, type MembersView } from '../../data/study-admin.ts';
import type { QuestionDraft } from '../../data/study-templates.ts';
import type { AssignmentsSubmitDetail, MembersSubmitDetail, QuestionsChangeDetail, SettingsSubmitDetail } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { adminStyles } from '../../components/admin/admin-styles.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import '../../components/admin/bs-study-settings-form.ts';
import '../../components/admin/bs-members-table.ts';
import '../../components/admin/bs-family-assignments.ts';
import '../../components/admin/bs-question-editor.ts';
import '../../components/admin/bs-study-closing.ts';
import { StudyPage } from '../study/study-page.ts';
import { alertLine, statusLine } from '../../components/feedback.ts';

type Section = 'settings' | 'questions' | 'members' | 'assign' | 'closing';

@customElement('bs-study-settings-view')
export class BsStudySettingsView extends StudyPage {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
        max-width: 64rem;
      }
      h1 {
        font-size: 1.6rem;
      }
      .crumbs {
        margin-bottom: 0.6rem;
      }
    `,
  ];

  @state() private _study: StudyView | null = null;
  @state() private _members: MembersView | null = null;
  @state() private _families: FamilyView[] = [];
  @state() private _error = '';
  @state() private _busy: Section | null = null;
  @state() private _errors: Partial<Record<Section, string>> = {};
  @state() private _messages: Partial<Record<Section, string>> = {};
  /** The questions as the lead is editing them; reset from the study when it loads or saves. */
  @state() private _questions: QuestionDraft[] = [];

  /** The version every save is based on (the study's, shared by settings, members and assignments). */
  private _version = 0;

  protected async load(): Promise<void> {
    const api = this.api;
    if (!api || !this.studyId) return;
    this._error = '';
    try {
      const { study, members, families } = await fetchStudySetup(api, this.studyId);
      this._study = study;
      this._questions = study.questions.map((q) => ({ ...q }));
      this._members = members;
      this._families = families;
      this._version = Math.max(study.version, members.version);
      document.title = `${t('settings.title')}: ${study.title} – ${t('app.name')}`;
    } catch (err) {
      this._error = errorMessage(err);
    }
  }

  /** Runs one save of a section: busy state, messages, and the 409/422 rules. */
  private async _save(section: Section, run: (api: Api) => Promise<void>, done: string): Promise<void> {
    const api = this.api;
    if (!api || this._busy) return;
    this._busy = section;
    this._errors = {};
    this._messages = {};
    try {
      await run(api);
      this._messages = { [section]: done };
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        await this.load();
        this._errors = { [section]: t('settings.conflict') };
      } else {
        this._errors = { [section]: errorMessage(err) };
      }
    } finally {
      this._busy = null;
    }
  }

  private _onSettings(e: CustomEvent<SettingsSubmitDetail>): void {
    void this._save('settings', async (api) => {
      const saved = await updateStudySettings(api, this.studyId, this._version, e.detail.changes);
      this._version = saved.version;
      if (this._study) this._study = { ...this._study, ...saved };
    }, t('settings.saved'));
  }

  private _onQuestions(e: Event): void {
    e.preventDefault();
    const questions = this._questions.map((q) => ({ ...q, label: q.label.trim(), text: q.text.trim() }));
    if (!questions.length || questions.some((q) => !q.label || !q.text)) {
      this._errors = { questions: t('create.questionsIncomplete') };
      return;
    }
    void this._save('questions', async (api) => {
      const saved = await saveQuestions(api, this.studyId, this._version, questions);
      this._version = saved.version;
      if (this._study) this._study = { ...this._study, ...saved };
      this._questions = saved.questions.map((q) => ({ ...q }));
    }, t('questions.saved'));
  }

  private _onClose(): void {
    void this._save('closing', async (api) => {
      const closed = await closeStudy(api, this.studyId, this._version);
      this._version = closed.version;
      this._study = closed;
    }, t('closing.closedNow'));
  }

  private _onErase(e: CustomEvent<{ confirmation: string }>): void {
    // The typed id is the lead's confirmation; the server only needs the study to be closed.
    if (e.detail.confirmation !== this.studyId) return;
    void this._save('closing', async (api) => {
      await eraseStudy(api, this.studyId);
      location.assign(hrefFor({ name: 'home' }));
    }, '');
  }

  private _onMembers(e: CustomEvent<MembersSubmitDetail>): void {
    void this._save('members', async (api) => {
      this._members = await saveMembers(api, this.studyId, this._version, e.detail.members);
      this._version = this._members.version;
    }, t('members.saved'));
  }

  private _onAssignments(e: CustomEvent<AssignmentsSubmitDetail>): void {
    void this._save('assign', async (api) => {
      // One family at a time, each over the version the previous answer gave.
      for (const [familyId, assignedTo] of Object.entries(e.detail.changes)) {
        this._members = await assignFamily(api, this.studyId, familyId, this._version, assignedTo);
        this._version = this._members.version;
      }
    }, t('assign.saved'));
  }

  override render() {
    if (this._error && !this._study) return html`<p class="alert" role="alert">${this._error}</p>`;
    const study = this._study;
    const members = this._members;
    if (!study || !members) return html`<p role="status">${t('app.loading')}</p>`;
    const caseworkers = members.members.filter((m) => m.role === 'caseworker');
    return html`
      <nav class="crumbs" aria-label=${t('app.breadcrumbs')}>
        <a href=${hrefFor({ name: 'study', studyId: study.id })}>${study.title}</a> › <span>${t('settings.title')}</span>
      </nav>
      <h1>${t('settings.title')}</h1>
      ${alertLine(this._error)}
      <section class="panel" aria-labelledby="about-title">
        <h2 id="about-title">${t('settings.about')}</h2>
        <bs-study-settings-form .settings=${study} ?busy=${this._busy === 'settings'} error=${this._errors.settings ?? ''}
          message=${this._messages.settings ?? ''} @bs-settings-submit=${this._onSettings}></bs-study-settings-form>
      </section>
      <section class="panel" aria-labelledby="questions-title">
        <h2 id="questions-title">${t('study.questions')}</h2>
        <form @submit=${this._onQuestions} novalidate aria-labelledby="questions-title">
          <bs-question-editor .questions=${this._questions} ?locked=${study.questionsLocked} ?busy=${this._busy === 'questions'}
            @bs-questions-change=${(e: CustomEvent<QuestionsChangeDetail>) => (this._questions = e.detail.questions)}></bs-question-editor>
          ${alertLine(this._errors.questions)}
          <div class="buttons">
            <button type="submit" class="primary" ?disabled=${this._busy === 'questions'}>${t('questions.save')}</button>
          </div>
          ${statusLine(this._messages.questions)}
        </form>
      </section>
      <section class="panel" aria-labelledby="members-title">
        <h2 id="members-title">${t('members.title')}</h2>
        <p>${t('members.intro')}</p>
        <bs-members-table .members=${members.members} .accounts=${members.accounts} ?busy=${this._busy === 'members'}
          error=${this._errors.members ?? ''} message=${this._messages.members ?? ''}
          @bs-members-submit=${this._onMembers}></bs-members-table>
      </section>
      <section class="panel" aria-labelledby="assign-title">
        <h2 id="assign-title">${t('assign.title')}</h2>
        <p>${t('assign.intro')}</p>
        <bs-family-assignments .families=${this._families} .caseworkers=${caseworkers} .assignments=${members.assignments}
          ?busy=${this._busy === 'assign'} error=${this._errors.assign ?? ''} message=${this._messages.assign ?? ''}
          @bs-assignments-submit=${this._onAssignments}></bs-family-assignments>
      </section>
      <section class="panel" aria-labelledby="closing-title">
        <h2 id="closing-title">${t('closing.title')}</h2>
        <bs-study-closing .study=${study} ?busy=${this._busy === 'closing'} error=${this._errors.closing ?? ''}
          @bs-study-close=${this._onClose} @bs-study-erase=${this._onErase}></bs-study-closing>
        ${statusLine(this._messages.closing)}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-study-settings-view': BsStudySettingsView;
  }
}
