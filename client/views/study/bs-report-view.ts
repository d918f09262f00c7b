// <bs-report-view .api=${api} study-id="…" options="questions=a&quotes=3">: "Rapport", where the lead (or a
// researcher) chooses what the study report holds — questions, codes (the codebook as a tree of
// checkboxes), families, quotes per code and the small-cell limit — previews report.html in a sandboxed
// frame (same origin, no scripts: the report's own CSP and <style> apply), downloads report.html or
// report.md with the same choices, or opens them as a presentation. The choices live in the URL
// (replaced, not pushed, on every change), so a reload keeps them. Caseworkers are refused.
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { FamilyView } from '../../../server/domain/types.ts';
import type { Api } from '../../data/api.ts';
import { fetchCodes, type CodeListItem } from '../../data/research.ts';
import { fetchFamilies } from '../../data/studies.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { ResearchPage, researchPageStyles } from '../research/research-page.ts';
import { studyCrumbs } from './study-page.ts';

/** The choices as the form holds them; a null list means all (the parameter is left out). */
interface Choices {
  questions: string[] | null;
  codes: string[] | null;
  families: string[] | null;
  quotes: number;
  suppress: number;
}

const listParam = (params: URLSearchParams, name: string): string[] | null => {
  const value = params.get(name);
  return value === null ? null : value.split(',').filter(Boolean);
};
const numberParam = (params: URLSearchParams, name: string, fallback: number): number => {
  const value = params.get(name);
  return value !== null && /^\d{1,2}$/.test(value) && Number(value) <= 20 ? Number(value) : fallback;
};

export function parseChoices(options: string): Choices {
  const params = new URLSearchParams(options);
  return {
    questions: listParam(params, 'questions'),
    codes: listParam(params, 'codes'),
    families: listParam(params, 'families'),
    quotes: numberParam(params, 'quotes', 3),
    suppress: numberParam(params, 'suppress', 5),
  };
}

/** The report's query string (what GET …/export/report.* reads). */
export function choicesQuery(choices: Choices): string {
  const params = new URLSearchParams();
  for (const key of ['questions', 'codes', 'families'] as const) {
    const list = choices[key];
    if (list) params.set(key, list.join(','));
  }
  params.set('quotes', String(choices.quotes));
  params.set('suppress', String(choices.suppress));
  return params.toString();
}

@customElement('bs-report-view')
export class BsReportView extends ResearchPage {
  static override styles = [
    researchPageStyles,
    css`
      :host {
        max-width: 72rem;
      }
      .choices {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
        gap: 1rem;
      }
      fieldset ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      fieldset li {
        margin: 0.15rem 0;
      }
      .depth-1 { padding-left: 1.4rem; }
      .depth-2 { padding-left: 2.8rem; }
      .depth-3 { padding-left: 4.2rem; }
      .numbers label {
        display: block;
        margin: 0.4rem 0 0.2rem;
      }
      .numbers input {
        width: 5rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem 1rem;
        align-items: center;
        margin: 1rem 0;
      }
      iframe {
        width: 100%;
        height: 80vh;
        border: 1px solid var(--bs-border);
        background: #fff;
      }
    `,
  ];

  /** The report's query string from the URL. */
  @property() options = '';

  @state() private _codes: CodeListItem[] = [];
  @state() private _families: FamilyView[] = [];
  @state() private _choices: Choices = parseChoices('');
  /** The report.html address the preview shows; '' before the first preview. */
  @state() private _preview = '';

  override willUpdate(changed: Map<string, unknown>): void {
    super.willUpdate(changed as never);
    // Another link to the page (other choices in the URL) while it is open.
    if (changed.has('options') && this.options !== choicesQuery(this._choices)) this._choices = parseChoices(this.options);
  }

  protected get heading(): string {
    return t('report.title');
  }

  protected load(): Promise<void> {
    this._choices = parseChoices(this.options);
    return this.loadResearch(t('report.title'), async (api: Api) => {
      [this._codes, this._families] = await Promise.all([fetchCodes(api, this.studyId), fetchFamilies(api, this.studyId)]);
    });
  }

  private _exportUrl(file: string, extra = ''): string {
    return `/api/studies/${encodeURIComponent(this.studyId)}/export/${file}?${choicesQuery(this._choices)}${extra}`;
  }

