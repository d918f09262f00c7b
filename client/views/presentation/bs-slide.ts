// <bs-slide .slide=${slide}>: one slide of the deck, drawn by its kind (slides.ts). Sizes are in container
// units of the slide box (cqw), so the same slide reads the same in the page, in full screen and in print.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatDateLong, t } from '../../i18n/sv.ts';
import type { Slide, SlideCode } from './slides.ts';
import './bs-slide-chart.ts';

@customElement('bs-slide')
export class BsSlide extends LitElement {
  static override styles = css`
    :host {
      display: block;
      height: 100%;
    }
    .slide {
      height: 100%;
      display: flex;
      flex-direction: column;
      padding: 4cqw 5cqw;
      gap: 1.2cqw;
      font-size: 2.2cqw;
      line-height: 1.35;
      overflow: hidden;
    }
    h2 {
      font-size: 3.6cqw;
      line-height: 1.2;
      margin: 0 0 0.4em;
      color: var(--bs-accent-strong);
    }
    .title {
      justify-content: center;
      text-align: center;
    }
    .title h2 {
      font-size: 5cqw;
    }
    .title .subtitle {
      font-size: 2.6cqw;
      color: var(--bs-muted);
    }
    .title .brand {
      margin-top: 3cqw;
      font-weight: 700;
      letter-spacing: 0.05em;
      color: var(--bs-accent);
    }
    p {
      margin: 0 0 0.5em;
    }
    dl.counts {
      display: grid;
      grid-template-columns: repeat(4, 1fr);
      gap: 1.2cqw 2cqw;
      margin: 0;
    }
    dl.counts div {
      border-left: 0.4cqw solid var(--bs-accent);
      padding-left: 0.8cqw;
    }
    dl.counts dt {
      font-size: 0.7em;
      color: var(--bs-muted);
    }
    dl.counts dd {
      margin: 0;
      font-size: 1.3em;
      font-weight: 700;
    }
    .label {
      font-weight: 700;
    }
    table {
      border-collapse: collapse;
      font-size: 0.9em;
    }
    th,
    td {
      text-align: left;
      padding: 0.3em 1.2em 0.3em 0;
      border-bottom: 1px solid var(--bs-border);
    }
    td.n {
      text-align: right;
    }
    .finding {
      display: grid;
      grid-template-columns: 1fr;
      gap: 2cqw;
      flex: 1 1 auto;
      min-height: 0;
    }
    .finding.with-chart {
      grid-template-columns: 3fr 2fr;
    }
    ul.codes {
      list-style: none;
      margin: 0;
      padding: 0;
      font-size: 0.85em;
    }
    ul.codes > li {
      margin-bottom: 0.9em;
      padding-left: 0.7em;
      border-left: 0.5cqw solid var(--bs-border-strong);
    }
    .code-name {
      font-weight: 700;
    }
    .code-count {
      color: var(--bs-muted);
      font-size: 0.85em;
    }
    blockquote {
      margin: 0.3em 0 0;
      font-style: italic;
      font-size: 0.85em;
    }
    blockquote footer {
      font-style: normal;
      font-size: 0.8em;
      color: var(--bs-muted);
    }
    .chart-only {
      flex: 1 1 auto;
      min-height: 0;
    }
    ul.questions {
      font-size: 1.05em;
      margin: 0 0 1em;
    }
    .bibliography {
      font-size: 0.6em;
      color: var(--bs-muted);
    }
    .bibliography p {
      margin: 0 0 0.3em;
      padding-left: 2em;
      text-indent: -2em;
    }
  `;

  @property({ attribute: false }) slide?: Slide;

  override render() {
    const s = this.slide;
    if (!s) return nothing;
    switch (s.kind) {
      case 'title':
        return html`<div class="slide title">
          <h2>${s.title}</h2>
          <p class="subtitle">${s.subtitle}</p>
          <p class="brand">${s.brand}</p>
        </div>`;
      case 'method':
        return html`<div class="slide">
          <h2>${s.title}</h2>
          ${s.purpose ? html`<p><span class="label">${t('slide.method.purpose')}:</span> ${s.purpose}</p>` : nothing}
          ${s.criteria ? html`<p><span class="label">${t('slide.method.criteria')}:</span> ${s.criteria}</p>` : nothing}
          <p class="label">${t('slide.method.material')}</p>
          <dl class="counts">${s.counts.map((c) => html`<div><dt>${c.label}</dt><dd>${c.value}</dd></div>`)}</dl>
        </div>`;
      case 'families':
        return html`<div class="slide">
          <h2>${s.title}</h2>
          <table>
            <thead><tr>
              <th scope="col">${t('slide.families.name')}</th><th scope="col">${t('slide.families.years')}</th>
              <th scope="col">${t('slide.families.entries')}</th>
            </tr></thead>
            <tbody>${s.families.map((f) => html`<tr><td>${f.name}</td><td>${f.years}</td><td class="n">${f.entries}</td></tr>`)}</tbody>
          </table>
        </div>`;
      case 'finding':
        return html`<div class="slide">
          <h2>${s.title}</h2>
          <div class="finding ${s.charts.length ? 'with-chart' : ''}">
            <div>
              ${s.codes.length
                ? html`<ul class="codes" aria-label=${t('slide.finding.codes')}>${s.codes.map((c) => this._code(c))}</ul>`
                : html`<p>${t('slide.finding.noCodes')}</p>`}
            </div>
            ${s.charts.length ? html`<div>${s.charts.map((c) => html`<bs-slide-chart .chart=${c}></bs-slide-chart>`)}</div>` : nothing}
          </div>
        </div>`;
      case 'chart':
        return html`<div class="slide">
          <h2>${s.title}</h2>
          <bs-slide-chart class="chart-only" .chart=${s.chart}></bs-slide-chart>
        </div>`;
      case 'closing':
        return html`<div class="slide">
          <h2>${s.title}</h2>
          <ul class="questions">${s.questions.map((q) => html`<li>${q}</li>`)}</ul>
          ${s.bibliography.length
            ? html`<div class="bibliography">
                <p class="label">${t('slide.closing.bibliography')}</p>
                ${s.bibliography.map((b) => html`<p>${b}</p>`)}
                ${s.more ? html`<p>${t('slide.closing.more', { n: s.more })}</p>` : nothing}
              </div>`
            : nothing}
        </div>`;
    }
  }

  private _code(c: SlideCode) {
    return html`<li>
      <span class="code-name">${c.name}</span>
      <span class="code-count">${t('slide.finding.count', { count: c.count, families: c.families })}</span>
      ${c.quotes.map((q) => html`<blockquote>”${q.text}”
        <footer>${q.familyName}${q.date ? `, ${formatDateLong(q.date)}` : ''}</footer></blockquote>`)}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-slide': BsSlide;
  }
}
