// The two voices of one reflection, side by side, for researchers and the lead on the reflections page:
// "Socialsekreterarens reflektion" (the caseworker's text, as the page renders it, with its codings and
// the coding actions) beside "Forskarens reflektion" (the user's meta-reflection and the other
// researchers'). The columns stack on narrow screens. Used by bs-reflections-view. `readonly` (a closed
// study): both voices are shown without coding actions and without the meta-reflection's editor.
// Example: ${research ? renderVoices({ …, caseworker: html`…` }) : html`…`}
import { css, html, type TemplateResult } from 'lit';
import type { MemoView } from '../../../server/domain/types.ts';
import type { MarkedSegment } from '../../common/coding-marks.ts';
import { reflectionCodings } from '../../common/coding-marks.ts';
import type { Api } from '../../data/api.ts';
import { t } from '../../i18n/sv.ts';
import './bs-coding-reflection.ts';
import './bs-meta-reflection.ts';

export const voicesStyles = css`
  :host([research]) {
    max-width: 84rem;
  }
  .voices {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1rem 1.5rem;
  }
  .voice h4 {
    font-size: 0.85rem;
    font-weight: 700;
    letter-spacing: 0.03em;
    text-transform: uppercase;
    color: var(--bs-muted);
    margin: 0 0 0.4rem;
  }
  .voice[data-voice='researcher'] {
    border-top: 3px solid var(--bs-accent);
    padding-top: 0.6rem;
  }
  @media (min-width: 62rem) {
    .voices {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
    .voice[data-voice='researcher'] {
      border-top: none;
      padding-top: 0;
      border-left: 3px solid var(--bs-accent);
      padding-left: 1rem;
    }
  }
`;

export interface VoicesInput {
  api: Api | undefined;
  studyId: string;
  familyId: string;
  familyName: string;
  userId: string;
  /** 'summary' or a question id. */
  reflectionKey: string;
  /** The reflection's heading, e.g. "1 Tidiga tecken". */
  label: string;
  /** The question's short label, or "Sammanfattning" (titles the memo). */
  question: string;
  /** The caseworker's text as the page shows it (rendered, or the lead's editor). */
  caseworker: TemplateResult;
  /** The stored text, for coding (Markdown source). */
  text: string;
  /** The text has unsaved changes (the lead writing). */
  pending: boolean;
  segments: Map<string, MarkedSegment>;
  memos: readonly MemoView[];
  /** Show the codings and meta-reflections only (the study is closed). */
  readonly: boolean;
}

export function renderVoices(v: VoicesInput): TemplateResult {
  const coded = reflectionCodings(v.segments, v.familyId, v.reflectionKey);
  return html`<div class="voices">
    <div class="voice" data-voice="caseworker">
      <h4>${t('meta.caseworker')}</h4>
      ${v.caseworker}
      <bs-coding-reflection role="group" aria-label=${`${t('coding.reflection.group')}: ${v.label}`} family-id=${v.familyId}
        reflection-key=${v.reflectionKey} label=${v.label} .text=${v.text} ?pending=${v.pending} ?readonly=${v.readonly}
        .whole=${coded.whole} .passages=${coded.passages}></bs-coding-reflection>
    </div>
    <div class="voice" data-voice="researcher">
      <h4>${t('meta.researcher')}</h4>
      <bs-meta-reflection .api=${v.api} study-id=${v.studyId} family-id=${v.familyId} reflection-key=${v.reflectionKey}
        label=${v.label} question=${v.question} family-name=${v.familyName} user-id=${v.userId} .memos=${v.memos}
        ?readonly=${v.readonly}></bs-meta-reflection>
    </div>
  </div>`;
}
