// <bs-inventory-summary-view .api=${api} study-id="…">: "Sammanställning av inventeringen"
// (#/studier/<id>/inventering) for the lead and researchers: how many are rated, the distribution over the
// levels with 95 % Wilson intervals overall and per unit, how often each criterion was ticked, the
// agreement on the double-rated sample (weighted κ), and the chart with the overall table beside it.
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { InventoryConfig, InventorySummary, LevelShare } from '../../../server/domain/inventory/inventory-types.ts';
import { fetchInventorySummary, inventoryChartUrl } from '../../data/inventory.ts';
import { t } from '../../i18n/sv.ts';
import { ResearchPage, researchPageStyles } from '../research/research-page.ts';
import { studyCrumbs } from '../study/study-page.ts';
import { formatInterval, formatKappa, formatShare, labelOf } from './inventory-format.ts';

@customElement('bs-inventory-summary-view')
export class BsInventorySummaryView extends ResearchPage {
  static override styles = [
    researchPageStyles,
    css`
      .beside {
        display: flex;
        flex-wrap: wrap;
        gap: 1.5rem;
        align-items: flex-start;
      }
      .beside figure {
        margin: 0;
      }
      .beside img {
        max-width: min(100%, 32rem);
        height: auto;
        background: var(--bs-surface);
      }
      table {
        border-collapse: collapse;
        background: var(--bs-surface);
        margin-bottom: 1rem;
        width: auto;
      }
      .units {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1.5rem;
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding: 0.3rem 0;
      }
      th,
      td {
        text-align: left;
        padding: 0.35rem 0.7rem;
        border-bottom: 1px solid var(--bs-border);
      }
      td.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      .hint {
        color: var(--bs-muted);
        max-width: 50rem;
      }
      dl.kappa {
        display: grid;
        grid-template-columns: max-content auto;
        gap: 0.2rem 1rem;
      }
      dl.kappa dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  protected readonly heading = t('inventory.summary.title');

  @state() private _summary: InventorySummary | null = null;

  protected load(): Promise<void> {
    return this.loadResearch(this.heading, async (api, study) => {
      if (study.kind === 'inventory') this._summary = await fetchInventorySummary(api, study.id);
    });
  }

  private _levelTable(config: InventoryConfig, caption: string, levels: LevelShare[], id?: string) {
    return html`<table id=${id ?? nothing}>
      <caption>${caption}</caption>
      <thead><tr>
        <th scope="col">${t('inventory.summary.col.level')}</th>
        <th scope="col">${t('inventory.summary.col.n')}</th>
        <th scope="col">${t('inventory.summary.col.share')}</th>
        <th scope="col">${t('inventory.summary.col.ci')}</th>
      </tr></thead>
      <tbody>${levels.map((l) => html`<tr>
        <th scope="row">${labelOf(config.scale, l.level)}</th>
        <td class="num">${l.n}</td>
        <td class="num">${formatShare(l.share)}</td>
        <td class="num">${formatInterval(l.ci95)}</td>
      </tr>`)}</tbody>
    </table>`;
  }

  private _renderKappa(summary: InventorySummary) {
    const k = summary.kappa;
    return html`<section aria-labelledby="inv-kappa-h">
      <h2 id="inv-kappa-h">${t('inventory.summary.agreement')}</h2>
      ${k
        ? html`<p>${t('inventory.summary.pairs', { n: k.n, sample: k.sample })}</p>
            <dl class="kappa">
              <dt>${t('inventory.summary.kappaLinear')}</dt><dd>${formatKappa(k.linear)}</dd>
              <dt>${t('inventory.summary.kappaQuadratic')}</dt><dd>${formatKappa(k.quadratic)}</dd>
              <dt>${t('inventory.summary.kappaUnweighted')}</dt><dd>${formatKappa(k.unweighted)}</dd>
              <dt>${t('inventory.summary.observed')}</dt><dd>${formatShare(k.observed)}</dd>
            </dl>`
        : html`<p>${t('inventory.summary.agreementNone')}</p>`}
      <p class="hint">${t('inventory.summary.kappaHint')}</p>
    </section>`;
  }

  override render() {
    const study = this.study;
    if (this.blocked || !study) return this.renderNotReady();
    const config = study.inventory;
    const summary = this._summary;
    const head = html`${studyCrumbs(study, this.heading)}<h1>${this.heading}</h1>`;
    if (study.kind !== 'inventory' || !config) return html`${head}<p>${t('inventory.summary.notInventory')}</p>`;
    if (!summary) return html`${head}<p role="status">${t('app.loading')}</p>`;
    return html`
      ${head}
      <p><strong>${t('inventory.summary.totals', { rated: summary.rated, total: summary.total, unrated: summary.total - summary.rated })}</strong></p>
      <section aria-labelledby="inv-levels-h">
        <h2 id="inv-levels-h">${t('inventory.summary.levels')}</h2>
        <p class="hint">${t('inventory.summary.ciHint')}</p>
        <div class="beside">
          <figure>
            <img src=${inventoryChartUrl(study.id)} alt=${t('inventory.summary.chartAlt')} />
            <figcaption class="hint">${t('inventory.summary.chart')}</figcaption>
          </figure>
          ${this._levelTable(config, t('inventory.summary.overall'), summary.levels, 'inv-overall')}
        </div>
        <div class="units">
          ${summary.units.map((u) => this._levelTable(config,
            t('inventory.summary.unit', { unit: labelOf(config.units, u.unit), rated: u.rated, total: u.total }), u.levels))}
        </div>
      </section>
      <section aria-labelledby="inv-criteria-h">
        <h2 id="inv-criteria-h">${t('inventory.summary.criteria')}</h2>
        <p class="hint">${t('inventory.summary.criteriaHint')}</p>
        <table>
          <thead><tr><th scope="col">${t('inventory.summary.col.criterion')}</th><th scope="col">${t('inventory.summary.col.n')}</th></tr></thead>
          <tbody>${summary.criteria.map((c) => html`<tr><th scope="row">${labelOf(config.criteria, c.criterion)}</th><td class="num">${c.n}</td></tr>`)}</tbody>
        </table>
      </section>
      ${this._renderKappa(summary)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-inventory-summary-view': BsInventorySummaryView;
  }
}
