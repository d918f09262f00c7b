// Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer):
// parsing, validation and a scanner that finds them in running text.
//
// Forms: YYMMDD-NNNC, YYMMDD+NNNC, YYMMDD NNNC, YYMMDDNNNC and the same with a four-digit year.
// A candidate counts only when its date is real (day + 60 for a samordningsnummer) and the Luhn check
// digit over YYMMDDNNN holds, so dates, amounts, case numbers and phone numbers are left alone. In
// running text, a number written with a personnummer's own separator (YYMMDD-NNNN, YYMMDD+NNNN) counts
// even when its check digit is wrong: a mistyped personnummer in a case file still identifies someone.
import { isValidDate, isoDate, utcIsoDate } from './dates.ts';

export type PersonnummerKind = 'personnummer' | 'samordningsnummer';

export interface Personnummer {
  /** Canonical form: 12 digits, no separator, e.g. '199001012385'. A samordningsnummer keeps day + 60. */
  canonical: string;
  kind: PersonnummerKind;
  /** Date of birth, YYYY-MM-DD (for a samordningsnummer the day with 60 taken off). */
  birthDate: string;
}

export interface PersonnummerMatch extends Personnummer {
  /** Offsets of the number as written in the text (separator included). */
  start: number;
  end: number;
}

export interface PersonnummerOptions {
  /** Decides the century of ten-digit forms. Default: now. */
  today?: Date;
}

// Hyphen-like characters and spaces that word processors put in place of '-' or ' '.
const SEPARATORS = '-+\u2010\u2011\u2013\u2212 \u00a0\u202f';
const PATTERN = `(\\d{8}|\\d{6})([${SEPARATORS}]?)(\\d{4})`;
// Never inside a longer digit run: no digit directly before or after.
const SCAN = new RegExp(`(?<!\\d)${PATTERN}(?!\\d)`, 'g');
const WHOLE = new RegExp(`^${PATTERN}$`);

/**
 * Whether the last of ten digits is the Luhn check digit of the first nine
 * (weights 2, 1, 2, ... as Skatteverket computes it): `luhnValid('9001012385')` → true.
 */
export function luhnValid(tenDigits: string): boolean {
  if (tenDigits.length !== 10) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const d = tenDigits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    const v = i % 2 === 0 ? d * 2 : d;
    sum += v > 9 ? v - 9 : v;
  }
  return (10 - (sum % 10)) % 10 === tenDigits.charCodeAt(9) - 48;
}

const num2 = (s: string, i: number): number => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

function interpret(date: string, separator: string, serial: string, todayIso: string, lenient = false): Personnummer | null {
  const short = date.length === 8 ? date.slice(2) : date;
  if (!luhnValid(short + serial) && !(lenient && (separator === '-' || separator === '+'))) return null;
  const month = num2(short, 2);
  let day = num2(short, 4);
  const kind: PersonnummerKind = day > 60 ? 'samordningsnummer' : 'personnummer';
  if (kind === 'samordningsnummer') day -= 60;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  let year: number;
  if (date.length === 8) {
    year = num2(date, 0) * 100 + num2(date, 2);
    if (year < 1800 || year >= 2100) return null;
  } else {
    // The most recent year ending in YY whose date is not after today; '+' marks someone 100 or older.
    const yy = num2(short, 0);
    const thisYear = Number(todayIso.slice(0, 4));
    year = thisYear - ((((thisYear - yy) % 100) + 100) % 100);
    if (isoDate(year, month, day) > todayIso) year -= 100;
    if (separator === '+') year -= 100;
  }
  if (!isValidDate(year, month, day)) return null;
  return { canonical: String(year).slice(0, 2) + short + serial, kind, birthDate: isoDate(year, month, day) };
}

/**
 * Parses a string that is exactly one personal or coordination number (surrounding spaces allowed).
 * Example: `parsePersonnummer('900101-2385')` → `{ canonical: '199001012385', kind: 'personnummer',
 * birthDate: '1990-01-01' }`; `parsePersonnummer('900101-2386')` → null (check digit).
 */
export function parsePersonnummer(s: string, opts: PersonnummerOptions = {}): Personnummer | null {
  const m = WHOLE.exec(s.trim());
  if (!m) return null;
  return interpret(m[1]!, m[2]!, m[3]!, utcIsoDate(opts.today ?? new Date()));
}

/**
 * Finds every personal and coordination number in a text, in text order, with offsets (a wrong
 * check digit is forgiven when the number is written with - or +).
 * Example: `findPersonnummer('Elsa, 000229-2399, bor hos mamma.')`
 *   → `[{ start: 6, end: 17, canonical: '200002292399', kind: 'personnummer', birthDate: '2000-02-29' }]`.
 */
export function findPersonnummer(text: string, opts: PersonnummerOptions = {}): PersonnummerMatch[] {
  const todayIso = utcIsoDate(opts.today ?? new Date());
  const found: PersonnummerMatch[] = [];
  SCAN.lastIndex = 0;
  for (let m = SCAN.exec(text); m; m = SCAN.exec(text)) {
    const n = interpret(m[1]!, m[2]!, m[3]!, todayIso, true);
    if (n) found.push({ start: m.index, end: m.index + m[0].length, canonical: n.canonical, kind: n.kind, birthDate: n.birthDate });
  }
  return found;
}
