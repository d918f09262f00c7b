// <bs-matrix-view .api=${api} study-id="…" cols="question|family">: "Matris", how often each code was
// applied per reflection question or per family (two tabs, each its own address). The table is
// bs-code-matrix; choosing a count lists the coded segments behind it below the table (bs-segment-list,
// with links to their source), the codes' sub-codes included when the row is folded.
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CodeMatrix, CodingView, StudyView } from '../../../server/domain/types.ts';
import { errorMessage } from '../../data/api.ts';
import { fetchMatrix } from '../../data/research.ts';
import type { MatrixCellDetail } from '../../events.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { alertLine } from '../../components/feedback.ts';
import '../../components/research/bs-code-matrix.ts';
import '../../components/research/bs-segment-list.ts';
import { studyCrumbs } from '../study/study-page.ts';
import { ResearchPage, researchPageStyles } from './research-page.ts';

type Cols = 'question' | 'family';

@customElement('bs-matrix-view')
export class BsMatrixView extends ResearchPage {
  static override styles = [
    researchPageStyles,
    css`
      nav.tabs {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin: 0.5rem 0 1rem;
      }
      nav.tabs a {
        padding: 0.4rem 0.9rem;
        border: 1px solid var(--bs-border-strong);
        border-radius: 0.35rem;
        background: var(--bs-surface);
      }
      nav.tabs a[aria-current='page'] {
        background: var(--bs-accent);
        border-color: var(--bs-accent);
        color: var(--bs-on-accent);
        font-weight: 600;
      }
      .intro {
        max-width: 56rem;
      }
      section.segments {
        margin-top: 1.5rem;
      }
      h2:focus {
        outline: none;
      }
    `,
  ];

  /** The columns: the reflection questions or the families. */
  @property() cols: Cols = 'question';

  @state() private _matrix: CodeMatrix | null = null;
  @state() private _cell: MatrixCellDetail | null = null;
  @state() private _segments: CodingView[] | null = null;
  @state() private _cellError = '';

  /** Answers to an older request than this are dropped. */
  private _seq = 0;

  override willUpdate(changed: Map<string, unknown>): void {
    super.willUpdate(changed);
    const reloads = changed.has('studyId') || changed.has('api') || changed.has('session');
    if (!reloads && changed.has('cols')) void this._loadMatrix();
  }

  protected get heading(): string {
    return t('matrix.title');
  }

  protected load(): Promise<void> {
    return this.loadResearch(t('matrix.title'), () => this._loadMatrix());
  }

  private async _loadMatrix(): Promise<void> {
    const api = this.api;
    if (!api) return;
    const seq = ++this._seq;
    this._matrix = null;
    this._cell = null;
    this._segments = null;
    this._cellError = '';
    try {
      const matrix = await fetchMatrix(api, this.studyId, this.cols);
      if (seq === this._seq) this._matrix = matrix;
    } catch (err) {
      if (seq === this._seq) this.failed(err);
    }
  }

  private async _onCell(e: CustomEvent<MatrixCellDetail>): Promise<void> {
    const api = this.api;
    if (!api) return;
    const seq = ++this._seq;
    this._cell = e.detail;
    this._segments = null;
    this._cellError = '';
    try {
      const answer = await fetchMatrix(api, this.studyId, this.cols, e.detail);
      if (seq === this._seq) this._segments = answer.segments ?? [];
    } catch (err) {
      if (seq === this._seq) this._cellError = errorMessage(err);
    }
  }

  private _renderCell(m: CodeMatrix, study: StudyView) {
    const cell = this._cell;
    const row = cell ? m.rows[cell.row] : undefined;
    const col = cell ? m.cols[cell.col] : undefined;
    if (!cell || !row || !col) return nothing;
    const list = this._segments;
    const heading = cell.rollup ? t('matrix.segmentsWithSubcodes', { code: row.label, col: col.label }) : t('matrix.segments', { code: row.label, col: col.label });
    return html`<section class="segments" aria-labelledby="segments-title">
      <h2 id="segments-title">${heading}</h2>
      <div role="status"><p>${!list ? t('app.loading') : list.length === 1 ? t('code.segments.countOne') : t('code.segments.count', { n: list.length })}</p></div>
      ${alertLine(this._cellError)}
      ${list?.length
        ? html`<bs-segment-list study-id=${study.id} .segments=${list} .questions=${study.questions} ?show-code=${cell.rollup}></bs-segment-list>`
        : nothing}
    </section>`;
  }

  override render() {
    const study = this.study;
    if (this.blocked || !study) return this.renderNotReady();
    const m = this._matrix;
    const tab = (cols: Cols, label: string) => html`<a href=${hrefFor({ name: 'matrix', studyId: study.id, cols })}
      aria-current=${this.cols === cols ? 'page' : 'false'}>${label}</a>`;
    return html`
      ${studyCrumbs(study, t('matrix.title'), [[hrefFor({ name: 'codebook', studyId: study.id }), t('codebook.title')]])}
      <h1>${t('matrix.title')}</h1>
      <nav class="tabs" aria-label=${t('matrix.tabs')}>${tab('question', t('matrix.byQuestion'))}${tab('family', t('matrix.byFamily'))}</nav>
      <p class="intro">${t('matrix.intro')}</p>
      ${!m
        ? html`<p role="status">${t('app.loading')}</p>`
        : m.rows.length === 0
          ? html`<p>${t('matrix.empty')} <a href=${hrefFor({ name: 'codebook', studyId: study.id })}>${t('matrix.toCodebook')}</a></p>`
          : html`<bs-code-matrix study-id=${study.id} .matrix=${m} .selected=${this._cell}
              caption=${this.cols === 'question' ? t('matrix.captionQuestion') : t('matrix.captionFamily')}
              @bs-matrix-cell=${this._onCell}></bs-code-matrix>
            ${this._renderCell(m, study)}`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-matrix-view': BsMatrixView;
  }
}
