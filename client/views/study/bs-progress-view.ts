// <bs-progress-view .api=${api} study-id="…">: "Studiens framsteg", the lead's overview. Per family a
// table with one row per caseworker: entries read ("n av m händelser" with a <progress> bar, the number
// always in text), annotations per question, and the family's written reflections and summary. On a
// narrow screen (or at high zoom) every row stacks into a block with the column names beside the values,
// so nothing scrolls sideways (WCAG 1.4.10).
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { StudyProgress } from '../../../server/domain/types.ts';
import { fetchProgress } from '../../data/families.ts';
import { fetchStudy } from '../../data/studies.ts';
import { t } from '../../i18n/sv.ts';
import { adminStyles } from '../../components/admin/admin-styles.ts';
import { questionClass, sharedStyles } from '../../components/base-styles.ts';
import { StudyPage, nameTab, studyCrumbs } from './study-page.ts';

type FamilyProgressRow = StudyProgress['families'][number];

@customElement('bs-progress-view')
export class BsProgressView extends StudyPage {
  static override styles = [
    sharedStyles,
    adminStyles,
    css`
      :host {
        display: block;
        max-width: 72rem;
      }
      h1 {
        font-size: 1.6rem;
      }
      h2 {
        font-size: 1.2rem;
        margin: 1.5rem 0 0.2rem;
      }
      .facts {
        color: var(--bs-muted);
        margin: 0 0 0.5rem;
      }
      .read {
        display: grid;
        gap: 0.25rem;
        min-width: 0;
      }
      progress {
        width: 100%;
        max-width: 14rem;
        height: 0.9rem;
        accent-color: var(--bs-accent);
      }
      ul.counts {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.15rem;
      }
      td,
      th {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @state() private _progress: StudyProgress | null = null;

  protected load(): Promise<void> {
    return this.loadStudy(async (api) => {
      const [study, progress] = await Promise.all([fetchStudy(api, this.studyId), fetchProgress(api, this.studyId)]);
      this.study = study;
      this._progress = progress;
      nameTab(t('progress.title'), study);
    });
  }

  private _renderFamily(f: FamilyProgressRow, questions: StudyProgress['questions']) {
    const titleId = `progress-${f.id}`;
    const total = questions.length;
    return html`<section aria-labelledby=${titleId}>
      <h2 id=${titleId}>${f.pseudonym}</h2>
      <p class="facts">${t('progress.familyFacts', { documents: f.documentCount, entries: f.entryCount })}</p>
      ${f.caseworkers.length === 0
        ? html`<p>${t('progress.noCaseworkers')}</p>`
        : html`<div class="table-wrap"><table class="stacked">
            <caption class="visually-hidden">${t('progress.caption', { name: f.pseudonym })}</caption>
            <thead><tr>
              <th scope="col">${t('progress.col.caseworker')}</th>
              <th scope="col">${t('progress.col.read')}</th>
              <th scope="col">${t('progress.col.annotations')}</th>
              <th scope="col">${t('progress.col.texts')}</th>
            </tr></thead>
            <tbody>
              ${f.caseworkers.map((c) => html`<tr>
                <th scope="row">${c.displayName}</th>
                <td data-label=${t('progress.col.read')}>
                  <div class="read">
                    <span>${t('progress.read', { n: c.entriesRead, m: f.entryCount })}</span>
                    ${f.entryCount > 0
                      ? html`<progress max=${f.entryCount} .value=${c.entriesRead}
                          aria-label=${t('progress.readLabel', { name: c.displayName, n: c.entriesRead, m: f.entryCount })}></progress>`
                      : nothing}
                  </div>
                </td>
                <td data-label=${t('progress.col.annotations')}>
                  <ul class="counts">
                    ${questions.map((q, i) => html`<li class=${questionClass(i + 1)}>
                      <span class="qnum" aria-hidden="true">${i + 1}</span> ${q.label}: ${c.annotationsByQuestion[q.id] ?? 0}
                    </li>`)}
                  </ul>
                </td>
                <td data-label=${t('progress.col.texts')}>
                  ${t('progress.reflections', { n: c.reflectionsWritten, total })},
                  ${c.summaryWritten ? t('progress.summaryYes') : t('progress.summaryNo')}
                </td>
              </tr>`)}
            </tbody>
          </table></div>`}
    </section>`;
  }

  override render() {
    const study = this.study;
    const progress = this._progress;
    if (this.blocked || !study || !progress) return this.renderNotReady();
    return html`
      ${studyCrumbs(study, t('progress.title'))}
      <h1>${t('progress.title')}</h1>
      <p>${t('progress.intro')}</p>
      ${progress.families.length === 0
        ? html`<p>${t('progress.noFamilies')}</p>`
        : progress.families.map((f) => this._renderFamily(f, progress.questions))}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bs-progress-view': BsProgressView;
  }
}
