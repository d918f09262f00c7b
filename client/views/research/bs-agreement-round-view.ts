// <bs-agreement-round-view .api=${api} study-id="…" round-id="…" user-id="…">: one agreement round.
// Open: a coder codes each unit (its text, its family, the caseworker's comment) with the round's codes,
// saved per unit; "Ingen kod passar" is its own button so that a unit coded with no code differs from one
// not yet coded. Nothing of the other coders is shown (the API does not send it either). The lead and the
// round's creator see how many units each coder has coded and close the round. Closed: percent
// agreement, Krippendorff's α, Cohen's κ per code and pair, the gold-standard verdicts and the
// disagreements side by side, which the lead or the creator settles into the study's codings.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AgreementResult, AgreementRoundView, RoundUnitView, StudyView } from '../../../server/domain/types.ts';
import { closeRound, codeUnit, fetchRound, resolveUnit } from '../../data/agreement.ts';
import { errorMessage } from '../../data/api.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { alertLine, statusLine } from '../../components/feedback.ts';
import { studyCrumbs } from '../study/study-page.ts';
import { renderRoundProgress } from './agreement-progress.ts';
import { renderAgreementResult } from './agreement-result.ts';
import { agreementRoundStyles } from './agreement-round-styles.ts';
import { renderSettleForm } from './agreement-settle-form.ts';
import { renderUnitSegment } from './agreement-unit-segment.ts';
import { unitsInfo } from './agreement-units-info.ts';
import { ResearchPage, researchPageStyles } from './research-page.ts';

/** Ticking a box gives a new set (Lit sees the change); the map of drafts is replaced too. */
function toggled(set: ReadonlySet<string> | undefined, id: string, on: boolean): Set<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

@customElement('bs-agreement-round-view')
export class BsAgreementRoundView extends ResearchPage {
  static override styles = [researchPageStyles, agreementRoundStyles];

  @property({ attribute: 'round-id' }) roundId = '';
  @property({ attribute: 'user-id' }) userId = '';

  @state() private _round: AgreementRoundView | null = null;
  /** A coder's ticked codes per unit, before they are saved. */
  @state() private _drafts = new Map<string, Set<string>>();
  /** Units whose codes were just saved ("Sparat"), and per-unit errors. */
  @state() private _saved = new Set<string>();
  @state() private _unitErrors = new Map<string, string>();
  @state() private _busyUnit = '';
  @state() private _asking = false;
  @state() private _closing = false;
  @state() private _closeError = '';
  /** Disagreements whose "Bestäm" form is open, their ticked codes, and those just settled. */
  @state() private _deciding = new Map<string, Set<string>>();
  @state() private _decided = new Set<string>();

  override willUpdate(changed: Map<string, unknown>): void {
    super.willUpdate(changed);
    const reloads = changed.has('studyId') || changed.has('api') || changed.has('session');
    if (!reloads && changed.has('roundId')) void this.load();
  }

  protected get heading(): string {
    return this._round?.title ?? t('agreement.title');
  }

  protected load(): Promise<void> {
    return this.loadResearch(null, async (api, study) => {
      const round = await fetchRound(api, this.studyId, this.roundId);
      this._setRound(round);
      document.title = `${round.title}: ${study.title} – ${t('app.name')}`;
    });
  }

  private _setRound(round: AgreementRoundView): void {
    this._round = round;
    // The boxes start from what I saved; a unit I have not coded starts with none ticked.
    this._drafts = new Map(round.units.map((u) => [u.id, new Set(u.mine ?? [])]));
  }

  private _codeName(id: string): string {
    return this._round?.codes.find((c) => c.id === id)?.name ?? t('agreement.deletedCode');
  }

  private _coderName(id: string): string {
    return this._round?.coders.find((c) => c.id === id)?.displayName || id;
  }

  private _isManager(study: StudyView, round: AgreementRoundView): boolean {
    return study.role === 'lead' || round.createdBy === this.userId;
  }

  /** Nothing is coded, closed or settled in a closed study: the round is shown as it stands. */
  private _writable(study: StudyView): boolean {
    return study.status !== 'closed';
  }

  private async _save(unit: RoundUnitView, codeIds: string[]): Promise<void> {
    const api = this.api;
    const round = this._round;
    if (!api || !round || this._busyUnit) return;
    const errors = new Map(this._unitErrors);
    errors.delete(unit.id);
    this._unitErrors = errors;
    this._saved = new Set([...this._saved].filter((id) => id !== unit.id));
    this._busyUnit = unit.id;
    try {
      const answer = await codeUnit(api, this.studyId, round.id, unit.id, codeIds);
      const current = this._round ?? round;
      this._round = { ...current, units: current.units.map((u) => (u.id === unit.id ? { ...u, mine: answer.codeIds } : u)) };
      this._drafts = new Map(this._drafts).set(unit.id, new Set(answer.codeIds));
      this._saved = new Set(this._saved).add(unit.id);
    } catch (err) {
      this._unitErrors = new Map(this._unitErrors).set(unit.id, errorMessage(err));
    } finally {
      this._busyUnit = '';
    }
  }

