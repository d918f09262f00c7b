// Calendar helpers shared by the chronology and the personal-number scanner. Dates are plain
// ISO strings (YYYY-MM-DD), which compare correctly as strings.

/** Whether year-month-day is a real calendar date (Gregorian, leap years included). */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Days in a month; `daysInMonth(2000, 2)` → 29, `daysInMonth(1900, 2)` → 28. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Formats a date as `YYYY-MM-DD` without validating it: `isoDate(2009, 3, 14)` → '2009-03-14'. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The UTC calendar date of an instant as `YYYY-MM-DD` (deterministic whatever the server's zone). */
export function utcIsoDate(instant: Date): string {
  return isoDate(instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate());
}
