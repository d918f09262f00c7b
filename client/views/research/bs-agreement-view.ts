// <bs-agreement-view .api=${api} study-id="…" user-id="…">: "Samstämmighet", the study's agreement rounds
// (title, open or closed, how many units I have coded) and the form for a new round: a title, the codes
// to code with, two or more coders, the units, an optional gold standard and the threshold it is judged
// by. The units are either a random sample of the annotations (with its seed, so the draw can be
// repeated) or annotations ticked by hand; both can be narrowed to one family and one question. The
// study's annotations are fetched once when the form opens and filtered here.
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AgreementRoundSummary, AnnotationView, FamilyView, StudyPerson, StudyView } from '../../../server/domain/types.ts';
import { createRound, fetchRounds, type RoundInput } from '../../data/agreement.ts';
import { fetchAnnotations } from '../../data/annotations.ts';
import { errorMessage } from '../../data/api.ts';
import { fetchCodes, type CodeListItem } from '../../data/research.ts';
import { fetchFamilies } from '../../data/studies.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { alertLine } from '../../components/feedback.ts';
import { studyCrumbs } from '../study/study-page.ts';
import { agreementViewStyles } from './agreement-view-styles.ts';
import { ResearchPage, researchPageStyles } from './research-page.ts';
import { matchingAnnotations, renderUnitsFields, type UnitsMode } from './round-units-fields.ts';

/** A seed for a new draw: any 32-bit value; shown and editable so that the draw can be repeated. */
const newSeed = (): number => Math.floor(Math.random() * 0xffff_ffff);

/** "0,80" or "0.8" → 0.8; null when it is not a number from 0 to 1. */
export function parseThreshold(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 0 && value <= 1 ? value : null;
}

@customElement('bs-agreement-view')
export class BsAgreementView extends ResearchPage {
  static override styles = [researchPageStyles, agreementViewStyles];

  /** The signed-in user: the gold standard may be the lead or the round's creator only. */
  @property({ attribute: 'user-id' }) userId = '';

  @state() private _rounds: AgreementRoundSummary[] | null = null;
  @state() private _codes: CodeListItem[] = [];
  @state() private _formOpen = false;
  @state() private _busy = false;
  @state() private _formError = '';
  // The form's fields; the sets are replaced, never mutated, so that Lit sees each change.
  @state() private _title = '';
  @state() private _codeIds = new Set<string>();
  @state() private _coderIds = new Set<string>();
  @state() private _n = '10';
  @state() private _seed = String(newSeed());
  @state() private _gold = '';
  @state() private _threshold = '0,80';
  @state() private _mode: UnitsMode = 'sample';
  /** The filters of both modes; '' is all families or all questions. */
  @state() private _family = '';
  @state() private _question = '';
  /** Annotations ticked by hand; kept when the filters hide them. */
  @state() private _picked = new Set<string>();
  /** The study's annotations and families, fetched when the form opens; null until the first answer. */
  @state() private _annotations: AnnotationView[] | null = null;
  @state() private _families: FamilyView[] = [];

  protected get heading(): string {
    return t('agreement.title');
  }

  protected load(): Promise<void> {
    return this.loadResearch(t('agreement.title'), async (api) => {
      const [rounds, codes] = await Promise.all([fetchRounds(api, this.studyId), fetchCodes(api, this.studyId)]);
      this._rounds = rounds;
      this._codes = codes;
    });
  }

  /** The study's researchers and its lead: the only ones who may code a round. */
  private _coderChoices(study: StudyView): StudyPerson[] {
    return study.people.filter((p) => p.role === 'researcher' || p.role === 'lead');
  }

  private _toggle(set: Set<string>, id: string, on: boolean): Set<string> {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  }

  private _openForm(): void {
    this._formOpen = true;
    void this._loadAnnotations();
  }

