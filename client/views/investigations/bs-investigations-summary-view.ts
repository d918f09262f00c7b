// <bs-investigations-summary-view .api=${api} study-id="…">: "Utredningar i studien" for researchers and the
// lead (caseworkers are refused): the totals (investigations, decided, over four months, appraised, median
// days), a table per start year and per family, the checklist items most often missing (with their BBIC
// side), the server's chart as an image with the tables beside it, and a link to the CSV export.
import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { BbicSide, Checklist, InvestigationSummary } from '../../../server/domain/checklist/checklist-types.ts';
import { fetchChecklist, fetchInvestigationSummary, investigationChartUrl, investigationCsvUrl } from '../../data/investigations.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { ResearchPage, researchPageStyles } from '../research/research-page.ts';
import { studyCrumbs } from '../study/study-page.ts';

const dash = '–';
const median = (n: number | null): string => (n === null ? dash : String(n));

@customElement('bs-investigations-summary-view')
export class BsInvestigationsSummaryView extends ResearchPage {
  static override styles = [
    researchPageStyles,
    css`
      :host {
        max-width: 80rem;
      }
      h2 {
        font-size: 1.2rem;
        margin: 1.5rem 0 0.4rem;
      }
      dl.totals {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
        gap: 0.5rem 1rem;
        margin: 0.5rem 0 1rem;
      }
      dl.totals div {
        background: var(--bs-surface);
        border: 1px solid var(--bs-border);
        border-radius: 0.5rem;
        padding: 0.5rem 0.8rem;
      }
      dl.totals dt {
        color: var(--bs-muted);
      }
      dl.totals dd {
        margin: 0;
        font-size: 1.4rem;
        font-weight: 700;
      }
      .chart-and-tables {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem 2rem;
        align-items: flex-start;
      }
      .chart-and-tables figure {
        flex: 1 1 26rem;
        margin: 0;
      }
      .chart-and-tables figure img {
        max-width: 100%;
        height: auto;
        background: #fff;
      }
      .tables {
        flex: 1 1 24rem;
        min-width: 0;
      }
      td.num {
        text-align: right;
      }
    `,
  ];

  protected readonly heading = t('investigations.summaryTitle');

  @state() private _summary: InvestigationSummary | null = null;
  @state() private _checklist: Checklist | null = null;

  protected load(): Promise<void> {
    return this.loadResearch(t('investigations.summaryTitle'), async (api) => {
      const [summary, checklist] = await Promise.all([fetchInvestigationSummary(api, this.studyId), fetchChecklist(api, this.studyId)]);
      this._summary = summary;
      this._checklist = checklist;
    });
  }

  private _renderTotals(s: InvestigationSummary) {
    const cell = (label: string, value: string | number) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
    return html`<dl class="totals">
      ${cell(t('investigations.total'), s.total)}
      ${cell(t('investigations.totalDecided'), s.decided)}
      ${cell(t('investigations.totalOver'), s.overLimit)}
      ${cell(t('investigations.totalAppraised'), s.appraised)}
      ${cell(t('investigations.totalMedian'), median(s.medianDays))}
    </dl>`;
  }

  private _renderByYear(s: InvestigationSummary) {
    return html`<h2 id="by-year">${t('investigations.byYear')}</h2>
      <div class="table-wrap"><table class="stacked" aria-labelledby="by-year">
        <caption class="visually-hidden">${t('investigations.byYearCaption')}</caption>
        <thead><tr>
          <th scope="col">${t('investigations.col.year')}</th>
          <th scope="col">${t('investigations.col.n')}</th>
          <th scope="col">${t('investigations.col.over')}</th>
          <th scope="col">${t('investigations.col.median')}</th>
        </tr></thead>
        <tbody>${s.byYear.map((y) => html`<tr>
          <th scope="row">${y.year}</th>
          <td class="num" data-label=${t('investigations.col.n')}>${y.n}</td>
          <td class="num" data-label=${t('investigations.col.over')}>${y.overLimit}</td>
          <td class="num" data-label=${t('investigations.col.median')}>${median(y.medianDays)}</td>
        </tr>`)}</tbody>
      </table></div>`;
  }

