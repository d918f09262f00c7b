// <bs-research-overview study-id="…" .overview=${overview}>: the researcher's and the lead's view of the
// whole study (whoever wrote it): the study's totals (codes, codings, memos, annotations, reflections) and
// a table with one row per family and one column per question — its annotations, whether that reflection
// is written (said in words, the ✓ is decoration) and its codings — then the family's reflections,
// codings and memos in all. On a narrow screen each family's row stacks into a block with the column
// names beside the values, so nothing scrolls sideways.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ResearchOverview } from '../../../server/domain/types.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { adminStyles } from '../admin/admin-styles.ts';
import { questionClass, sharedStyles } from '../base-styles.ts';

type Family = ResearchOverview['families'][number];

@customElement('bs-research-overview')
export class BsResearchOverview extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
      }
      dl.totals {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem 1.5rem;
        margin: 0 0 1rem;
      }
      dl.totals div {
        display: flex;
        gap: 0.35rem;
      }
      dl.totals dt {
        font-weight: 600;
      }
      dl.totals dt::after {
        content: ':';
      }
      dl.totals dd {
        margin: 0;
      }
      ul.cell {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.1rem;
      }
      thead th {
        white-space: normal;
      }
      td.num {
        text-align: right;
      }
      .none {
        color: var(--bs-muted);
      }
      @media (max-width: 46rem) {
        table.stacked td.num {
          text-align: left;
        }
      }
    `,
  ];

  /** Study id (for the links to the families). */
  @property({ attribute: 'study-id' }) studyId = '';

  /** GET /overview. */
  @property({ attribute: false }) overview?: ResearchOverview;

  private _renderTotals(totals: ResearchOverview['totals']) {
    const items: [string, number][] = [
      [t('overview.codes'), totals.codes],
      [t('overview.codings'), totals.codings],
      [t('overview.memos'), totals.memos],
      [t('overview.annotations'), totals.annotations],
      [t('overview.reflections'), totals.reflections],
    ];
    // A <dl> takes no accessible name of its own: the hidden heading says whose totals these are.
    return html`<h3 class="visually-hidden">${t('overview.totals')}</h3>
      <dl class="totals">
        ${items.map(([label, n]) => html`<div><dt>${label}</dt><dd>${n}</dd></div>`)}
      </dl>`;
  }

  private _renderCell(f: Family, questionId: string) {
    const c = f.byQuestion[questionId] ?? { annotations: 0, codings: 0, reflection: false };
    return html`<ul class="cell">
      <li>${t('overview.cell.annotations', { n: c.annotations })}</li>
      <li class=${c.reflection ? '' : 'none'}>
        ${c.reflection ? html`<span aria-hidden="true">✓ </span>${t('overview.cell.reflectionYes')}` : t('overview.cell.reflectionNo')}
      </li>
      <li>${t('overview.cell.codings', { n: c.codings })}</li>
    </ul>`;
  }

  override render() {
    const o = this.overview;
    if (!o) return nothing;
    return html`
      <p>${t('overview.intro')}</p>
      ${this._renderTotals(o.totals)}
      ${o.families.length === 0
        ? html`<p>${t('overview.noFamilies')}</p>`
        : html`<div class="table-wrap"><table class="stacked">
            <caption class="visually-hidden">${t('overview.caption')}</caption>
            <thead><tr>
              <th scope="col">${t('study.col.family')}</th>
              ${o.questions.map((q, i) => html`<th scope="col" class=${questionClass(i + 1)}>
                <span class="qnum" aria-hidden="true">${i + 1}</span> ${q.label}
              </th>`)}
              <th scope="col">${t('overview.col.reflections')}</th>
              <th scope="col">${t('overview.col.codings')}</th>
              <th scope="col">${t('overview.col.memos')}</th>
            </tr></thead>
            <tbody>
              ${o.families.map((f) => html`<tr data-family=${f.id}>
                <th scope="row"><a href=${hrefFor({ name: 'family', studyId: this.studyId, familyId: f.id, tab: 'akt' })}>${f.pseudonym}</a></th>
                ${o.questions.map((q) => html`<td data-label=${q.label} data-question=${q.id}>${this._renderCell(f, q.id)}</td>`)}
                <td class="num" data-label=${t('overview.col.reflections')} data-col="reflections">${f.reflections}</td>
                <td class="num" data-label=${t('overview.col.codings')} data-col="codings">${f.codings}</td>
                <td class="num" data-label=${t('overview.col.memos')} data-col="memos">${f.memos}</td>
              </tr>`)}
            </tbody>
          </table></div>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-research-overview': BsResearchOverview;
  }
}
