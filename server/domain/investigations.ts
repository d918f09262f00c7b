// Child-protection investigations (utredningar) found in a family's chronology, with the four-month
// limit of SoL (2001:453) 11 kap. 2 §: an investigation "ska bedrivas skyndsamt och vara slutförd
// senast inom fyra månader"; the board may extend it for special reasons.
//
// Read from the entry headings only (the chronology's kinds and titles):
// - Start: a heading that says an investigation is opened — a word starting with "inled" or
//   "påbörja" together with "utredning" ("Förhandsbedömning: utredning inleds", "Förhandsbedömning och
//   beslut att inleda utredning", "Beslut om placering ... och om att inleda utredning"), and no
//   "ingen" ("Förhandsbedömning: ingen utredning" is a decision not to investigate). The chronology
//   classifies förhandsbedömning headings as kind 'utredning' (stem "förhandsbedöm"), so they need no
//   kind of their own; a förhandsbedömning whose heading does not state its outcome is not a start.
// - Report: the first 'utredning' entry after the start that is neither a start nor a förhands-/
//   skyddsbedömning ("Utredning enligt BBIC avseende …", "Utredning (kortutredning) avseende …").
// - Decision: the first 'beslut' after the start — and after the report, when there is one — that is
//   not interim: decisions to extend the investigation ("Beslut om förlängd utredningstid") and
//   emergency decisions ("omedelbart omhändertagande", 6 § LVU) do not decide it. Placements decided
//   while the investigation runs come before its report and are skipped by the same rule.
// - An investigation ends where the next one starts: no decision before that → decided = null.
// The four months are calendar months counted as in lag (1930:173) om beräkning av lagstadgad tid:
// the limit is the same day number four months later, or that month's last day when it has no such
// day (2018-10-31 → 2019-02-28). Over the limit = decided after that day. An extension decision is
// reported but does not move the limit: the length of the extension is in its text, not its heading.
import type { Entry } from './types.ts';
import { daysInMonth, isoDate } from './dates.ts';

export const INVESTIGATION_MONTHS = 4;

export interface EntryRef {
  date: string;
  /** Index into the chronology passed in. */
  entryIndex: number;
}

export interface Investigation {
  start: EntryRef;
  /** The "Utredning enligt BBIC …" entry, when the file has one before the decision. */
  report: EntryRef | null;
  /** The first decision to extend the investigation time, if any. */
  extended: EntryRef | null;
  decided: EntryRef | null;
  /** Calendar days from start to decision; null while undecided. */
  days: number | null;
  /** The last day of the four months (ISO date). */
  limit: string;
  /** Decided after `limit`; undecided and `asOf` after `limit`. */
  overLimit: boolean;
  /** A kortutredning (short investigation), from the start or report heading. */
  short: boolean;
}

export interface InvestigationOptions {
  /** ISO date: an undecided investigation counts as over the limit once this is past the limit. */
  asOf?: string;
}

const words = (title: string): string[] => title.toLocaleLowerCase('sv').match(/\p{L}+/gu) ?? [];

/** True when the heading says an investigation is opened. */
export function opensInvestigation(title: string): boolean {
  const w = words(title);
  return w.some((x) => x.includes('utredning'))
    && w.some((x) => x.startsWith('inled') || x.startsWith('påbörja'))
    && !w.includes('ingen');
}

const isAssessment = (title: string): boolean => words(title).some((x) => x.startsWith('förhandsbedöm') || x.startsWith('skyddsbedöm'));
const isExtension = (title: string): boolean => words(title).some((x) => x.startsWith('förläng'));
const isEmergency = (title: string): boolean => {
  const w = words(title);
  return w.includes('omedelbart') || w.includes('omedelbara') || w.some((x) => x.startsWith('tillfällig'));
};

/** ISO date + months, clamped to the month's last day (lag 1930:173). */
export function addCalendarMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return isoDate(year, month, day);
}

const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Calendar days from one ISO date to another. */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** Days taken, the four-month limit and whether it was passed, for an investigation's start and decision. */
export function investigationTiming(
  start: string, decided: string | null, options: InvestigationOptions = {},
): { days: number | null; limit: string; overLimit: boolean } {
  const limit = addCalendarMonths(start, INVESTIGATION_MONTHS);
  const overLimit = decided !== null ? decided > limit : options.asOf !== undefined && options.asOf > limit;
  return { days: decided === null ? null : daysBetween(start, decided), limit, overLimit };
}

/** The investigations of a chronology, in text order (entries as from detectEntries). */
export function findInvestigations(
  entries: ReadonlyArray<Pick<Entry, 'date' | 'kind' | 'title'>>, options: InvestigationOptions = {},
): Investigation[] {
  const starts: number[] = [];
  entries.forEach((e, i) => {
    if ((e.kind === 'utredning' || e.kind === 'beslut') && opensInvestigation(e.title)) starts.push(i);
  });
  return starts.map((s, n) => {
    const stop = starts[n + 1] ?? entries.length;
    const ref = (i: number): EntryRef => ({ date: entries[i]!.date, entryIndex: i });
    let report: number | null = null;
    let extended: number | null = null;
    for (let i = s + 1; i < stop; i++) {
      const e = entries[i]!;
      if (report === null && e.kind === 'utredning' && !isAssessment(e.title)) report = i;
      if (extended === null && e.kind === 'beslut' && isExtension(e.title)) extended = i;
    }
    let decided: number | null = null;
    for (let i = (report ?? s) + 1; i < stop && decided === null; i++) {
      const e = entries[i]!;
      if (e.kind === 'beslut' && !isExtension(e.title) && !isEmergency(e.title)) decided = i;
    }
    const decidedDate = decided === null ? null : entries[decided]!.date;
    const { days, limit, overLimit } = investigationTiming(entries[s]!.date, decidedDate, options);
    const shortTitle = (i: number | null) => i !== null && words(entries[i]!.title).includes('kortutredning');
    return {
      start: ref(s),
      report: report === null ? null : ref(report),
      extended: extended === null ? null : ref(extended),
      decided: decided === null ? null : ref(decided),
      days,
      limit,
      overLimit,
      short: shortTitle(s) || shortTitle(report),
    };
  });
}
