// A round unit's text in context: its family, its document, the text itself and the caseworker's comment.
import { html, nothing } from 'lit';
import type { RoundUnitView } from '../../../server/domain/types.ts';
import { t } from '../../i18n/sv.ts';
import '../../components/bs-markdown-view.ts';

export function renderUnitSegment(unit: RoundUnitView) {
  const s = unit.segment;
  return html`<p class="meta"><strong>${s.familyPseudonym}</strong>${s.documentTitle ? html` · ${s.documentTitle}` : nothing}</p>
    ${s.text ? html`<blockquote>${s.text}</blockquote>` : nothing}
    ${s.comment
      ? html`<div class="comment"><span class="label">${t('agreement.comment')}</span>
          <bs-markdown-view .markdown=${s.comment}></bs-markdown-view></div>`
      : nothing}`;
}
