// <bs-agreement-view .api=${api} study-id="…" user-id="…">: "Samstämmighet", the study's agreement rounds
// (title, open or closed, how many units I have coded) and the form for a new round: a title, the codes
// to code with, two or more coders, the units, an optional gold standard and the threshold it is judged
// by. The units are either a random sample of the annotations (with its seed, so the draw can be
// repeated) or annotations ticked by hand; both can be narrowed to one family and one question. The
// study's annotations are fetched once when the form opens and filtered here.
import { css, html, nothing } from 'lit';
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
import { ResearchPage, researchPageStyles } from './research-page.ts';

/** A seed for a new draw: any 32-bit value; shown and editable so that the draw can be repeated. */
const newSeed = (): number => Math.floor(Math.random() * 0xffff_ffff);

/** A quote on one line, cut at `max` characters with "…". */
export function shortQuote(text: string, max = 120): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** "0,80" or "0.8" → 0.8; null when it is not a number from 0 to 1. */
export function parseThreshold(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 0 && value <= 1 ? value : null;
}

@customElement('bs-agreement-view')
export class BsAgreementView extends ResearchPage {
  static override styles = [
    researchPageStyles,
    css`
      .intro {
        max-width: 56rem;
      }
      fieldset .choices {
        display: grid;
        gap: 0.35rem;
      }
      .depth {
        padding-left: calc(var(--depth, 0) * 1.4rem);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1.5rem;
      }
      input.short {
        width: 9rem;
      }
      select.filter {
        width: auto;
        max-width: 100%;
      }
      .picks {
        max-height: 24rem;
        overflow-y: auto;
      }
    `,
  ];

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
  @state() private _mode: 'sample' | 'hand' = 'sample';
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

  /** The annotations that pass the family and question filters, in the order the server lists them. */
  private _matching(): AnnotationView[] {
    return (this._annotations ?? []).filter((a) => (!this._family || a.familyId === this._family) && (!this._question || a.questionId === this._question));
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
    const pool = this._annotations ? this._matching().length : null;
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
    return html`<fieldset>
      <legend>${t('agreement.fieldUnits')}</legend>
      <fieldset>
        <legend>${t('agreement.fieldMode')}</legend>
        <div class="row">${(['sample', 'hand'] as const).map((mode) => html`<label class="check">
          <input type="radio" name="round-mode" value=${mode} .checked=${this._mode === mode} @change=${() => (this._mode = mode)} />
          ${t(mode === 'sample' ? 'agreement.modeSample' : 'agreement.modeHand')}</label>`)}</div>
      </fieldset>
      ${this._renderFilters(study)}
      ${this._mode === 'sample' ? this._renderSample() : this._renderPicks(study)}
    </fieldset>`;
  }

  private _renderFilters(study: StudyView) {
    return html`<div class="row">
      <div class="field">
        <label for="round-family">${t('agreement.fieldFamily')}</label>
        <select id="round-family" class="filter" @change=${(e: Event) => (this._family = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this._family}>${t('agreement.allFamilies')}</option>
          ${this._families.map((f) => html`<option value=${f.id} ?selected=${f.id === this._family}>${f.pseudonym}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="round-question">${t('agreement.fieldQuestion')}</label>
        <select id="round-question" class="filter" @change=${(e: Event) => (this._question = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this._question}>${t('agreement.allQuestions')}</option>
          ${study.questions.map((q) => html`<option value=${q.id} ?selected=${q.id === this._question}>${q.label}</option>`)}
        </select>
      </div>
    </div>`;
  }

  private _renderSample() {
    const pool = this._annotations ? this._matching().length : null;
    return html`
      <p class="hint" id="pool-hint" aria-live="polite">${pool === null ? t('agreement.loadingAnnotations')
        : pool === 1 ? t('agreement.poolOne') : t('agreement.pool', { n: pool })}</p>
      <div class="row">
        <div class="field">
          <label for="round-n">${t('agreement.fieldN')}</label>
          <input id="round-n" class="short" type="number" min="1" step="1" inputmode="numeric" aria-describedby="pool-hint" .value=${this._n}
            @input=${(e: Event) => (this._n = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label for="round-seed">${t('agreement.fieldSeed')}</label>
          <input id="round-seed" class="short" type="text" inputmode="numeric" aria-describedby="seed-hint" .value=${this._seed}
            @input=${(e: Event) => (this._seed = (e.target as HTMLInputElement).value)} />
        </div>
      </div>
      <p class="hint" id="seed-hint">${t('agreement.fieldSeedHint')}</p>`;
  }

  private _renderPicks(study: StudyView) {
    if (!this._annotations) return html`<p role="status">${t('agreement.loadingAnnotations')}</p>`;
    const shown = this._matching();
    const families = new Map(this._families.map((f) => [f.id, f.pseudonym]));
    const questions = new Map(study.questions.map((q) => [q.id, q.label]));
    return html`<fieldset>
      <legend>${t('agreement.fieldPicks')}</legend>
      <p class="hint">${t('agreement.picksHint')}</p>
      <p id="picked-count" aria-live="polite">${t('agreement.picked', { n: this._picked.size })}</p>
      ${shown.length
        ? html`<div class="choices picks">${shown.map((a) => html`<label class="check">
            <input type="checkbox" value=${a.id} .checked=${this._picked.has(a.id)}
              @change=${(e: Event) => (this._picked = this._toggle(this._picked, a.id, (e.target as HTMLInputElement).checked))} />
            ${t('agreement.pickLabel', {
              family: families.get(a.familyId) ?? a.familyId, question: questions.get(a.questionId) ?? a.questionId, quote: shortQuote(a.target.exact),
            })}</label>`)}</div>`
        : html`<p class="notice">${t('agreement.noPicks')}</p>`}
    </fieldset>`;
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
