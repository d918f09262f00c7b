// Swedish date and time formatting for the UI; re-exported from sv.ts, which components import.

const longDate = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const clock = new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', minute: '2-digit' });
const dateTime = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });

const longDates = new Map<string, string>();

/** "2009-03-14" → "14 mars 2009" (the calendar date as written, whatever the time zone). Cached: the reader
 * formats thousands of dates at once. */
export function formatDateLong(iso: string): string {
  let text = longDates.get(iso);
  if (text === undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
    text = m ? longDate.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))) : iso;
    longDates.set(iso, text);
  }
  return text;
}

/** A timestamp as "14 mars 2024 14:32" in local time. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

/** A Date as "14:32" in local time. */
export function formatClock(d: Date): string {
  return clock.format(d);
}

const timestamp = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'short', timeStyle: 'medium' });

/** A timestamp as "2024-03-14 14:32:05" in local time (log tables). */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : timestamp.format(d);
}