  private _set(next: Partial<Choices>): void {
    this._choices = { ...this._choices, ...next };
    history.replaceState(history.state, '', hrefFor({ name: 'report', studyId: this.studyId, options: choicesQuery(this._choices) }));
  }

  /** Ticks or unticks one id of a list; all ticked is "all" (null). */
  private _toggle(key: 'questions' | 'codes' | 'families', all: string[], id: string, on: boolean): void {
    const current = new Set(this._choices[key] ?? all);
    if (on) current.add(id);
    else current.delete(id);
    const list = all.filter((x) => current.has(x));
    this._set({ [key]: list.length === all.length ? null : list });
  }

  private _number(key: 'quotes' | 'suppress', input: HTMLInputElement): void {
    const value = input.value.trim();
    const ok = /^\d{1,2}$/.test(value) && Number(value) <= 20;
    input.setCustomValidity(ok ? '' : t('report.invalidNumber'));
    if (ok) this._set({ [key]: Number(value) });
  }

  private _list(key: 'questions' | 'codes' | 'families', legend: string, items: { id: string; label: string; depth?: number }[], hint = '') {
    const all = items.map((i) => i.id);
    const chosen = new Set(this._choices[key] ?? all);
    return html`<fieldset class=${key}>
      <legend>${legend}</legend>
      ${hint ? html`<p class="hint">${hint}</p>` : nothing}
      <ul>${items.map((item) => html`<li class=${`depth-${Math.min(item.depth ?? 0, 3)}`}><label>
        <input type="checkbox" .checked=${chosen.has(item.id)}
          @change=${(e: Event) => this._toggle(key, all, item.id, (e.target as HTMLInputElement).checked)}> ${item.label}</label></li>`)}</ul>
      <button type="button" class="small" @click=${() => this._set({ [key]: null })}>${t('report.all')}</button>
      <button type="button" class="small" @click=${() => this._set({ [key]: [] })}>${t('report.none')}</button>
    </fieldset>`;
  }

  override render() {
    const study = this.study;
    if (this.blocked || !study) return this.renderNotReady();
    const query = choicesQuery(this._choices);
    return html`
      ${studyCrumbs(study, t('report.title'))}
      <h1>${t('report.title')}</h1>
      <p>${t('report.intro')}</p>
      <form class="panel" @submit=${(e: Event) => { e.preventDefault(); this._preview = this._exportUrl('report.html', '&inline=1'); }}>
        <div class="choices">
          ${this._list('questions', t('report.questions'), study.questions.map((q) => ({ id: q.id, label: q.label })))}
          ${this._codes.length
            ? this._list('codes', t('report.codes'), this._codes.map((c) => ({ id: c.id, label: c.name, depth: c.depth })), t('report.codesHint'))
            : html`<fieldset><legend>${t('report.codes')}</legend><p>${t('report.noCodes')}</p></fieldset>`}
          ${this._list('families', t('report.families'), this._families.map((f) => ({ id: f.id, label: f.pseudonym })))}
          <fieldset class="numbers">
            <legend>${t('report.title')}</legend>
            <label for="quotes">${t('report.quotes')}</label>
            <input id="quotes" type="number" min="0" max="20" step="1" .value=${String(this._choices.quotes)}
              @input=${(e: Event) => this._number('quotes', e.target as HTMLInputElement)}>
            <label for="suppress">${t('report.suppress')}</label>
            <input id="suppress" type="number" min="0" max="20" step="1" .value=${String(this._choices.suppress)}
              aria-describedby="suppress-hint" @input=${(e: Event) => this._number('suppress', e.target as HTMLInputElement)}>
            <p class="hint" id="suppress-hint">${t('report.suppressHint')}</p>
          </fieldset>
        </div>
        <div class="actions">
          <button type="submit" class="primary">${t('report.preview')}</button>
          <a class="button" href=${this._exportUrl('report.html')} download=${`rapport-${this.studyId}.html`}>${t('report.downloadHtml')}</a>
          <a class="button" href=${this._exportUrl('report.md')} download=${`rapport-${this.studyId}.md`}>${t('report.downloadMd')}</a>
          <a href=${hrefFor({ name: 'presentation', studyId: this.studyId, options: query, slide: 1 })}>${t('report.presentation')}</a>
        </div>
      </form>
      ${this._preview
        ? html`<iframe sandbox="allow-same-origin" title=${t('report.previewTitle')} src=${this._preview}></iframe>`
        : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-report-view': BsReportView;
  }
}