  private _renderByFamily(s: InvestigationSummary) {
    return html`<h2 id="by-family">${t('investigations.byFamily')}</h2>
      <div class="table-wrap"><table class="stacked" aria-labelledby="by-family">
        <caption class="visually-hidden">${t('investigations.byFamilyCaption')}</caption>
        <thead><tr>
          <th scope="col">${t('investigations.col.family')}</th>
          <th scope="col">${t('investigations.col.n')}</th>
          <th scope="col">${t('investigations.col.over')}</th>
          <th scope="col">${t('investigations.col.median')}</th>
        </tr></thead>
        <tbody>${s.byFamily.map((f) => html`<tr>
          <th scope="row"><a href=${hrefFor({ name: 'family', studyId: this.studyId, familyId: f.familyId, tab: 'utredningar' })}>${f.pseudonym}</a></th>
          <td class="num" data-label=${t('investigations.col.n')}>${f.n}</td>
          <td class="num" data-label=${t('investigations.col.over')}>${f.overLimit}</td>
          <td class="num" data-label=${t('investigations.col.median')}>${median(f.medianDays)}</td>
        </tr>`)}</tbody>
      </table></div>`;
  }

  private _renderItems(s: InvestigationSummary, checklist: Checklist | null) {
    const items = new Map(checklist?.sides.flatMap((side) => side.items.map((i) => [i.id, i.label] as const)) ?? []);
    const sides = new Map<BbicSide, string>(checklist?.sides.map((side) => [side.id, side.label] as const) ?? []);
    return html`<h2 id="missing">${t('investigations.missingTitle')}</h2>
      ${s.appraised === 0
        ? html`<p>${t('investigations.noneAppraised')}</p>`
        : html`<div class="table-wrap"><table class="stacked" aria-labelledby="missing">
            <caption class="visually-hidden">${t('investigations.missingCaption')}</caption>
            <thead><tr>
              <th scope="col">${t('investigations.col.item')}</th>
              <th scope="col">${t('investigations.col.side')}</th>
              <th scope="col">${t('investigations.col.missing')}</th>
              <th scope="col">${t('investigations.col.shown')}</th>
              <th scope="col">${t('investigations.col.notApplicable')}</th>
            </tr></thead>
            <tbody>${s.items.map((i) => html`<tr>
              <th scope="row">${items.get(i.item) ?? i.item}</th>
              <td data-label=${t('investigations.col.side')}>${sides.get(i.side) ?? i.side}</td>
              <td class="num" data-label=${t('investigations.col.missing')}>${i.missing}</td>
              <td class="num" data-label=${t('investigations.col.shown')}>${i.shown}</td>
              <td class="num" data-label=${t('investigations.col.notApplicable')}>${i.notApplicable}</td>
            </tr>`)}</tbody>
          </table></div>`}`;
  }

  override render() {
    const study = this.study;
    const s = this._summary;
    if (this.blocked || !study || !s) return this.renderNotReady();
    const base = this.api?.base ?? '';
    return html`
      ${studyCrumbs(study, t('investigations.summaryTitle'))}
      <h1>${t('investigations.summaryTitle')}</h1>
      <p>${t('investigations.summaryIntro')}</p>
      <p><a href=${base + investigationCsvUrl(study.id)} download>${t('investigations.csv')}</a></p>
      ${this._renderTotals(s)}
      ${s.total === 0
        ? html`<p>${t('investigations.noneInStudy')}</p>`
        : html`<div class="chart-and-tables">
            <figure>
              <img src=${base + investigationChartUrl(study.id)} alt=${t('investigations.chartAlt')} />
            </figure>
            <div class="tables">
              ${this._renderByYear(s)}
              ${this._renderByFamily(s)}
            </div>
          </div>`}
      ${this._renderItems(s, this._checklist)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-investigations-summary-view': BsInvestigationsSummaryView;
  }
}