  private _saveTicked(unit: RoundUnitView): void {
    const round = this._round;
    const ticked = this._drafts.get(unit.id);
    if (!round) return;
    // No box ticked is not a coding: "Ingen kod passar" says so on purpose.
    if (!ticked?.size) {
      this._unitErrors = new Map(this._unitErrors).set(unit.id, t('agreement.pickOne'));
      return;
    }
    void this._save(unit, round.codeIds.filter((id) => ticked.has(id)));
  }

  private async _close(): Promise<void> {
    const api = this.api;
    const round = this._round;
    if (!api || !round || this._closing) return;
    this._closing = true;
    this._closeError = '';
    try {
      this._setRound(await closeRound(api, this.studyId, round.id));
      this._asking = false;
    } catch (err) {
      this._closeError = errorMessage(err);
    } finally {
      this._closing = false;
    }
  }

  private async _resolve(unitId: string): Promise<void> {
    const api = this.api;
    const round = this._round;
    const ticked = this._deciding.get(unitId);
    if (!api || !round || !ticked || this._busyUnit) return;
    this._busyUnit = unitId;
    const errors = new Map(this._unitErrors);
    errors.delete(unitId);
    this._unitErrors = errors;
    try {
      const answer = await resolveUnit(api, this.studyId, round.id, unitId, round.codeIds.filter((id) => ticked.has(id)));
      const current = this._round ?? round;
      this._round = { ...current, units: current.units.map((u) => (u.id === unitId ? { ...u, resolution: answer.resolution } : u)) };
      const deciding = new Map(this._deciding);
      deciding.delete(unitId);
      this._deciding = deciding;
      this._decided = new Set(this._decided).add(unitId);
    } catch (err) {
      this._unitErrors = new Map(this._unitErrors).set(unitId, errorMessage(err));
    } finally {
      this._busyUnit = '';
    }
  }

  private _codeList(ids: readonly string[]): string {
    return ids.length ? ids.map((id) => this._codeName(id)).join(', ') : t('agreement.noCode');
  }

  private _renderCodingUnit(round: AgreementRoundView, unit: RoundUnitView, index: number) {
    const n = index + 1;
    const ticked = this._drafts.get(unit.id) ?? new Set<string>();
    const busy = this._busyUnit !== '';
    const state = unit.mine === null ? t('agreement.unitUncoded')
      : unit.mine.length ? t('agreement.unitCoded', { codes: this._codeList(unit.mine) })
      : t('agreement.unitCodedEmpty');
    return html`<li><article class="unit" data-unit-id=${unit.id} aria-labelledby="unit-${unit.id}">
      <h3 id="unit-${unit.id}">${t('agreement.unitHeading', { n, m: round.units.length })}</h3>
      ${renderUnitSegment(unit)}
      <fieldset>
        <legend>${t('agreement.codesLegend', { n })}</legend>
        <div class="choices">${round.codes.map((c) => html`<label class="check">
          <input type="checkbox" .checked=${ticked.has(c.id)} ?disabled=${busy}
            @change=${(e: Event) => (this._drafts = new Map(this._drafts).set(unit.id, toggled(ticked, c.id, (e.target as HTMLInputElement).checked)))} />
          ${c.color ? html`<span class="swatch" style="--swatch:${c.color}" aria-hidden="true"></span>` : nothing}${c.name ?? t('agreement.deletedCode')}</label>`)}</div>
        <div class="buttons">
          <button type="button" class="primary" ?disabled=${busy} @click=${() => this._saveTicked(unit)}>${t('agreement.save')}</button>
          <button type="button" ?disabled=${busy} @click=${() => void this._save(unit, [])}>${t('agreement.noCodeFits')}</button>
        </div>
      </fieldset>
      <p class="state">${state}</p>
      ${alertLine(this._unitErrors.get(unit.id))}
      ${statusLine(this._saved.has(unit.id) ? t('agreement.saved') : null)}
    </article></li>`;
  }

  private _renderReadOnlyUnit(round: AgreementRoundView, unit: RoundUnitView, index: number) {
    return html`<li><article class="unit" data-unit-id=${unit.id} aria-labelledby="unit-${unit.id}">
      <h3 id="unit-${unit.id}">${t('agreement.unitHeading', { n: index + 1, m: round.units.length })}</h3>
      ${renderUnitSegment(unit)}
    </article></li>`;
  }

