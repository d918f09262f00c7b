// One family over the years: the case file's key entries (report of concern, investigation, decision,
// placement) on a lane each, and the caseworkers' annotations on a lane per reflection question below,
// filled when the sign was known at the time, hollow when not or not stated; one mark per lane and
// quarter, sized by how many. "Were there early signs, and when?" at a glance.
import type { TopLevelSpec } from 'vega-lite';
import type { EntryKind } from '../../domain/types.ts';
import type { ReportChart, ReportTable } from '../report-types.ts';
import { CHART_CONFIG, palette, shapes } from './chart-style.ts';
import { decimalYear, plural } from './chart-format.ts';
import { vegaLiteToSvg } from './render-svg.ts';

export const KEY_KINDS = ['anmalan', 'utredning', 'beslut', 'placering'] as const satisfies readonly EntryKind[];
export type KeyKind = (typeof KEY_KINDS)[number];
export const KEY_KIND_LABEL: Record<KeyKind, string> = { anmalan: 'Orosanmälan', utredning: 'Utredning', beslut: 'Beslut', placering: 'Placering' };
const KIND_NOUN: Record<KeyKind, [string, string]> = {
  anmalan: ['orosanmälan', 'orosanmälningar'], utredning: ['utredning', 'utredningar'], beslut: ['beslut', 'beslut'], placering: ['placering', 'placeringar'],
};

export const KNOWN_LABEL = 'Känt vid tidpunkten';
export const NOT_KNOWN_LABEL = 'Inte känt då / inte angivet';

export interface ChronologyInput {
  family: { id: string; name: string };
  questions: { id: string; label: string }[];
  /** The family's dated case-file entries; kinds other than the key ones are left out. */
  entries: { date: string; kind: EntryKind; title: string }[];
  /** The family's annotations, dated by the entry they are in. */
  annotations: { date: string; questionId: string; knownAtTheTime: boolean | null }[];
}

const isKey = (kind: EntryKind): kind is KeyKind => (KEY_KINDS as readonly string[]).includes(kind);

/** One row per year with anything in it: key entries per kind, annotations per question, and how many were known then. */
export function chronologyTable(input: ChronologyInput): ReportTable {
  const years = new Map<number, { kinds: Record<KeyKind, number>; questions: Map<string, number>; known: number }>();
  const year = (iso: string) => {
    const y = Number(iso.slice(0, 4));
    let row = years.get(y);
    if (!row) years.set(y, (row = { kinds: { anmalan: 0, utredning: 0, beslut: 0, placering: 0 }, questions: new Map(), known: 0 }));
    return row;
  };
  for (const e of input.entries) if (isKey(e.kind)) year(e.date).kinds[e.kind]++;
  const asked = new Set(input.questions.map((q) => q.id));
  for (const a of input.annotations) {
    if (!asked.has(a.questionId)) continue;
    const row = year(a.date);
    row.questions.set(a.questionId, (row.questions.get(a.questionId) ?? 0) + 1);
    if (a.knownAtTheTime === true) row.known++;
  }
  return {
    caption: `${input.family.name}: nyckelhändelser i akten och annoteringar per år`,
    columns: ['År', ...KEY_KINDS.map((k) => KEY_KIND_LABEL[k]), ...input.questions.map((q) => `Annoteringar: ${q.label}`), `Varav ${KNOWN_LABEL.toLowerCase()}`],
    rows: [...years.entries()].sort(([a], [b]) => a - b).map(([y, r]) => [
      y, ...KEY_KINDS.map((k) => r.kinds[k]), ...input.questions.map((q) => r.questions.get(q.id) ?? 0), r.known,
    ]),
  };
}

function chronologyAlt(input: ChronologyInput): string {
  const firstYear = (dates: string[]) => dates.reduce<string | null>((m, d) => (m === null || d < m ? d : m), null)?.slice(0, 4);
  const kinds = KEY_KINDS.map((k) => {
    const dates = input.entries.filter((e) => e.kind === k).map((e) => e.date);
    return dates.length ? `${plural(dates.length, ...KIND_NOUN[k])} (${dates.length === 1 ? '' : 'första '}${firstYear(dates)})` : `inga ${KIND_NOUN[k][1]}`;
  });
  const questions = input.questions.flatMap((q) => {
    const own = input.annotations.filter((a) => a.questionId === q.id);
    if (own.length === 0) return [];
    const known = own.filter((a) => a.knownAtTheTime === true).length;
    return [`${plural(own.length, 'annotering', 'annoteringar')} om ${q.label.toLocaleLowerCase('sv')}, ${own.length === 1 ? 'från' : 'den första från'} ${firstYear(own.map((a) => a.date))}, ${known} ${own.length === 1 ? '' : 'av dem '}${known === 1 ? 'känd' : 'kända'} vid tidpunkten`];
  });
  return `Tidslinje för ${input.family.name}: ${kinds.join(', ')}. `
    + (questions.length ? `${questions.join('; ')}.` : 'Inga annoteringar.').replace(/^./, (c) => c.toUpperCase());
}

