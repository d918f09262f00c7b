// Numbers as the report prints them (Swedish: decimal comma) and the small statistics the charts need.
import type { ReportCount } from '../report-types.ts';

/** 2.5 → "2,5"; integers stay integers; `decimals` caps the fraction digits. */
export function svNumber(n: number, decimals = 1): string {
  const f = 10 ** decimals;
  const rounded = Math.round(n * f) / f;
  return String(rounded).replace('-', '−').replace('.', ',');
}

/** A count, or the suppression mark "< N" when it is from 1 to N − 1 (suppressBelow 0 or 1 shows all). */
export function reportCount(n: number, suppressBelow: number): ReportCount {
  return suppressBelow > 1 && n > 0 && n < suppressBelow ? `< ${suppressBelow}` : n;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Decimal year of an ISO date (2010-07-02 ≈ 2010.5), for a year axis that needs no time zone. */
export function decimalYear(iso: string): number {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const start = Date.UTC(y, 0, 1);
  const length = Date.UTC(y + 1, 0, 1) - start;
  return y + (Date.UTC(y, m - 1, d) - start) / length;
}

const DAY = 86_400_000;
/** Years from `from` to `to` (ISO dates), as days / 365.25. */
export function yearsBetween(from: string, to: string): number {
  return (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) / DAY / 365.25;
}

/** "1 annotering", "3 annoteringar". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
