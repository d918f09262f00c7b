// <bs-timeline .years=${rows} .questions=${qs} .owner=${byBlock}>: the family's years as a list of
// buttons: each year shows its number of entries and its annotations by question ("1 Tidiga tecken ×3",
// number and label in text, never colour alone), and expands to its entries. Choosing a year or an entry
// fires bs-block-select so the view can scroll the reader there.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AnnotationView, ReflectionQuestion } from '../../../server/domain/types.ts';
import type { YearRow } from '../../common/chronology.ts';
import { countByQuestion } from '../../common/chronology.ts';
import { styleProps } from '../../common/style-props.ts';
import { fire } from '../../events.ts';
import { formatDateLong, kindLabel, t } from '../../i18n/sv.ts';
import { questionClass, sharedStyles } from '../base-styles.ts';

@customElement('bs-timeline')
export class BsTimeline extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        font-size: 0.92rem;
      }
      h2 {
        font-size: 1.1rem;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .year {
        border-bottom: 1px solid var(--bs-border);
        padding: 0.2rem 0;
      }
      .row {
        display: flex;
        align-items: flex-start;
        gap: 0.25rem;
      }
      .toggle {
        flex: none;
        width: 2rem;
        padding: 0.3rem 0;
        border-color: transparent;
        background: none;
      }
      .toggle[aria-expanded='true'] .chev {
        display: inline-block;
        transform: rotate(90deg);
      }
      .jump {
        flex: 1;
        text-align: left;
        border-color: transparent;
        background: none;
        padding: 0.3rem 0.4rem;
        display: grid;
        gap: 0.15rem;
      }
      .jump:hover:not(:disabled),
      .entry:hover {
        background: var(--bs-hover);
      }
      .head {
        display: flex;
        gap: 0.6rem;
        align-items: baseline;
        flex-wrap: wrap;
      }
      .y {
        font-weight: 700;
      }
      .count {
        color: var(--bs-muted);
      }
      .bar {
        height: 0.25rem;
        background: var(--bs-border-strong);
        border-radius: 0.15rem;
        min-width: 1px;
      }
      .markers {
        display: flex;
        flex-wrap: wrap;
        gap: 0.2rem 0.35rem;
      }
      .marker {
        border: 1px solid var(--q-color);
        border-radius: 0.8rem;
        padding: 0 0.4rem 0 0.1rem;
        font-size: 0.82rem;
        white-space: nowrap;
        color: var(--bs-text);
      }
      .entries {
        margin: 0.15rem 0 0.35rem 2.2rem;
        border-left: 2px solid var(--bs-border);
      }
      .entry {
        display: grid;
        gap: 0.1rem;
        width: 100%;
        text-align: left;
        border: none;
        border-radius: 0;
        background: none;
        padding: 0.3rem 0.5rem;
        font-size: 0.88rem;
      }
      .entry .date {
        color: var(--bs-muted);
      }
    `,
  ];

  @state() private _expanded = new Set<number>();

  /** Rows from buildYears(): every year of the family, with its blocks and annotation counts. */
  @property({ attribute: false }) years: YearRow[] = [];

  /** The study's questions, in order (their 1-based number is shown with the label). */
  @property({ attribute: false }) questions: ReflectionQuestion[] = [];

  /** Annotations by the key of the block where they start. */
  @property({ attribute: false }) owner = new Map<string, AnnotationView[]>();

  private _toggle(year: number): void {
    const next = new Set(this._expanded);
    if (next.has(year)) next.delete(year);
    else next.add(year);
    this._expanded = next;
  }

  private _select(block: string): void {
    fire(this, 'bs-block-select', { block });
  }

  private _renderMarkers(counts: Map<string, number>) {
    if (!counts.size) return nothing;
    return html`<span class="markers">
      ${this.questions.map((q, i) => {
        const n = counts.get(q.id);
        return n
          ? html`<span class="marker ${questionClass(i + 1)}"><span class="qnum">${i + 1}</span>
              ${t('timeline.marker', { label: q.label, n })}</span>`
          : nothing;
      })}
    </span>`;
  }

  private _renderYear(row: YearRow, max: number) {
    const expanded = this._expanded.has(row.year);
    const first = row.blocks[0];
    const listId = `y-${row.year}`;
    const count = row.entryCount === 1 ? t('timeline.entry') : t('timeline.entries', { n: row.entryCount });
    return html`<li class="year">
      <div class="row">
        <button type="button" class="toggle" aria-expanded=${expanded ? 'true' : 'false'} aria-controls=${listId}
          aria-label=${t('timeline.show', { year: row.year })} ?disabled=${!first} @click=${() => this._toggle(row.year)}>
          <span class="chev" aria-hidden="true">▸</span>
        </button>
        <button type="button" class="jump" ?disabled=${!first} @click=${() => first && this._select(first.key)}>
          <span class="head"><span class="y">${row.year}</span><span class="count">${count}</span></span>
          <span class="bar" aria-hidden="true" ${styleProps({ width: `${(100 * row.entryCount) / max}%` })}></span>
          ${this._renderMarkers(row.counts)}
        </button>
      </div>
      ${expanded
        ? html`<ol class="entries" id=${listId} aria-label=${String(row.year)}>
            ${row.blocks.map((b) => html`<li>
              <button type="button" class="entry" @click=${() => this._select(b.key)}>
                <span class="date">${formatDateLong(b.date)} · ${b.kind ? kindLabel(b.kind) : t('reader.preamble')}</span>
                <span>${b.title}</span>
                ${this._renderMarkers(countByQuestion(this.owner.get(b.key) ?? []))}
              </button>
            </li>`)}
          </ol>`
        : nothing}
    </li>`;
  }

  override render() {
    const max = Math.max(1, ...this.years.map((y) => y.entryCount));
    return html`
      <nav aria-labelledby="timeline-title">
        <h2 id="timeline-title">${t('timeline.title')}</h2>
        <ol>${this.years.map((row) => this._renderYear(row, max))}</ol>
      </nav>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-timeline': BsTimeline;
  }
}
