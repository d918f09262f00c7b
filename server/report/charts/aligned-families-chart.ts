// All families on one axis, aligned at their first contact (year 0): years to the first annotated
// early sign, the first investigation, the first decision and the first placement, and the median.
import type { TopLevelSpec } from 'vega-lite';
import type { ReportChart, ReportTable } from '../report-types.ts';
import { CHART_CONFIG, palette, shapes } from './chart-style.ts';
import { median, plural, svNumber, yearsBetween } from './chart-format.ts';
import { vegaLiteToSvg } from './render-svg.ts';

export interface AlignedFamiliesInput {
  /** The early-sign question's label, e.g. "Tidiga tecken". */
  earlySignLabel: string;
  families: {
    id: string;
    name: string;
    /** ISO date of the first contact: the earlier of activeFrom and the first case-file entry. */
    firstContact: string;
    /** ISO dates of the first of each, or null when there is none. */
    firstEarlySign: string | null;
    firstInvestigation: string | null;
    firstDecision: string | null;
    firstPlacement: string | null;
  }[];
}

export const MILESTONES = ['firstEarlySign', 'firstInvestigation', 'firstDecision', 'firstPlacement'] as const;
export type Milestone = (typeof MILESTONES)[number];

export function milestoneLabels(earlySignLabel: string): Record<Milestone, string> {
  return {
    firstEarlySign: `Första ${earlySignLabel.toLocaleLowerCase('sv')}`,
    firstInvestigation: 'Första utredning',
    firstDecision: 'Första beslut',
    firstPlacement: 'Första placering',
  };
}

/** Years from first contact, one decimal, per family and milestone (null: never); then the medians of those. */
export function alignedYears(input: AlignedFamiliesInput): { rows: { name: string; years: Record<Milestone, number | null> }[]; median: Record<Milestone, number | null> } {
  const rows = input.families.map((f) => ({
    name: f.name,
    years: Object.fromEntries(MILESTONES.map((m) => {
      const date = f[m];
      return [m, date === null ? null : Math.round(yearsBetween(f.firstContact, date) * 10) / 10];
    })) as Record<Milestone, number | null>,
  }));
  const med = Object.fromEntries(MILESTONES.map((m) => [m, median(rows.flatMap((r) => (r.years[m] === null ? [] : [r.years[m]!])))])) as Record<Milestone, number | null>;
  return { rows, median: med };
}

const cell = (n: number | null): string => (n === null ? '' : svNumber(n));

export function alignedTable(input: AlignedFamiliesInput): ReportTable {
  const labels = milestoneLabels(input.earlySignLabel);
  const { rows, median: med } = alignedYears(input);
  return {
    caption: 'År från första kontakt till första tidiga tecken, utredning, beslut och placering per familj (tomt = aldrig)',
    columns: ['Familj', 'Första kontakt', ...MILESTONES.map((m) => `${labels[m]} (år)`)],
    rows: [
      ...rows.map((r, i) => [r.name, input.families[i]!.firstContact.slice(0, 10), ...MILESTONES.map((m) => cell(r.years[m]))]),
      ['Median', '', ...MILESTONES.map((m) => cell(med[m]))],
    ],
  };
}

const years = (n: number): string => `${svNumber(n)} år`;

/** "Median 2,5 år från första kontakt till första utredning; första tidiga tecken i median 1 år före …" */
export function alignedAlt(input: AlignedFamiliesInput): string {
  const labels = milestoneLabels(input.earlySignLabel);
  const { rows, median: med } = alignedYears(input);
  const n = rows.length;
  const had = (m: Milestone) => rows.filter((r) => r.years[m] !== null).length;
  if (n === 0) return 'Inga familjer i urvalet.';
  const parts: string[] = [];
  if (med.firstInvestigation !== null) {
    parts.push(`Median ${years(med.firstInvestigation)} från första kontakt till första utredning (${had('firstInvestigation')} av ${n} familjer)`);
    const leads = rows.flatMap((r) => (r.years.firstEarlySign !== null && r.years.firstInvestigation !== null
      ? [Math.round((r.years.firstInvestigation - r.years.firstEarlySign) * 10) / 10] : []));
    const lead = median(leads);
    if (lead !== null) {
      const sign = labels.firstEarlySign.toLocaleLowerCase('sv');
      parts.push(lead === 0 ? `${sign} i median samtidigt med första utredningen (${plural(leads.length, 'familj', 'familjer')})`
        : `${sign} i median ${years(Math.abs(lead))} ${lead > 0 ? 'före' : 'efter'} första utredningen (${plural(leads.length, 'familj', 'familjer')})`);
    }
  } else {
    parts.push(`Ingen av de ${n} familjerna har någon utredning i akten`);
  }
  const rest = (['firstDecision', 'firstPlacement'] as const).flatMap((m) => (med[m] === null ? []
    : [`till ${labels[m].toLocaleLowerCase('sv')} ${years(med[m]!)} (${had(m)} av ${n})`]));
  return `${parts.join('; ')}.${rest.length ? ` Median ${rest.join(', ')}.` : ''}`;
}

export async function alignedFamiliesChart(input: AlignedFamiliesInput): Promise<Omit<ReportChart, 'figure'>> {
  const id = 'aligned-families';
  const title = 'Familjerna från första kontakt: tidiga tecken, utredning, beslut och placering';
  const labels = milestoneLabels(input.earlySignLabel);
  const { rows, median: med } = alignedYears(input);
  const all = [...rows, { name: 'Median', years: med }];
  const names = all.map((r) => r.name);
  const marks = all.flatMap((r) => MILESTONES.flatMap((m) => (r.years[m] === null ? [] : [{ family: r.name, milestone: labels[m], years: r.years[m] }])));
  const spans = all.map((r) => ({ family: r.name, from: 0, to: Math.max(0, ...MILESTONES.map((m) => r.years[m] ?? 0)) }));
  const milestoneNames = MILESTONES.map((m) => labels[m]);
  const y = { field: 'family', type: 'nominal', sort: names, scale: { domain: names }, title: null } as const;
  const spec: TopLevelSpec = {
    config: CHART_CONFIG,
    title,
    width: 480,
    height: { step: 26 },
    layer: [
      {
        data: { values: spans },
        mark: { type: 'rule', stroke: '#9e9e9e', strokeWidth: 1 },
        encoding: { y, x: { field: 'from', type: 'quantitative' }, x2: { field: 'to' } },
      },
      {
        data: { values: marks },
        mark: { type: 'point', filled: true, size: 80, opacity: 1, stroke: '#222222', strokeWidth: 0.5 },
        encoding: {
          y,
          x: { field: 'years', type: 'quantitative', title: 'År från första kontakt', axis: { tickMinStep: 1, grid: true, gridColor: '#e0e0e0' } },
          color: { field: 'milestone', type: 'nominal', title: 'Händelse', scale: { domain: milestoneNames, range: palette(4) } },
          shape: { field: 'milestone', type: 'nominal', title: 'Händelse', scale: { domain: milestoneNames, range: shapes(4) } },
        },
      },
    ],
  };
  const alt = alignedAlt(input);
  const svg = await vegaLiteToSvg(spec, { id, title, desc: alt });
  return { id, title, svg, table: alignedTable(input), alt };
}