interface Mark {
  lane: string;
  status?: string;
  /** The middle of the quarter, as a decimal year. */
  year: number;
  n: number;
}

/** Marks of one lane (and status) in one quarter of a year, counted into one. */
function byQuarter(items: { lane: string; date: string; status?: string }[]): Mark[] {
  const marks = new Map<string, Mark>();
  for (const item of items) {
    const quarter = Math.floor((Number(item.date.slice(5, 7)) - 1) / 3);
    const key = `${item.lane}\n${item.status ?? ''}\n${item.date.slice(0, 4)}\n${quarter}`;
    const mark = marks.get(key);
    if (mark) mark.n++;
    else marks.set(key, { lane: item.lane, ...(item.status ? { status: item.status } : {}), year: Math.floor(decimalYear(item.date)) + quarter / 4 + 0.125, n: 1 });
  }
  return [...marks.values()];
}

export async function familyChronologyChart(input: ChronologyInput): Promise<Omit<ReportChart, 'figure'>> {
  const id = `chronology-${input.family.id}`;
  const title = `Tidslinje: ${input.family.name}`;
  const table = chronologyTable(input);
  const lanes = [...KEY_KINDS.map((k) => KEY_KIND_LABEL[k]), ...input.questions.map((q) => q.label)];
  const questionLabel = new Map(input.questions.map((q) => [q.id, q.label]));
  const entries = byQuarter(input.entries.filter((e) => isKey(e.kind)).map((e) => ({ lane: KEY_KIND_LABEL[e.kind as KeyKind], date: e.date })));
  const notes = byQuarter(input.annotations.filter((a) => questionLabel.has(a.questionId)).map((a) => ({
    lane: questionLabel.get(a.questionId)!, date: a.date, status: a.knownAtTheTime === true ? KNOWN_LABEL : NOT_KNOWN_LABEL,
  })));
  const years = [...entries, ...notes].map((v) => v.year);
  const from = years.length ? Math.floor(Math.min(...years)) : new Date().getUTCFullYear();
  const to = years.length ? Math.floor(Math.max(...years)) + 1 : from + 1;
  const x = {
    field: 'year', type: 'quantitative' as const, title: 'År', scale: { domain: [from, to], nice: false, zero: false, padding: 8 },
    axis: { format: 'd', tickMinStep: 1, grid: true, gridColor: '#e0e0e0' },
  };
  // A quarter with several marks of a lane draws one, larger (a family's file can hold thousands of entries).
  const size = { field: 'n', type: 'quantitative', scale: { type: 'sqrt', domain: [1, Math.max(2, ...[...entries, ...notes].map((v) => v.n))], range: [70, 420] }, legend: null } as const;
  const y = { field: 'lane', type: 'nominal', sort: lanes, scale: { domain: lanes }, title: null, axis: { labelLimit: 200 } } as const;
  const color = { field: 'lane', type: 'nominal', scale: { domain: lanes, range: palette(lanes.length) }, legend: null } as const;
  const shape = { field: 'lane', type: 'nominal', scale: { domain: lanes, range: shapes(lanes.length) }, legend: null } as const;
  const spec: TopLevelSpec = {
    config: CHART_CONFIG,
    title,
    width: Math.max(360, Math.min(720, (to - from) * 40)),
    height: { step: 26 },
    layer: [
      { data: { values: entries }, mark: { type: 'point', filled: true, size: 70, opacity: 1, stroke: '#222222', strokeWidth: 0.7 }, encoding: { x, y, color, shape, size } },
      {
        data: { values: notes },
        mark: { type: 'point', filled: false, size: 70, opacity: 1, stroke: '#222222', strokeWidth: 1.5 },
        encoding: {
          x, y, shape, size,
          fill: {
            field: 'status', type: 'nominal', title: 'Annotering',
            scale: { domain: [KNOWN_LABEL, NOT_KNOWN_LABEL], range: ['#333333', '#ffffff'] },
            legend: { symbolType: 'circle', symbolStrokeColor: '#222222', symbolStrokeWidth: 1.5, labelLimit: 320 },
          },
        },
      },
    ],
  };
  const alt = chronologyAlt(input);
  const svg = await vegaLiteToSvg(spec, { id, title, desc: alt });
  return { id, title, svg, table, alt };
}
