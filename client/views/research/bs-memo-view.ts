// <bs-memo-view .api=${api} study-id="…" memo-id="…" user-id="…">: one memo. Its author edits it (title and
// Markdown body, saved by themselves, see bs-memo-editor) while the study is open; everyone else who does
// research in the study reads it as rendered Markdown. Above the text: what the memo is about (a link to
// the study, the family, the code or the reflection), who wrote it and when it was last saved. Below it:
// the works of the study's library the memo is linked to.
import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MemoView, StudyView } from '../../../server/domain/types.ts';
import { fetchMemo } from '../../data/research.ts';
import { fetchStudy } from '../../data/studies.ts';
import { formatDateTime, t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { sharedStyles } from '../../components/base-styles.ts';
import '../../components/bs-markdown-view.ts';
import '../../components/research/bs-linked-references.ts';
import '../../components/research/bs-memo-editor.ts';
import { aboutHref, aboutLabel, loadMemoSubjects, type MemoSubjects } from '../../components/research/bs-memo-subjects.ts';
import { StudyPage, studyCrumbs } from '../study/study-page.ts';

@customElement('bs-memo-view')
export class BsMemoView extends StudyPage {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        max-width: 56rem;
      }
      .crumbs {
        font-size: 0.92rem;
        margin-bottom: 0.4rem;
      }
      h1 {
        font-size: 1.6rem;
      }
      .facts {
        color: var(--bs-muted);
        margin: 0 0 1rem;
        padding: 0;
        list-style: none;
      }
      .refs {
        margin-top: 1.5rem;
      }
      .refs h2 {
        font-size: 1.15rem;
      }
      .body {
        background: var(--bs-surface);
        border: 1px solid var(--bs-border);
        border-radius: 0.5rem;
        padding: 0.8rem 1rem;
      }
    `,
  ];

  /** Id of the memo. */
  @property({ attribute: 'memo-id' }) memoId = '';

  /** The signed-in user's id: their own memos open for editing. */
  @property({ attribute: 'user-id' }) userId = '';

  @state() private _memo: MemoView | null = null;
  @state() private _subjects: MemoSubjects | null = null;

  protected async load(): Promise<void> {
    if (!this.memoId) return;
    await this.loadStudy(async (api) => {
      const [study, memo] = await Promise.all([fetchStudy(api, this.studyId), fetchMemo(api, this.studyId, this.memoId)]);
      this._subjects = await loadMemoSubjects(api, this.studyId, study.questions);
      this.study = study;
      this._memo = memo;
      document.title = `${memo.title} – ${study.title} – ${t('app.name')}`;
    });
  }

  /** What the memo is about, its author and when it was last saved. */
  private _renderFacts(study: StudyView, memo: MemoView, subjects: MemoSubjects) {
    return html`<ul class="facts">
      <li>${t('memo.about')} <a href=${aboutHref(study.id, memo.about)}>${aboutLabel(memo.about, subjects)}</a></li>
      <li>${t('memo.author', { name: memo.authorName || t('reflections.someone'), date: formatDateTime(memo.createdAt) })}</li>
    </ul>`;
  }

  override render() {
    const study = this.study;
    const memo = this._memo;
    const subjects = this._subjects;
    if (this.blocked || !study || !memo || !subjects) return this.renderNotReady();
    // In a closed study nobody can change a memo, its author neither: say so rather than name the author.
    const editable = memo.authorId === this.userId && study.status === 'open';
    return html`
      ${studyCrumbs(study, memo.title, [[hrefFor({ name: 'memos', studyId: study.id }), t('memos.title')]])}
      ${editable
        ? html`<bs-memo-editor .api=${this.api} study-id=${study.id} .memo=${memo}>${this._renderFacts(study, memo, subjects)}</bs-memo-editor>`
        : html`<h1>${memo.title}</h1>
            ${this._renderFacts(study, memo, subjects)}
            <p class="notice">${study.status !== 'open' ? t('memo.readonlyClosed') : t('memo.readonly', { name: memo.authorName })}</p>
            <p>${t('memo.status.loaded', { date: formatDateTime(memo.updatedAt) })}</p>
            <div class="body"><bs-markdown-view .markdown=${memo.body}></bs-markdown-view></div>
            <section class="refs" aria-labelledby="memo-refs-title">
              <h2 id="memo-refs-title">${t('refs.linked')}</h2>
              <bs-linked-references .api=${this.api} study-id=${study.id} .keys=${memo.references ?? []}></bs-linked-references>
            </section>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-memo-view': BsMemoView;
  }
}
