// <bs-appraisal-form .api=${api} study-id="…" family-id="…" .investigation=${view} .checklist=${c} ?readonly>:
// the appraisal of one investigation against the kortutredning checklist. Start and decision dates (what is
// in effect, with what the file says beside and a reset), the checklist grouped by BBIC's three sides, each
// item a radio group "Visas i akten" / "Saknas" / "Ej aktuellt" with its help text, a count per side, a
// comment, and Save (If-Match). A failed save keeps every choice: on 409 the stored appraisal is shown beside
// the form and Save again overwrites it; on 422 the server's message. Read-only: the appraisal as text.
// Fires `bs-appraisal-saved` (detail: the saved InvestigationView).
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Checklist, InvestigationView, ItemFinding } from '../../../server/domain/checklist/checklist-types.ts';
import { ApiError, errorMessage, type Api } from '../../data/api.ts';
import { saveAppraisal, type AppraisalInput } from '../../data/investigations.ts';
import { formatDateTime, t } from '../../i18n/sv.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import { alertLine, statusLine } from '../../components/feedback.ts';
import { renderChecklistSide } from './appraisal-checklist-side.ts';
import { appraisalStyles } from './appraisal-styles.ts';

export interface AppraisalSavedDetail {
  investigation: InvestigationView;
}

/** The form's inputs for a view: what is in effect and what its appraisal says. */
function draftOf(view: InvestigationView): AppraisalInput {
  return {
    start: view.start,
    decided: view.decided,
    findings: { ...(view.appraisal?.findings ?? {}) },
    comment: view.appraisal?.comment ?? '',
  };
}

@customElement('bs-appraisal-form')
export class BsAppraisalForm extends LitElement {
  static override styles = [sharedStyles, appraisalStyles];

  /** The API client. */
  @property({ attribute: false }) api?: Api;

  @property({ attribute: 'study-id' }) studyId = '';

  @property({ attribute: 'family-id' }) familyId = '';

  /** The investigation to appraise (with its stored appraisal and version). */
  @property({ attribute: false }) investigation?: InvestigationView;

  @property({ attribute: false }) checklist?: Checklist;

  /** Show the appraisal as text (the user may not write). */
  @property({ type: Boolean }) readonly = false;

  @state() private _draft: AppraisalInput = { start: null, decided: null, findings: {}, comment: '' };
  /** The version Save sends as If-Match (after a conflict: the stored one, so saving again overwrites). */
  @state() private _version = 0;
  /** The stored view after a 409. */
  @state() private _conflict: InvestigationView | null = null;
  @state() private _saving = false;
  @state() private _error = '';
  @state() private _notice = '';

  override willUpdate(changed: Map<string, unknown>): void {
    // A different investigation resets the form; the same one reloaded keeps what the user has chosen.
    const previous = changed.get('investigation') as InvestigationView | undefined;
    if (changed.has('investigation') && this.investigation && previous?.id !== this.investigation.id) {
      this._draft = draftOf(this.investigation);
      this._version = this.investigation.version;
      this._conflict = null;
      this._error = '';
      this._notice = '';
    }
  }

  private _set(patch: Partial<AppraisalInput>): void {
    this._draft = { ...this._draft, ...patch };
    this._notice = '';
  }

  private _setFinding(item: string, finding: ItemFinding): void {
    this._set({ findings: { ...this._draft.findings, [item]: finding } });
  }

  /** What the server gets: a date equal to the one found is sent as null (keep what the file says). */
  private _input(view: InvestigationView): AppraisalInput {
    const d = this._draft;
    return {
      start: d.start && d.start !== view.found.start ? d.start : null,
      decided: d.decided && d.decided !== view.found.decided ? d.decided : null,
      findings: d.findings,
      comment: d.comment,
    };
  }

  private _check(): string {
    const d = this._draft;
    if (!d.start) return t('investigations.startRequired');
    if (d.decided && d.decided < d.start) return t('investigations.decidedBeforeStart');
    return '';
  }

  private async _save(e: Event): Promise<void> {
    e.preventDefault();
    const api = this.api;
    const view = this.investigation;
    if (!api || !view || this._saving) return;
    const problem = this._check();
    this._error = problem;
    this._notice = '';
    if (problem) return;
    this._saving = true;
    try {
      const saved = await saveAppraisal(api, this.studyId, this.familyId, view.id, this._version, this._input(view));
      this._version = saved.version;
      this._conflict = null;
      this._draft = draftOf(saved);
      this._notice = t('investigations.saved');
      this.dispatchEvent(new CustomEvent<AppraisalSavedDetail>('bs-appraisal-saved', { detail: { investigation: saved }, bubbles: true, composed: true }));
    } catch (err) {
      // Nothing the user chose is dropped: the draft stays as it is.
      if (err instanceof ApiError && err.status === 409) {
        const current = err.current as InvestigationView | undefined;
        this._conflict = current ?? null;
        if (current) this._version = current.version;
        this._error = t('investigations.conflict');
      } else if (err instanceof ApiError && err.status === 403) {
        this._error = t('investigations.forbidden');
      } else if (err instanceof ApiError && err.status === 422) {
        this._error = err.message || errorMessage(err);
      } else {
        this._error = errorMessage(err);
      }
    } finally {
      this._saving = false;
    }
  }

