// <bs-code-view .api=${api} study-id="…" code-id="…">: one code's page for researchers and the lead: its
// name, colour and description, every segment coded with it in context (bs-segment-list: family, date,
// question, text, comment, coder, a link to the source), filters (family, question, kind, with its
// sub-codes), the CSV export of the segments, the works of the study's library the code is linked to, and
// the memos written about the code.
import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CodingView, FamilyView, MemoView, StudyView } from '../../../server/domain/types.ts';
import { errorMessage, type Api } from '../../data/api.ts';
import { codeSegmentsCsvUrl, fetchCodes, fetchCodings, fetchMemos, type CodeListItem } from '../../data/research.ts';
import { fetchFamilies } from '../../data/studies.ts';
import type { SegmentFilterDetail } from '../../events.ts';
import { formatDateTime, t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { styleProps } from '../../common/style-props.ts';
import { alertLine } from '../../components/feedback.ts';
import { NO_SEGMENT_FILTER } from '../../components/research/bs-segment-filters.ts';
import '../../components/bs-markdown-view.ts';
import '../../components/research/bs-linked-references.ts';
import '../../components/research/bs-segment-list.ts';
import { nameTab, studyCrumbs } from '../study/study-page.ts';
import { ResearchPage, researchPageStyles } from './research-page.ts';

/** Does the segment answer `question` (a question id, or 'summary')? */
function answers(coding: CodingView, question: string): boolean {
  return question === 'summary' ? coding.segment.reflectionKey === 'summary' : coding.segment.questionId === question;
}

@customElement('bs-code-view')
export class BsCodeView extends ResearchPage {
  static override styles = [
    researchPageStyles,
    css`
      :host {
        max-width: 72rem;
      }
      h1 {
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      .facts {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem 1.5rem;
        align-items: center;
      }
      bs-segment-filters {
        margin: 0 0 0.8rem;
      }
      .summary {
        font-weight: 600;
      }
      ul.memos {
        margin: 0;
        padding-left: 1.2rem;
      }
    `,
  ];

  /** Id of the code. */
  @property({ attribute: 'code-id' }) codeId = '';

  @state() private _codes: CodeListItem[] = [];
  @state() private _families: FamilyView[] = [];
  @state() private _memos: MemoView[] = [];
  @state() private _segments: CodingView[] | null = null;
  @state() private _filter: SegmentFilterDetail = NO_SEGMENT_FILTER;
  @state() private _segmentsError = '';

  /** Answers to an older filter than this are dropped. */
  private _seq = 0;

  private get _code(): CodeListItem | undefined {
    return this._codes.find((c) => c.id === this.codeId);
  }

  override willUpdate(changed: Map<string, unknown>): void {
    super.willUpdate(changed);
    if (changed.has('codeId') && !changed.has('studyId') && changed.get('codeId') !== undefined) void this.load();
  }

  protected get heading(): string {
    return t('codebook.title');
  }

  protected async load(): Promise<void> {
    // The tab is named after the code once the codebook has come.
    if (this.codeId) await this.loadResearch(null, (api, study) => this._loadCode(api, study));
  }

  private async _loadCode(api: Api, study: StudyView): Promise<void> {
    const [codes, families, memos] = await Promise.all([
      fetchCodes(api, this.studyId), fetchFamilies(api, this.studyId), fetchMemos(api, this.studyId, { about: `code:${this.codeId}` }),
    ]);
    this._codes = codes;
    this._families = families;
    this._memos = memos;
    const code = this._code;
    if (!code) this.error = t('code.missing');
    else nameTab(`${code.name} – ${t('codebook.title')}`, study);
    if (code) await this._loadSegments();
  }

  private async _loadSegments(): Promise<void> {
    const api = this.api;
    if (!api) return;
    const seq = ++this._seq;
    const f = this._filter;
    this._segmentsError = '';
    try {
      const found = await fetchCodings(api, this.studyId, {
        code: this.codeId, rollup: f.rollup ? '1' : undefined, family: f.family || undefined, type: f.kind || undefined,
      });
      if (seq === this._seq) this._segments = f.question ? found.filter((c) => answers(c, f.question)) : found;
    } catch (err) {
      if (seq === this._seq) this._segmentsError = errorMessage(err);
    }
  }

  private _onFilter(e: CustomEvent<SegmentFilterDetail>): void {
    this._filter = e.detail;
    void this._loadSegments();
  }

  private _summary(): string {
    const list = this._segments;
    if (!list) return t('app.loading');
    const filtered = Boolean(this._filter.family || this._filter.question || this._filter.kind);
    if (list.length === 0) return filtered ? t('code.segments.noneFiltered') : t('code.segments.none');
    return list.length === 1 ? t('code.segments.countOne') : t('code.segments.count', { n: list.length });
  }

  private _renderSegments(study: StudyView, code: CodeListItem) {
    const hasSubcodes = this._codes.some((c) => c.parentId === code.id);
    const questions = [...study.questions.map((q) => ({ value: q.id, label: q.label })), { value: 'summary', label: t('code.segment.summary') }];
    return html`<section class="panel" aria-labelledby="segments-title">
      <h2 id="segments-title">${t('code.segments.title')}</h2>
      <bs-segment-filters .filter=${this._filter} ?has-subcodes=${hasSubcodes} .questions=${questions}
        .families=${this._families.map((f) => ({ value: f.id, label: f.pseudonym }))} @bs-segment-filter=${this._onFilter}></bs-segment-filters>
      <div role="status"><p class="summary">${this._summary()}</p></div>
      ${alertLine(this._segmentsError)}
      <p><a href=${codeSegmentsCsvUrl(study.id, code.id, this._filter.rollup)} download>${t('code.csv')}</a></p>
      ${this._segments?.length
        ? html`<bs-segment-list study-id=${study.id} .segments=${this._segments} .questions=${study.questions}
            ?show-code=${this._filter.rollup}></bs-segment-list>`
        : nothing}
    </section>`;
  }

  private _renderMemos(studyId: string) {
    return html`<section class="panel" aria-labelledby="memos-title">
      <h2 id="memos-title">${t('code.memos.title')}</h2>
      ${this._memos.length
        ? html`<ul class="memos">${this._memos.map((m) => html`<li>
            <a href=${hrefFor({ name: 'memo', studyId, memoId: m.id })}>${m.title}</a>
            <span class="count">${t('code.memos.meta', { name: m.authorName, date: formatDateTime(m.updatedAt) })}</span>
          </li>`)}</ul>`
        : html`<p>${t('code.memos.none')}</p>`}
    </section>`;
  }

  override render() {
    const study = this.study;
    const code = this._code;
    if (this.blocked || !study || !code) return this.renderNotReady();
    const parent = this._codes.find((c) => c.id === code.parentId);
    return html`
      ${studyCrumbs(study, code.name, [[hrefFor({ name: 'codebook', studyId: study.id }), t('codebook.title')]])}
      <h1><span class="swatch" ${styleProps({ '--swatch': code.color })}></span> ${code.name}</h1>
      <p class="facts">
        <span>${t('code.color', { color: code.color })}</span>
        ${parent
          ? html`<span>${t('code.parent')} <a href=${hrefFor({ name: 'code', studyId: study.id, codeId: parent.id })}>${parent.name}</a></span>`
          : html`<span>${t('code.topLevel')}</span>`}
      </p>
      <h2 class="visually-hidden">${t('code.description')}</h2>
      ${code.description.trim() ? html`<bs-markdown-view .markdown=${code.description}></bs-markdown-view>` : html`<p class="hint">${t('code.noDescription')}</p>`}
      <section class="panel" aria-labelledby="code-refs-title">
        <h2 id="code-refs-title">${t('refs.linked')}</h2>
        <bs-linked-references .api=${this.api} study-id=${study.id} .keys=${code.references ?? []}></bs-linked-references>
      </section>
      ${this._renderSegments(study, code)}
      ${this._renderMemos(study.id)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-code-view': BsCodeView;
  }
}
