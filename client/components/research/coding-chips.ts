// The codes on a segment as chips (swatch + name, and × for codings the user may remove), and the stripe
// patterns shared by chips and margin stripes: a code's colour always comes with one of four patterns and
// its name, never alone. Used by bs-coding-strip (reader) and bs-coding-reflection (reflections page).
// Example: static styles = [sharedStyles, codingMarkStyles]; … ${renderCodeChips(marks, 'Markering: …')}
import { css, html, nothing } from 'lit';
import type { CodeMark } from '../../common/coding-marks.ts';
import { styleProps } from '../../common/style-props.ts';
import { fire } from '../../events.ts';
import { t } from '../../i18n/sv.ts';

export const codingMarkStyles = css`
  .swatch,
  .stripe {
    display: inline-block;
    flex: none;
    --c: var(--bs-border-strong);
  }
  .swatch {
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 2px;
  }
  .p-0 {
    background: var(--c);
  }
  .p-1 {
    background: repeating-linear-gradient(45deg, var(--c) 0 2px, transparent 2px 4px);
    box-shadow: inset 0 0 0 1px var(--c);
  }
  .p-2 {
    background: repeating-linear-gradient(180deg, var(--c) 0 4px, transparent 4px 6px);
    box-shadow: inset 0 0 0 1px var(--c);
  }
  .p-3 {
    background: radial-gradient(var(--c) 40%, transparent 45%) 0 0 / 4px 4px;
    box-shadow: inset 0 0 0 1px var(--c);
  }
  ul.chips {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    border: 1px solid var(--bs-border-strong);
    border-radius: 1rem;
    padding: 0.05rem 0.5rem;
    font-size: 0.82rem;
    background: var(--bs-surface);
    max-width: 100%;
    overflow-wrap: anywhere;
  }
  .chip.removable {
    padding-right: 0.1rem;
  }
  .chip button.remove {
    border: none;
    background: none;
    padding: 0 0.35rem;
    font-size: 1rem;
    line-height: 1.1;
    border-radius: 1rem;
  }
`;

/** The chips of `marks`; `what` names the segment in the × buttons' accessible names. */
export function renderCodeChips(marks: readonly CodeMark[], what = '') {
  if (!marks.length) return nothing;
  return html`<ul class="chips" aria-label=${t('coding.codes')}>
    ${marks.map((m) => html`<li class="chip ${m.removable ? 'removable' : ''}" title=${t('coding.by', { name: m.coding.createdByName })}>
      <span class="swatch p-${m.pattern}" aria-hidden="true" ${styleProps({ '--c': m.color })}></span>
      <span class="name">${m.name}</span>
      ${m.removable
        ? html`<button type="button" class="remove" aria-label=${what ? t('coding.removeFrom', { name: m.name, what }) : t('coding.remove', { name: m.name })}
            @click=${(e: Event) => fire(e.currentTarget as HTMLElement, 'bs-coding-remove', { coding: m.coding })}>×</button>`
        : nothing}
    </li>`)}
  </ul>`;
}
