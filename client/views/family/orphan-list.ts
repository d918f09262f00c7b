// The family page's list of annotations whose text is no longer in the case file ("lost" annotations):
// shown apart from the reader, each as a card with its question.
import { html, nothing } from 'lit';
import type { AnnotationView, ReflectionQuestion } from '../../../server/domain/types.ts';
import { t } from '../../i18n/sv.ts';
import '../../components/reader/bs-annotation-card.ts';

export function renderOrphans(orphans: AnnotationView[], questions: ReflectionQuestion[], userId: string | undefined) {
  if (!orphans.length) return nothing;
  const numbers = new Map(questions.map((q, i) => [q.id, i + 1]));
  return html`<section class="orphans" aria-labelledby="orphans-title">
    <h2 id="orphans-title">${t('family.orphans')}</h2>
    <p>${t('family.orphansIntro')}</p>
    <div class="cards">
      ${orphans.map((a) => html`<bs-annotation-card .annotation=${a} .question=${questions[(numbers.get(a.questionId) ?? 1) - 1]}
        number=${numbers.get(a.questionId) ?? 0} level="3" ?can-edit=${a.authorId === userId}></bs-annotation-card>`)}
    </div>
  </section>`;
}
