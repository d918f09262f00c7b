// The units part of the new-round form in bs-agreement-view: a random sample of the study's annotations
// (how many, and the seed so the draw can be repeated) or annotations ticked by hand, both narrowed by an
// optional family and question. Rendered into the view's own shadow root (labels and hints refer by id).
import { html } from 'lit';
import type { AnnotationView, FamilyView, StudyView } from '../../../server/domain/types.ts';
import { t } from '../../i18n/sv.ts';

export type UnitsMode = 'sample' | 'hand';

/** A quote on one line, cut at `max` characters with "…". */
export function shortQuote(text: string, max = 120): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** The annotations that pass the family and question filters ('' passes all), in the order given. */
export function matchingAnnotations(annotations: readonly AnnotationView[], family: string, question: string): AnnotationView[] {
  return annotations.filter((a) => (!family || a.familyId === family) && (!question || a.questionId === question));
}

export interface UnitsFields {
  study: StudyView;
  mode: UnitsMode;
  family: string;
  question: string;
  families: FamilyView[];
  /** The study's annotations; null until fetched. */
  annotations: AnnotationView[] | null;
  picked: ReadonlySet<string>;
  n: string;
  seed: string;
  setMode(mode: UnitsMode): void;
  setFamily(id: string): void;
  setQuestion(id: string): void;
  setN(text: string): void;
  setSeed(text: string): void;
  pick(annotationId: string, on: boolean): void;
}

export function renderUnitsFields(u: UnitsFields) {
  return html`<fieldset>
    <legend>${t('agreement.fieldUnits')}</legend>
    <fieldset>
      <legend>${t('agreement.fieldMode')}</legend>
      <div class="row">${(['sample', 'hand'] as const).map((mode) => html`<label class="check">
        <input type="radio" name="round-mode" value=${mode} .checked=${u.mode === mode} @change=${() => u.setMode(mode)} />
        ${t(mode === 'sample' ? 'agreement.modeSample' : 'agreement.modeHand')}</label>`)}</div>
    </fieldset>
    ${renderFilters(u)}
    ${u.mode === 'sample' ? renderSample(u) : renderPicks(u)}
  </fieldset>`;
}

function renderFilters(u: UnitsFields) {
  return html`<div class="row">
    <div class="field">
      <label for="round-family">${t('agreement.fieldFamily')}</label>
      <select id="round-family" class="filter" @change=${(e: Event) => u.setFamily((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!u.family}>${t('agreement.allFamilies')}</option>
        ${u.families.map((f) => html`<option value=${f.id} ?selected=${f.id === u.family}>${f.pseudonym}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="round-question">${t('agreement.fieldQuestion')}</label>
      <select id="round-question" class="filter" @change=${(e: Event) => u.setQuestion((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!u.question}>${t('agreement.allQuestions')}</option>
        ${u.study.questions.map((q) => html`<option value=${q.id} ?selected=${q.id === u.question}>${q.label}</option>`)}
      </select>
    </div>
  </div>`;
}

function renderSample(u: UnitsFields) {
  const pool = u.annotations ? matchingAnnotations(u.annotations, u.family, u.question).length : null;
  return html`
    <p class="hint" id="pool-hint" aria-live="polite">${pool === null ? t('agreement.loadingAnnotations')
      : pool === 1 ? t('agreement.poolOne') : t('agreement.pool', { n: pool })}</p>
    <div class="row">
      <div class="field">
        <label for="round-n">${t('agreement.fieldN')}</label>
        <input id="round-n" class="short" type="number" min="1" step="1" inputmode="numeric" aria-describedby="pool-hint" .value=${u.n}
          @input=${(e: Event) => u.setN((e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="round-seed">${t('agreement.fieldSeed')}</label>
        <input id="round-seed" class="short" type="text" inputmode="numeric" aria-describedby="seed-hint" .value=${u.seed}
          @input=${(e: Event) => u.setSeed((e.target as HTMLInputElement).value)} />
      </div>
    </div>
    <p class="hint" id="seed-hint">${t('agreement.fieldSeedHint')}</p>`;
}

function renderPicks(u: UnitsFields) {
  if (!u.annotations) return html`<p role="status">${t('agreement.loadingAnnotations')}</p>`;
  const shown = matchingAnnotations(u.annotations, u.family, u.question);
  const families = new Map(u.families.map((f) => [f.id, f.pseudonym]));
  const questions = new Map(u.study.questions.map((q) => [q.id, q.label]));
  return html`<fieldset>
    <legend>${t('agreement.fieldPicks')}</legend>
    <p class="hint">${t('agreement.picksHint')}</p>
    <p id="picked-count" aria-live="polite">${t('agreement.picked', { n: u.picked.size })}</p>
    ${shown.length
      ? html`<div class="choices picks">${shown.map((a) => html`<label class="check">
          <input type="checkbox" value=${a.id} .checked=${u.picked.has(a.id)}
            @change=${(e: Event) => u.pick(a.id, (e.target as HTMLInputElement).checked)} />
          ${t('agreement.pickLabel', {
            family: families.get(a.familyId) ?? a.familyId, question: questions.get(a.questionId) ?? a.questionId, quote: shortQuote(a.target.exact),
          })}</label>`)}</div>`
      : html`<p class="notice">${t('agreement.noPicks')}</p>`}
  </fieldset>`;
}