  /** Fresh each time the form opens: annotations may have been made since. */
  private async _loadAnnotations(): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      const [annotations, families] = await Promise.all([fetchAnnotations(api, this.studyId), fetchFamilies(api, this.studyId)]);
      this._families = families;
      this._annotations = annotations;
    } catch (err) {
      this._formError = errorMessage(err);
    }
  }

  /** The units as the API takes them, or what is wrong with the choice, in words. */
  private _units(): RoundInput['units'] | string {
    if (this._mode === 'hand') {
      // Picks hidden by the current filters are still chosen.
      const ids = (this._annotations ?? []).filter((a) => this._picked.has(a.id)).map((a) => a.id);
      return ids.length ? ids : t('agreement.errPicks');
    }
    const n = Number(this._n);
    const seed = Number(this._seed);
    const pool = this._annotations ? matchingAnnotations(this._annotations, this._family, this._question).length : null;
    if (!/^\s*\d+\s*$/.test(this._n) || n < 1) return t('agreement.errN');
    if (pool !== null && n > pool) return t('agreement.errNPool', { pool });
    if (!/^\s*\d+\s*$/.test(this._seed) || seed > 0xffff_ffff) return t('agreement.errSeed');
    // All families or questions is said by leaving the key out; the server records null.
    const family = this._family ? { family: this._family } : {};
    const question = this._question ? { question: this._question } : {};
    return { sample: { from: 'annotations', n, seed, ...family, ...question } };
  }

  private async _submit(e: Event, study: StudyView): Promise<void> {
    e.preventDefault();
    const api = this.api;
    if (!api || this._busy) return;
    const threshold = parseThreshold(this._threshold);
    // In the order the codebook and the member list show them, not the order they were ticked.
    const codeIds = this._codes.filter((c) => this._codeIds.has(c.id)).map((c) => c.id);
    const coderIds = this._coderChoices(study).filter((p) => this._coderIds.has(p.id)).map((p) => p.id);
    const units = this._units();
    const problem = !this._title.trim() ? t('agreement.errTitle')
      : codeIds.length === 0 ? t('agreement.errCodes')
      : coderIds.length < 2 ? t('agreement.errCoders')
      : typeof units === 'string' ? units
      : threshold === null ? t('agreement.errThreshold')
      : '';
    this._formError = problem;
    if (problem || threshold === null || typeof units === 'string') return;
    const gold = this._gold && coderIds.includes(this._gold) ? this._gold : null;
    this._busy = true;
    try {
      const round = await createRound(api, this.studyId, {
        title: this._title.trim(), codeIds, coderIds, units, goldStandard: gold, threshold,
      });
      location.hash = hrefFor({ name: 'agreement-round', studyId: this.studyId, roundId: round.id });
    } catch (err) {
      this._formError = errorMessage(err);
    } finally {
      this._busy = false;
    }
  }

  private _renderList(rounds: AgreementRoundSummary[]) {
    if (!rounds.length) return html`<p>${t('agreement.none')}</p>`;
    return html`<div class="table-wrap"><table class="stacked">
      <thead><tr>
        <th scope="col">${t('agreement.colTitle')}</th>
        <th scope="col">${t('agreement.colStatus')}</th>
        <th scope="col">${t('agreement.colUnits')}</th>
        <th scope="col">${t('agreement.colMine')}</th>
      </tr></thead>
      <tbody>${rounds.map((r) => html`<tr data-round-id=${r.id}>
        <td data-label=${t('agreement.colTitle')}><a href=${hrefFor({ name: 'agreement-round', studyId: this.studyId, roundId: r.id })}>${r.title}</a></td>
        <td data-label=${t('agreement.colStatus')}>${t(r.status === 'open' ? 'agreement.status.open' : 'agreement.status.closed')}</td>
        <td data-label=${t('agreement.colUnits')}>${r.unitCount}</td>
        <td data-label=${t('agreement.colMine')}>${r.myCoded === null ? t('agreement.notCoder') : t('agreement.mineOf', { n: r.myCoded, m: r.unitCount })}</td>
      </tr>`)}</tbody>
    </table></div>`;
  }

  private _renderUnits(study: StudyView) {
    return renderUnitsFields({
      study,
      mode: this._mode,
      family: this._family,
      question: this._question,
      families: this._families,
      annotations: this._annotations,
      picked: this._picked,
      n: this._n,
      seed: this._seed,
      setMode: (mode) => (this._mode = mode),
      setFamily: (id) => (this._family = id),
      setQuestion: (id) => (this._question = id),
      setN: (text) => (this._n = text),
      setSeed: (text) => (this._seed = text),
      pick: (id, on) => (this._picked = this._toggle(this._picked, id, on)),
    });
  }

  private _renderForm(study: StudyView) {
    if (!this._formOpen) {
      return html`<p><button type="button" class="primary" @click=${this._openForm}>${t('agreement.new')}</button></p>`;
    }
    const people = this._coderChoices(study);
    // The server takes the lead or the creator (me) as gold standard, and only among the chosen coders.
    const goldChoices = people.filter((p) => this._coderIds.has(p.id) && (p.role === 'lead' || p.id === this.userId));
    return html`<section class="panel" aria-labelledby="new-title">
      <h2 id="new-title">${t('agreement.new')}</h2>
      <form class="stack" novalidate @submit=${(e: Event) => this._submit(e, study)}>
        <div class="field">
          <label for="round-title">${t('agreement.fieldTitle')}</label>
          <input id="round-title" type="text" maxlength="200" .value=${this._title}
            @input=${(e: Event) => (this._title = (e.target as HTMLInputElement).value)} />
        </div>
        <fieldset>
          <legend>${t('agreement.fieldCodes')}</legend>
          <p class="hint">${t('agreement.fieldCodesHint')}</p>
          ${this._codes.length
            ? html`<div class="choices">${this._codes.map((c) => html`<label class="check depth" style="--depth:${c.depth}">
                <input type="checkbox" .checked=${this._codeIds.has(c.id)}
                  @change=${(e: Event) => (this._codeIds = this._toggle(this._codeIds, c.id, (e.target as HTMLInputElement).checked))} />
                <span class="swatch" style="--swatch:${c.color}" aria-hidden="true"></span>${c.name}</label>`)}</div>`
            : html`<p class="notice">${t('agreement.noCodes')}</p>`}
        </fieldset>
        <fieldset>
          <legend>${t('agreement.fieldCoders')}</legend>
          <div class="choices">${people.map((p) => html`<label class="check">
            <input type="checkbox" .checked=${this._coderIds.has(p.id)}
              @change=${(e: Event) => (this._coderIds = this._toggle(this._coderIds, p.id, (e.target as HTMLInputElement).checked))} />
            ${p.displayName} (${t(p.role === 'lead' ? 'agreement.role.lead' : 'agreement.role.researcher')})</label>`)}</div>
        </fieldset>
        ${this._renderUnits(study)}
        <div class="field">
          <label for="round-gold">${t('agreement.fieldGold')}</label>
          <select id="round-gold" aria-describedby="gold-hint" @change=${(e: Event) => (this._gold = (e.target as HTMLSelectElement).value)}>
            <option value="" ?selected=${!goldChoices.some((p) => p.id === this._gold)}>${t('agreement.goldNone')}</option>
            ${goldChoices.map((p) => html`<option value=${p.id} ?selected=${p.id === this._gold}>${p.displayName}</option>`)}
          </select>
          <p class="hint" id="gold-hint">${t('agreement.fieldGoldHint')}</p>
        </div>
        <div class="field">
          <label for="round-threshold">${t('agreement.fieldThreshold')}</label>
          <input id="round-threshold" class="short" type="text" inputmode="decimal" aria-describedby="threshold-hint" .value=${this._threshold}
            @input=${(e: Event) => (this._threshold = (e.target as HTMLInputElement).value)} />
          <p class="hint" id="threshold-hint">${t('agreement.fieldThresholdHint')}</p>
        </div>
        ${alertLine(this._formError)}
        <div class="buttons">
          <button type="submit" class="primary" ?disabled=${this._busy}>${t('agreement.create')}</button>
          <button type="button" ?disabled=${this._busy} @click=${() => { this._formOpen = false; this._formError = ''; }}>${t('agreement.cancel')}</button>
        </div>
      </form>
    </section>`;
  }

  override render() {
    const study = this.study;
    const rounds = this._rounds;
    if (this.blocked || !study || !rounds) return this.renderNotReady();
    return html`
      ${studyCrumbs(study, t('agreement.title'))}
      <h1>${t('agreement.title')}</h1>
      <p class="intro">${t('agreement.intro')}</p>
      ${study.status === 'open' ? this._renderForm(study) : nothing}
      ${this._renderList(rounds)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-agreement-view': BsAgreementView;
  }
}
