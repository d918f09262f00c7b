// The bar shown under a selection in bs-reader: "Markera som: [1 …] [2 …]" (keys 1–9) and, for those who
// may code, "Koda stycket" (key C); a researcher who may code but not annotate gets a bar of its own.
// The buttons keep the selection: mousedown does not move focus.
import { html, nothing } from 'lit';
import type { ReflectionQuestion } from '../../../server/domain/types.ts';
import { t } from '../../i18n/sv.ts';

export interface SelectionBarOptions {
  questions: ReflectionQuestion[];
  /** Reading only: no "Markera som" buttons. */
  readonly: boolean;
  /** The user may code the selection. */
  mayCode: boolean;
  /** Annotate the selection with the question at this index. */
  start(index: number): void;
  code(): void;
}

const keepSelection = (e: Event) => e.preventDefault();

function renderCodeButton(code: () => void) {
  return html`<button type="button" class="code" aria-keyshortcuts="C" @mousedown=${keepSelection}
    @click=${() => code()}>${t('coding.codePassage')}</button>`;
}

export function renderSelectionBar(o: SelectionBarOptions) {
  if (o.readonly) {
    return html`<div class="codebar" role="toolbar" aria-label=${t('coding.bar')}>
      ${renderCodeButton(o.code)}<span class="selbar-hint" aria-hidden="true">${t('coding.codeKeyHint')}</span>
    </div>`;
  }
  return html`<div class="selbar" role="toolbar" aria-label=${t('reader.markAs')}>
    <span class="selbar-label" aria-hidden="true">${t('reader.markAs')}</span>
    ${o.questions.slice(0, 9).map((q, i) => html`<button type="button" class="q-${(i % 4) + 1}"
      aria-keyshortcuts=${String(i + 1)} @mousedown=${keepSelection} @click=${() => o.start(i)}>
      <span class="qnum">${i + 1}</span> ${q.label}</button>`)}
    <span class="selbar-hint" aria-hidden="true">${t('reader.markHint', { n: Math.min(9, o.questions.length) })}</span>
    ${o.mayCode ? renderCodeButton(o.code) : nothing}
  </div>`;
}