  private _renderOpen(study: StudyView, round: AgreementRoundView) {
    const coder = round.coderIds.includes(this.userId) && this._writable(study);
    const coded = round.units.filter((u) => u.mine !== null).length;
    return html`
      ${this._writable(study) ? nothing : html`<p class="notice">${t('agreement.studyClosed')}</p>`}
      ${this._isManager(study, round)
        ? renderRoundProgress({
          round, canClose: this._writable(study), asking: this._asking, closing: this._closing, error: this._closeError,
          coderName: (id) => this._coderName(id), ask: (on) => (this._asking = on), close: () => void this._close(),
        })
        : nothing}
      <section aria-labelledby="units-title">
        <h2 id="units-title">${t('agreement.unitsTitle')}</h2>
        ${coder
          ? html`<p>${t('agreement.blindNote')}</p>
              <p class="count" role="status" id="my-progress">${t('agreement.myProgress', { n: coded, m: round.units.length })}</p>`
          : html`<p class="notice">${t('agreement.notCoderNote')}</p>`}
        <ol class="units">${round.units.map((u, i) => (coder ? this._renderCodingUnit(round, u, i) : this._renderReadOnlyUnit(round, u, i)))}</ol>
      </section>
    `;
  }

  private _renderDisagreement(study: StudyView, round: AgreementRoundView, d: AgreementResult['disagreements'][number]) {
    const index = round.units.findIndex((u) => u.id === d.unit);
    const unit = round.units[index];
    if (!unit) return nothing;
    const codings = unit.codings ?? d.codings;
    const ticked = this._deciding.get(unit.id);
    const manager = this._isManager(study, round) && this._writable(study);
    return html`<li><article class="unit" data-unit-id=${unit.id} aria-labelledby="d-${unit.id}">
      <h3 id="d-${unit.id}">${t('agreement.unitHeading', { n: index + 1, m: round.units.length })}</h3>
      ${renderUnitSegment(unit)}
      <div class="table-wrap"><table class="stacked codings">
        <thead><tr><th scope="col">${t('agreement.kappaPair')}</th><th scope="col">${t('agreement.kappaCode')}</th></tr></thead>
        <tbody>${round.coderIds.map((coder) => html`<tr data-coder=${coder}>
          <th scope="row" data-label=${t('agreement.kappaPair')}>${this._coderName(coder)}</th>
          <td data-label=${t('agreement.kappaCode')}>${codings[coder] ? this._codeList(codings[coder]) : t('agreement.notCoded')}</td>
        </tr>`)}</tbody>
      </table></div>
      ${unit.resolution ? html`<p class="state">${t('agreement.resolvedLine', { codes: this._codeList(unit.resolution.codeIds) })}</p>` : nothing}
      ${manager && !unit.resolution
        ? renderSettleForm({
          codes: round.codes,
          ticked,
          busy: this._busyUnit !== '',
          open: () => (this._deciding = new Map(this._deciding).set(unit.id, new Set())),
          tick: (codeId, on) => (this._deciding = new Map(this._deciding).set(unit.id, toggled(ticked, codeId, on))),
          save: () => void this._resolve(unit.id),
          cancel: () => { const next = new Map(this._deciding); next.delete(unit.id); this._deciding = next; },
        })
        : nothing}
      ${alertLine(this._unitErrors.get(unit.id))}
      ${statusLine(this._decided.has(unit.id) ? t('agreement.decided') : null)}
    </article></li>`;
  }

  private _renderClosed(study: StudyView, round: AgreementRoundView) {
    const result = round.result;
    if (!result) {
      return html`<p class="notice">${t('agreement.notInvolved')}</p>
        <ol class="units">${round.units.map((u, i) => this._renderReadOnlyUnit(round, u, i))}</ol>`;
    }
    return html`
      ${renderAgreementResult(round, result, { code: (id) => this._codeName(id), coder: (id) => this._coderName(id) })}
      <section aria-labelledby="disagreements-title">
        <h2 id="disagreements-title">${t('agreement.disagreementsTitle')}</h2>
        ${result.disagreements.length
          ? html`<ol class="units">${result.disagreements.map((d) => this._renderDisagreement(study, round, d))}</ol>`
          : html`<p>${t('agreement.noDisagreements')}</p>`}
      </section>
    `;
  }

  override render() {
    const study = this.study;
    const round = this._round;
    if (this.blocked || !study || !round) return this.renderNotReady();
    return html`
      ${studyCrumbs(study, round.title, [[hrefFor({ name: 'agreement', studyId: study.id }), t('agreement.title')]])}
      <h1>${round.title}</h1>
      <p><strong>${t(round.status === 'open' ? 'agreement.roundStatusOpen' : 'agreement.roundStatusClosed')}</strong>
        ${t('agreement.codersLine', { names: round.coders.map((c) => c.displayName).join(', ') })}
        ${unitsInfo(study, round)}</p>
      ${round.status === 'open' ? this._renderOpen(study, round) : this._renderClosed(study, round)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-agreement-round-view': BsAgreementRoundView;
  }
}
