// The caseworker's table of families on the study page: pseudonym (a link to the case file), years,
// documents, the user's own annotations per question and how many of the reflection texts are written.
// The ARIA roles keep the table's semantics when a narrow screen shows each row as a card.
import { html } from 'lit';
import type { FamilyView, StudyView } from '../../../server/domain/types.ts';
import { t } from '../../i18n/sv.ts';
import { hrefFor } from '../../route.ts';
import { questionClass } from '../../components/base-styles.ts';
import { familyYears } from './family-years.ts';

export function renderFamilyProgress(study: StudyView, families: FamilyView[]) {
  if (!families.length) return html`<p>${t('study.noFamilies')}</p>`;
  const total = study.questions.length + 1;
  return html`<div class="table-wrap"><table role="table">
    <thead role="rowgroup"><tr role="row">
      <th scope="col" role="columnheader">${t('study.col.family')}</th>
      <th scope="col" role="columnheader">${t('study.col.years')}</th>
      <th scope="col" role="columnheader">${t('study.col.documents')}</th>
      <th scope="col" role="columnheader">${t('study.col.annotations')}</th>
      <th scope="col" role="columnheader">${t('study.col.reflections')}</th>
    </tr></thead>
    <tbody role="rowgroup">
      ${families.map((f) => {
        const written = Math.min(total, f.progress.reflectionsWritten + (f.progress.summaryWritten ? 1 : 0));
        return html`<tr role="row">
          <th scope="row" role="rowheader"><a href=${hrefFor({ name: 'family', studyId: study.id, familyId: f.id, tab: 'akt' })}>${f.pseudonym}</a></th>
          <td role="cell" data-label=${t('study.col.years')}>${familyYears(f)}</td>
          <td role="cell" class="num" data-label=${t('study.col.documents')}>${f.documentCount}</td>
          <td role="cell" class="list" data-label=${t('study.col.annotations')}><ul class="progress">
            ${study.questions.map((q, i) => html`<li class=${questionClass(i + 1)}>
              <span class="qnum" aria-hidden="true">${i + 1}</span> ${q.label}: ${f.progress.annotationsByQuestion[q.id] ?? 0}
            </li>`)}
          </ul></td>
          <td role="cell" data-label=${t('study.col.reflections')}>${t('study.reflectionsWritten', { n: written, total })}</td>
        </tr>`;
      })}
    </tbody>
  </table></div>`;
}
