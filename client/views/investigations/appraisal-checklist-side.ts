// One side of BBIC's triangle in the appraisal form: its heading, how many of its items are marked, and each
// item as a radio group "Visas i akten" / "Saknas" / "Ej aktuellt" with its help text.
import { html, nothing } from 'lit';
import type { ChecklistSide, ItemFinding } from '../../../server/domain/checklist/checklist-types.ts';
import { t } from '../../i18n/sv.ts';

const FINDINGS: readonly ItemFinding[] = ['shown', 'missing', 'not-applicable'];

export function renderChecklistSide(
  side: ChecklistSide,
  findings: Readonly<Record<string, ItemFinding>>,
  setFinding: (item: string, finding: ItemFinding) => void,
) {
  const marked = side.items.filter((i) => findings[i.id]).length;
  const titleId = `side-${side.id}`;
  return html`<section class="side" aria-labelledby=${titleId}>
    <h3 id=${titleId}>${side.label}</h3>
    <p class="count" id=${`${titleId}-count`}>${t('investigations.side.count', { n: marked, total: side.items.length })}</p>
    ${side.items.map((item) => {
      const helpId = `help-${item.id}`;
      return html`<fieldset class="item" aria-describedby=${item.help ? helpId : nothing}>
        <legend>${item.label}</legend>
        ${item.help ? html`<p class="help" id=${helpId}>${item.help}</p>` : nothing}
        <div class="choices">
          ${FINDINGS.map((f) => html`<label>
            <input type="radio" name=${`item-${item.id}`} value=${f} .checked=${findings[item.id] === f}
              @change=${() => setFinding(item.id, f)} />
            ${t(`investigations.finding.${f}`)}
          </label>`)}
        </div>
      </fieldset>`;
    })}
  </section>`;
}
