// <bs-slide-chart .chart=${chart}>: one report chart on a slide — the SVG made safe (safeSvg), named for
// screen readers by its alt text, "Figur N. Titel" under it and its numbers as a table in a <details>.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ReportChart } from '../../../server/report/report-types.ts';
import { safeSvg } from '../../common/safe-svg.ts';
import { t } from '../../i18n/sv.ts';

@customElement('bs-slide-chart')
export class BsSlideChart extends LitElement {
  static override styles = css`
    :host {
      display: block;
      min-height: 0;
    }
    figure {
      margin: 0;
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 0.4em;
      height: 100%;
    }
    .svg {
      flex: 1 1 auto;
      min-height: 0;
      width: 100%;
      display: flex;
      justify-content: center;
    }
    svg {
      width: 100%;
      height: 100%;
      max-height: var(--bs-chart-max-height, 50cqh);
    }
    figcaption {
      font-size: 0.7em;
      color: var(--bs-muted);
    }
    details {
      font-size: 0.6em;
      align-self: stretch;
    }
    table {
      border-collapse: collapse;
      margin-top: 0.3em;
    }
    th,
    td {
      border: 1px solid var(--bs-border, #ccc);
      padding: 0.15em 0.5em;
      text-align: left;
    }
    td.n {
      text-align: right;
    }
    @media print {
      details {
        display: none;
      }
    }
  `;

  @property({ attribute: false }) chart?: ReportChart;

  private _svg: SVGSVGElement | null = null;

  override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('chart')) return;
    const chart = this.chart;
    this._svg = chart ? safeSvg(chart.svg) : null;
    if (this._svg && chart) {
      // The alt text is the chart's accessible name; the SVG's own <title> would only repeat the caption.
      this._svg.setAttribute('role', 'img');
      this._svg.setAttribute('aria-label', chart.alt);
      this._svg.removeAttribute('aria-labelledby');
      this._svg.removeAttribute('aria-describedby');
      this._svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    }
  }

  override render() {
    const chart = this.chart;
    if (!chart) return nothing;
    const table = chart.table;
    return html`<figure>
      <div class="svg">${this._svg ?? html`<p>${chart.alt}</p>`}</div>
      <figcaption>${t('presentation.chart.figure', { n: chart.figure, title: chart.title })}</figcaption>
      <details>
        <summary>${t('presentation.chart.table', { caption: table.caption })}</summary>
        <table>
          <thead><tr>${table.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
          <tbody>${table.rows.map((row) => html`<tr>${row.map((cell) => html`<td class=${typeof cell === 'number' ? 'n' : ''}>${cell}</td>`)}</tr>`)}</tbody>
        </table>
      </details>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-slide-chart': BsSlideChart;
  }
}