  private _useStored(): void {
    const current = this._conflict;
    if (!current) return;
    this._draft = draftOf(current);
    this._version = current.version;
    this._conflict = null;
    this._error = '';
    this.dispatchEvent(new CustomEvent<AppraisalSavedDetail>('bs-appraisal-saved', { detail: { investigation: current }, bubbles: true, composed: true }));
  }

  private _findingLabel(finding: ItemFinding | undefined): string {
    return finding ? t(`investigations.finding.${finding}`) : t('investigations.finding.none');
  }

  private _renderDate(which: 'start' | 'decided', view: InvestigationView) {
    const found = view.found[which];
    const label = which === 'start' ? t('investigations.start') : t('investigations.decided');
    const id = `date-${which}`;
    return html`<div class="date-row">
      <label for=${id}>${label}</label>
      <input id=${id} type="date" .value=${this._draft[which] ?? ''} aria-describedby=${`${id}-found`}
        @input=${(e: Event) => this._set({ [which]: (e.target as HTMLInputElement).value || null })} />
      <span class="found" id=${`${id}-found`}>${found ? t('investigations.foundInFile', { date: found }) : t('investigations.foundNone')}</span>
      <button type="button" aria-label=${t('investigations.resetDate', { label: label.toLocaleLowerCase('sv') })}
        ?disabled=${(this._draft[which] ?? null) === found} @click=${() => this._set({ [which]: found })}>${t('investigations.reset')}</button>
    </div>`;
  }

  private _renderStored(current: InvestigationView, checklist: Checklist) {
    const a = current.appraisal;
    const items = checklist.sides.flatMap((s) => s.items);
    return html`<section class="stored" aria-labelledby="stored-title">
      <h3 id="stored-title">${t('investigations.conflictStored')}</h3>
      ${a ? html`<p>${t('investigations.storedBy', { date: formatDateTime(a.updatedAt) })}</p>` : nothing}
      <p>${t('investigations.start')}: ${current.start} · ${t('investigations.decided')}: ${current.decided ?? t('investigations.undecided')}</p>
      <ul>${items.map((i) => html`<li>${i.label}: ${this._findingLabel(a?.findings[i.id])}</li>`)}</ul>
      ${a?.comment ? html`<p>${t('investigations.comment')}: ${a.comment}</p>` : nothing}
      <button type="button" @click=${this._useStored}>${t('investigations.useStored')}</button>
    </section>`;
  }

  private _renderReadonly(view: InvestigationView, checklist: Checklist) {
    const a = view.appraisal;
    return html`
      <p class="notice">${t('investigations.readonlyIntro')}</p>
      <dl class="readonly">
        <dt>${t('investigations.start')}</dt>
        <dd>${view.start} (${view.found.start ? t('investigations.foundInFile', { date: view.found.start }) : t('investigations.foundNone')})</dd>
        <dt>${t('investigations.decided')}</dt>
        <dd>${view.decided ?? t('investigations.undecided')} (${view.found.decided ? t('investigations.foundInFile', { date: view.found.decided }) : t('investigations.foundNone')})</dd>
      </dl>
      ${a ? nothing : html`<p>${t('investigations.notAppraised')}</p>`}
      ${checklist.sides.map((side) => html`<section class="side" aria-labelledby=${`side-${side.id}`}>
        <h3 id=${`side-${side.id}`}>${side.label}</h3>
        <dl class="readonly">${side.items.map((i) => html`<div><dt>${i.label}</dt><dd>${this._findingLabel(a?.findings[i.id])}</dd></div>`)}</dl>
      </section>`)}
      ${a?.comment ? html`<h3>${t('investigations.comment')}</h3><p>${a.comment}</p>` : nothing}
      ${a ? html`<p class="found">${t('investigations.storedBy', { date: formatDateTime(a.updatedAt) })}</p>` : nothing}
    `;
  }

  override render() {
    const view = this.investigation;
    const checklist = this.checklist;
    if (!view || !checklist) return nothing;
    if (this.readonly) return this._renderReadonly(view, checklist);
    return html`
      ${alertLine(this._error)}
      ${this._conflict ? this._renderStored(this._conflict, checklist) : nothing}
      <form @submit=${this._save} novalidate>
        <fieldset>
          <legend>${t('investigations.dates')}</legend>
          ${this._renderDate('start', view)}
          ${this._renderDate('decided', view)}
        </fieldset>
        ${checklist.sides.map((side) => renderChecklistSide(side, this._draft.findings, (item, finding) => this._setFinding(item, finding)))}
        <label for="comment"><strong>${t('investigations.comment')}</strong></label>
        <textarea id="comment" .value=${this._draft.comment}
          @input=${(e: Event) => this._set({ comment: (e.target as HTMLTextAreaElement).value })}></textarea>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this._saving}>${this._saving ? t('investigations.saving') : t('investigations.save')}</button>
        </div>
        ${statusLine(this._notice)}
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-appraisal-form': BsAppraisalForm;
  }
}
