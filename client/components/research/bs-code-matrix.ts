// <bs-code-matrix study-id="…" .matrix=${m} caption="…" .selected=${{ row, col }}>: codes × questions or
// families as a real table (th scope=col/row). Rows are indented by depth; a code with sub-codes has a fold
// button (aria-expanded): folded, its row shows the counts with every sub-code's codings added (rollup) and
// its sub-codes are hidden; unfolded, it shows its own codings. Counts are always written out; zero cells
// are muted, and every other cell is a button that fires bs-matrix-cell (row and column index, and
// whether the row is folded) so the page can list the segments behind it.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CodeMatrix } from '../../../server/domain/types.ts';
import { styleProps } from '../../common/style-props.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { adminStyles } from '../admin/admin-styles.ts';
import { sharedStyles } from '../base-styles.ts';
import { researchStyles } from './research-styles.ts';

/** The rows to show: every row but those below a folded one, with whether each has sub-codes. */
export function visibleRows(rows: CodeMatrix['rows'], folded: ReadonlySet<string>): { index: number; hasChildren: boolean }[] {
  const out: { index: number; hasChildren: boolean }[] = [];
  let hideBelow: number | null = null;
  rows.forEach((row, index) => {
    if (hideBelow !== null && row.depth > hideBelow) return;
    hideBelow = null;
    const hasChildren = (rows[index + 1]?.depth ?? -1) > row.depth;
    out.push({ index, hasChildren });
    if (hasChildren && folded.has(row.id)) hideBelow = row.depth;
  });
  return out;
}

@customElement('bs-code-matrix')
export class BsCodeMatrix extends LitElement {
  static override styles = [
    sharedStyles,
    adminStyles,
    researchStyles,
    css`
      :host {
        display: block;
      }
      table {
        width: auto;
        min-width: 30rem;
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding: 0 0 0.4rem;
      }
      thead th {
        white-space: normal;
        min-width: 6rem;
        vertical-align: bottom;
      }
      th[scope='row'] {
        font-weight: 600;
        min-width: 14rem;
      }
      .code {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.2rem 0.4rem;
        padding-left: calc(var(--depth, 0) * 1.4rem);
      }
      .fold,
      .fold-space {
        width: 1.9rem;
        flex: none;
        text-align: center;
        padding: 0.1rem 0;
      }
      .incl {
        font-weight: 400;
        font-size: 0.85rem;
        color: var(--bs-muted);
      }
      tbody th,
      td {
        vertical-align: middle;
      }
      td {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      td.zero {
        color: var(--bs-muted);
      }
      button.cell {
        min-width: 2.6rem;
        font-weight: 700;
        text-align: right;
        background: var(--bs-accent-bg);
        border-color: var(--bs-accent);
      }
      button.cell[aria-pressed='true'] {
        background: var(--bs-accent);
        color: var(--bs-on-accent);
      }
    `,
  ];

  @property({ attribute: 'study-id' }) studyId = '';

  @property({ attribute: false }) matrix: CodeMatrix | null = null;

  @property() caption = '';

  /** The cell whose segments are shown (its button is marked pressed). */
  @property({ attribute: false }) selected: { row: number; col: number } | null = null;

  @state() private _folded = new Set<string>();

  private _toggle(id: string): void {
    const next = new Set(this._folded);
    if (!next.delete(id)) next.add(id);
    this._folded = next;
  }

  private _renderRow(m: CodeMatrix, index: number, hasChildren: boolean) {
    const row = m.rows[index]!;
    const folded = hasChildren && this._folded.has(row.id);
    const counts = (folded ? m.rollup[index] : m.cells[index]) ?? [];
    return html`<tr data-code-id=${row.id}>
      <th scope="row">
        <div class="code" ${styleProps({ '--depth': String(row.depth) })}>
          ${hasChildren
            ? html`<button type="button" class="fold small" aria-expanded=${folded ? 'false' : 'true'}
                aria-label=${t('matrix.subcodes', { name: row.label })} @click=${() => this._toggle(row.id)}>
                <span aria-hidden="true">${folded ? '▸' : '▾'}</span></button>`
            : html`<span class="fold-space"></span>`}
          <span class="swatch" aria-hidden="true" ${styleProps({ '--swatch': row.color })}></span>
          <a href=${hrefFor({ name: 'code', studyId: this.studyId, codeId: row.id })}>${row.label}</a>
          ${folded ? html`<span class="incl">${t('matrix.withSubcodes')}</span>` : nothing}
        </div>
      </th>
      ${m.cols.map((col, c) => {
        const n = counts[c] ?? 0;
        if (n === 0) return html`<td class="zero">0</td>`;
        const pressed = this.selected?.row === index && this.selected.col === c;
        const label = t(n === 1 ? 'matrix.cellOne' : 'matrix.cell', { n, code: row.label, col: col.label });
        return html`<td><button type="button" class="cell" aria-label=${label} aria-pressed=${pressed ? 'true' : 'false'}
          @click=${() => fire(this, 'bs-matrix-cell', { row: index, col: c, rollup: folded })}>${n}</button></td>`;
      })}
    </tr>`;
  }

  override render() {
    const m = this.matrix;
    if (!m) return nothing;
    return html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="matrix-caption">
      <table>
        <caption id="matrix-caption">${this.caption}</caption>
        <thead><tr>
          <th scope="col">${t('matrix.codeColumn')}</th>
          ${m.cols.map((c) => html`<th scope="col">${c.label}</th>`)}
        </tr></thead>
        <tbody>${visibleRows(m.rows, this._folded).map((r) => this._renderRow(m, r.index, r.hasChildren))}</tbody>
      </table>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-code-matrix': BsCodeMatrix;
  }
}
