// Calendar helpers over ISO dates (YYYY-MM-DD) and the four date forms used in Swedish case files.

export const MONTHS_SV = [
  'januari', 'februari', 'mars', 'april', 'maj', 'juni',
  'juli', 'augusti', 'september', 'oktober', 'november', 'december',
] as const;

export const WEEKDAYS_SV = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'] as const;

export type DateStyle = 'iso' | 'sv' | 'dm' | 'yymmdd';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for an ISO date. */
export function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

export function isoFromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Whole years between two ISO dates (age on `at` of someone born on `born`). */
export function yearsBetween(born: string, at: string): number {
  let age = Number(at.slice(0, 4)) - Number(born.slice(0, 4));
  // ISO month-day strings compare correctly as text.
  if (at.slice(5) < born.slice(5)) age--;
  return age;
}

/** Writes an ISO date in one of the four case-file forms. */
export function formatDate(iso: string, style: DateStyle): string {
  const y = iso.slice(0, 4);
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  switch (style) {
    case 'iso':
      return iso;
    case 'sv':
      return `${d} ${MONTHS_SV[m - 1]} ${y}`;
    case 'dm':
      return `${d}/${m} ${y}`;
    case 'yymmdd':
      return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);
  }
}

/** "den 14 mars", for dates inside body text. */
export function spokenDate(iso: string): string {
  return `den ${Number(iso.slice(8, 10))} ${MONTHS_SV[Number(iso.slice(5, 7)) - 1]}`;
}
