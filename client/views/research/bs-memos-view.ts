// <bs-memos-view .api=${api} study-id="…">: "Memon", every memo of the study, newest first, as a table:
// title (a link to the memo), what it is about (a link there), author and when it was last saved. Filters
// by kind of subject (the study, families, codes, reflections) and by family; "Nytt memo" (while the study
// is open) starts one about the study, a family or a code.
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { MemoAbout, MemoView, StudyView } from '../../../server/domain/types.ts';
import { fetchMemos } from '../../data/research.ts';
import { fetchStudy } from '../../data/studies.ts';
import { formatDateTime, t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { adminStyles } from '../../components/admin/admin-styles.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import '../../components/research/bs-memo-new.ts';
import { aboutHref, aboutLabel, loadMemoSubjects, type MemoSubjects } from '../../components/research/bs-memo-subjects.ts';
import { StudyPage, nameTab, studyCrumbs } from '../study/study-page.ts';

const KINDS: MemoAbout['type'][] = ['study', 'family', 'code', 'reflection'];

@customElement('bs-memos-view')
export class BsMemosView extends StudyPage {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
        max-width: 72rem;
      }
      .crumbs {
        font-size: 0.92rem;
        margin-bottom: 0.4rem;
      }
      h1 {
        font-size: 1.6rem;
      }
      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem 1.2rem;
        margin: 0 0 0.8rem;
      }
      .filters .field {
        min-width: 12rem;
      }
      .count {
        color: var(--bs-muted);
      }
    `,
  ];

  @state() private _memos: MemoView[] | null = null;
  @state() private _subjects: MemoSubjects | null = null;
  /** '' (all) or a subject kind. */
  @state() private _kind = '';
  /** '' (all) or a family id. */
  @state() private _family = '';

  protected load(): Promise<void> {
    return this.loadStudy(async (api) => {
      const [study, memos] = await Promise.all([fetchStudy(api, this.studyId), fetchMemos(api, this.studyId)]);
      this._subjects = await loadMemoSubjects(api, this.studyId, study.questions);
      this.study = study;
      this._memos = memos;
      nameTab(t('memos.title'), study);
    });
  }

  private _renderFilters(subjects: MemoSubjects) {
    const families = [...subjects.families].sort((a, b) => a[1].localeCompare(b[1], 'sv'));
    return html`<div class="filters" role="group" aria-label=${t('memos.filters')}>
      <div class="field">
        <label for="memos-kind">${t('memos.filterKind')}</label>
        <select id="memos-kind" .value=${this._kind} @change=${(e: Event) => (this._kind = (e.target as HTMLSelectElement).value)}>
          <option value="">${t('memos.kind.all')}</option>
          ${KINDS.map((k) => html`<option value=${k}>${t(`memos.kind.${k}`)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="memos-family">${t('memos.filterFamily')}</label>
        <select id="memos-family" .value=${this._family} @change=${(e: Event) => (this._family = (e.target as HTMLSelectElement).value)}>
          <option value="">${t('memos.family.all')}</option>
          ${families.map(([id, name]) => html`<option value=${id}>${name}</option>`)}
        </select>
      </div>
    </div>`;
  }

  private _renderTable(study: StudyView, memos: MemoView[], subjects: MemoSubjects) {
    if (!memos.length) return html`<p>${this._memos?.length ? t('memos.noneMatching') : t('memos.none')}</p>`;
    return html`<div class="table-wrap"><table class="stacked">
      <caption class="visually-hidden">${t('memos.title')}</caption>
      <thead><tr>
        <th scope="col">${t('memos.col.title')}</th>
        <th scope="col">${t('memos.col.about')}</th>
        <th scope="col">${t('memos.col.author')}</th>
        <th scope="col">${t('memos.col.saved')}</th>
      </tr></thead>
      <tbody>
        ${memos.map((m) => html`<tr>
          <th scope="row"><a href=${hrefFor({ name: 'memo', studyId: study.id, memoId: m.id })}>${m.title}</a></th>
          <td data-label=${t('memos.col.about')}><a href=${aboutHref(study.id, m.about)}>${aboutLabel(m.about, subjects)}</a></td>
          <td data-label=${t('memos.col.author')}>${m.authorName}</td>
          <td data-label=${t('memos.col.saved')}>${formatDateTime(m.updatedAt)}</td>
        </tr>`)}
      </tbody>
    </table></div>`;
  }

  override render() {
    const study = this.study;
    const all = this._memos;
    const subjects = this._subjects;
    if (this.blocked || !study || !all || !subjects) return this.renderNotReady();
    const shown = all.filter((m) => (!this._kind || m.about.type === this._kind) && (!this._family || m.familyId === this._family));
    return html`
      ${studyCrumbs(study, t('memos.title'))}
      <h1>${t('memos.title')}</h1>
      <p>${t('memos.intro')}</p>
      ${study.status === 'open'
        ? html`<bs-memo-new .api=${this.api} study-id=${study.id} .subjects=${subjects}></bs-memo-new>`
        : html`<p class="notice">${t('memos.closed')}</p>`}
      ${all.length ? this._renderFilters(subjects) : nothing}
      ${all.length ? html`<p class="count" role="status">${t('memos.count', { n: shown.length, total: all.length })}</p>` : nothing}
      ${this._renderTable(study, shown, subjects)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-memos-view': BsMemosView;
  }
}
