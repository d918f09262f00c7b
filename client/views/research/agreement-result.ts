// The result of a closed agreement round: percent agreement and Krippendorff's α overall and per code,
// Cohen's κ per code and pair of coders, and each coder's verdict against the gold standard. A statistic
// that cannot be computed says so, with the reason in words.
import { html, nothing } from 'lit';
import type { AgreementResult, AgreementRoundView, RoundStatistic } from '../../../server/domain/types.ts';
import { t, tKey } from '../../i18n/sv.ts';

/** 0.4 → "0,40"; the statistics are read to two decimals. */
export const twoDecimals = (value: number): string => value.toFixed(2).replace('.', ',').replace('-', '−');

const percentFormat = new Intl.NumberFormat('sv-SE', { style: 'percent', maximumFractionDigits: 1 });

/** A statistic as text: its value, or "kan inte beräknas" with the reason in words. */
function statText(s: RoundStatistic, format: (v: number) => string = twoDecimals): string {
  if (s.value !== null) return format(s.value);
  const reason = (s.reason && tKey(`agreement.reason.${s.reason}`)) || s.reason || '';
  return t('agreement.undefined', { reason });
}

/** Names of the round's codes and coders (a deleted code or an unknown coder has a stand-in). */
export interface RoundNames {
  code(id: string): string;
  coder(id: string): string;
}

export function renderAgreementResult(round: AgreementRoundView, result: AgreementResult, names: RoundNames) {
  const threshold = twoDecimals(round.threshold);
  const percent = (v: number) => percentFormat.format(v);
  return html`<section aria-labelledby="result-title">
    <h2 id="result-title">${t('agreement.resultTitle')}</h2>
    <dl class="stats">
      <dt>${t('agreement.percent')}</dt>
      <dd data-stat="percent">${statText(result.percentAgreement, percent)}</dd>
      <dt>${t('agreement.alpha')}</dt>
      <dd data-stat="alpha">${statText({ value: result.alpha.nominal, reason: result.alpha.reason })}</dd>
    </dl>
    <p class="hint">${t('agreement.percentHint')} ${t('agreement.alphaHint')}</p>
    <h3>${t('agreement.perCodeTitle')}</h3>
    <div class="table-wrap"><table class="stacked per-code">
      <thead><tr>
        <th scope="col">${t('agreement.kappaCode')}</th>
        <th scope="col">${t('agreement.percent')}</th>
        <th scope="col">${t('agreement.alpha')}</th>
      </tr></thead>
      <tbody>${result.percentAgreement.perCode.map((p) => html`<tr data-code-id=${p.codeId}>
        <th scope="row" data-label=${t('agreement.kappaCode')}>${names.code(p.codeId)}</th>
        <td data-label=${t('agreement.percent')}>${statText(p, percent)}</td>
        <td data-label=${t('agreement.alpha')}>${statText(result.alpha.perCode.find((a) => a.codeId === p.codeId) ?? { value: null, reason: null })}</td>
      </tr>`)}</tbody>
    </table></div>
    <h3>${t('agreement.kappaTitle')}</h3>
    <div class="table-wrap"><table class="stacked kappa">
      <thead><tr>
        <th scope="col">${t('agreement.kappaCode')}</th>
        <th scope="col">${t('agreement.kappaPair')}</th>
        <th scope="col">${t('agreement.kappaValue')}</th>
      </tr></thead>
      <tbody>${result.kappa.map((k) => html`<tr data-code-id=${k.codeId}>
        <th scope="row" data-label=${t('agreement.kappaCode')}>${names.code(k.codeId)}</th>
        <td data-label=${t('agreement.kappaPair')}>${t('agreement.pair', { a: names.coder(k.coders[0]), b: names.coder(k.coders[1]) })}</td>
        <td data-label=${t('agreement.kappaValue')}>${statText(k)}</td>
      </tr>`)}</tbody>
    </table></div>
    ${result.gold && round.goldStandard
      ? html`<h3>${t('agreement.goldTitle', { name: names.coder(round.goldStandard) })}</h3>
          <ul class="gold">${result.gold.map((g) => html`<li>
            ${t('agreement.goldLine', { name: names.coder(g.coder), kappa: statText(g.kappa), percent: statText(g.percentAgreement, percent) })}:
            <strong>${g.passed === null ? t('agreement.goldUnknown') : t(g.passed ? 'agreement.goldPassed' : 'agreement.goldFailed', { threshold })}</strong>
          </li>`)}</ul>`
      : nothing}
  </section>`;
}
