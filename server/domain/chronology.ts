// The chronology of a case file: dated entries recognised from lines that start with a date.
// One pass over the lines with hand-written parsing (no regex over the whole text), so a 5 MB file
// with thousands of entries takes a few milliseconds.
import type { Entry, EntryKind } from './types.ts';
import { isValidDate, isoDate, utcIsoDate } from './dates.ts';
import { luhnValid } from './personnummer.ts';

export interface DetectOptions {
  /** Decides the century of six-digit YYMMDD dates (20YY unless that is after today). Default: now. */
  today?: Date;
}

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['januari', 1], ['jan', 1], ['februari', 2], ['feb', 2], ['febr', 2], ['mars', 3], ['mar', 3],
  ['april', 4], ['apr', 4], ['maj', 5], ['juni', 6], ['jun', 6], ['juli', 7], ['jul', 7],
  ['augusti', 8], ['aug', 8], ['september', 9], ['sep', 9], ['sept', 9], ['oktober', 10], ['okt', 10],
  ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);

const MAX_TITLE = 200;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isBlank = (c: number): boolean => c === 32 || c === 9;

/** Reads a run of at most `max` digits at `p`; returns its value and end, or null when it is longer. */
function digits(text: string, p: number, end: number, min: number, max: number): { value: number; end: number } | null {
  let q = p;
  let value = 0;
  while (q < end && isDigit(text.charCodeAt(q))) {
    value = value * 10 + text.charCodeAt(q) - 48;
    q++;
    if (q - p > max) return null;
  }
  return q - p >= min ? { value, end: q } : null;
}

function checked(y: number, m: number, d: number, end: number): { date: string; end: number } | null {
  if (y < 1850 || y > 2150 || !isValidDate(y, m, d)) return null;
  return { date: isoDate(y, m, d), end };
}

/** Parses one of the supported date forms at `p`; `end` is the end of the line. */
function parseDate(text: string, p: number, end: number, todayIso: string): { date: string; end: number } | null {
  const first = digits(text, p, end, 1, 6);
  if (!first) return null;
  const len = first.end - p;
  const sep = text[first.end];
  if (len === 4 && (sep === '-' || sep === '.' || sep === '/')) {
    // 2009-03-14, 2009.03.14, 2009/03/14
    const month = digits(text, first.end + 1, end, 1, 2);
    if (!month || text[month.end] !== sep) return null;
    const day = digits(text, month.end + 1, end, 1, 2);
    return day ? checked(first.value, month.value, day.value, day.end) : null;
  }
  if (len <= 2 && (sep === '/' || (sep === '.' && isDigit(text.charCodeAt(first.end + 1))))) {
    // 14/3 2009, 14/3/2009, 14/3-2009, 14.3.2009
    const month = digits(text, first.end + 1, end, 1, 2);
    if (!month) return null;
    const s2 = text[month.end];
    if (!(s2 === sep || (sep === '/' && (s2 === ' ' || s2 === '-')))) return null;
    const year = digits(text, month.end + 1, end, 4, 4);
    return year ? checked(year.value, month.value, first.value, year.end) : null;
  }
  if (len <= 2) {
    // 14 mars 2009, 14 mar. 2009, 1 januari 2010
    let q = first.end;
    if (text[q] === '.') q++;
    if (!isBlank(text.charCodeAt(q))) return null;
    while (q < end && isBlank(text.charCodeAt(q))) q++;
    const w = q;
    while (q < end && q - w <= 9 && /\p{L}/u.test(text[q]!)) q++;
    const month = MONTHS.get(text.slice(w, q).toLowerCase());
    if (month === undefined) return null;
    if (text[q] === '.') q++;
    if (!isBlank(text.charCodeAt(q))) return null;
    while (q < end && isBlank(text.charCodeAt(q))) q++;
    const year = digits(text, q, end, 4, 4);
    return year ? checked(year.value, month, first.value, year.end) : null;
  }
  if (len === 6) {
    // 090314 — unless it is the date part of a personal number (090314-1234, 090314+1234, 090314 1234)
    const after = first.end;
    const tail = digits(text, after + 1, end, 4, 4);
    if (tail && (sep === '-' || sep === '+')) return null;
    if (tail && sep === ' ' && luhnValid(text.slice(p, after) + text.slice(after + 1, tail.end))) return null;
    const yy = Math.floor(first.value / 10000);
    const m = Math.floor(first.value / 100) % 100;
    const d = first.value % 100;
    const in20 = isoDate(2000 + yy, m, d);
    return checked(in20 <= todayIso ? 2000 + yy : 1900 + yy, m, d, after);
  }
  return null;
}

/** Recognises a dated heading line; returns its date and title, or null for an ordinary line. */
function parseLine(text: string, start: number, end: number, todayIso: string): { date: string; title: string } | null {
  let p = start;
  while (p < end && p - start < 16 && isBlank(text.charCodeAt(p))) p++;
  if (text.charCodeAt(p) === 35 /* # */) {
    const hashes = p;
    while (text.charCodeAt(p) === 35) p++;
    if (p - hashes > 6 || !isBlank(text.charCodeAt(p))) return null;
    while (p < end && isBlank(text.charCodeAt(p))) p++;
  }
  const emphasis = text.startsWith('**', p) || text.startsWith('__', p);
  if (emphasis) p += 2;
  const c = text.charCodeAt(p);
  if ((c === 68 || c === 100) && text.slice(p, p + 5).toLowerCase() === 'datum') {
    p += 5;
    if (text[p] === ':') p++;
    if (!isBlank(text.charCodeAt(p))) return null;
    while (p < end && isBlank(text.charCodeAt(p))) p++;
  } else if (!isDigit(c)) {
    return null;
  }
  const parsed = parseDate(text, p, end, todayIso);
  if (!parsed) return null;
  let q = parsed.end;
  if (emphasis && (text.startsWith('**', q) || text.startsWith('__', q))) q += 2;
  // The date must end at a separator (or the line end): "2009-03-14abc" and "2009-03-145" are not dates.
  const after = text[q];
  if (q < end && after !== ' ' && after !== '\t' && after !== ':' && after !== ',') return null;
  return { date: parsed.date, title: cleanTitle(text.slice(q, Math.min(end, q + 3 * MAX_TITLE)), emphasis) };
}

function cleanTitle(raw: string, emphasis: boolean): string {
  let title = raw.replace(/^[\s:,]*(?:[-–—]\s*)?/, '').trimEnd();
  if (emphasis) title = title.replace(/^(?:\*\*|__)\s*/, '').replace(/\s*(?:\*\*|__)$/, '');
  title = title.replace(/\s+#+$/, '').replace(/:$/, '').trimEnd();
  return title.length > MAX_TITLE ? title.slice(0, MAX_TITLE).trimEnd() : title;
}

/**
 * Splits a case file into dated entries. An entry starts at a line that begins (after optional
 * spaces, Markdown heading marks, `**` or a `Datum:` label) with a date — `2009-03-14`, `2009.03.14`,
 * `14 mars 2009`, `14 mar. 2009`, `14/3 2009`, `14/3/2009`, `14/3-2009`, `14.3.2009` or `090314` —
 * followed by a separator (space, ` – `, ` - `, `: `, `, `) and a heading. It ends where the next entry
 * starts. Entries keep text order; text before the first entry belongs to none.
 * Example: `detectEntries('2009-03-14 – Orosanmälan från skolan:\nText')`
 *   → `[{ start: 0, end: 42, date: '2009-03-14', kind: 'anmalan', title: 'Orosanmälan från skolan' }]`.
 */
export function detectEntries(text: string, opts: DetectOptions = {}): Entry[] {
  const todayIso = utcIsoDate(opts.today ?? new Date());
  const entries: Entry[] = [];
  const n = text.length;
  let previous: Entry | undefined;
  // Case files repeat the same headings ("Journalanteckning") thousands of times.
  const kinds = new Map<string, EntryKind>();
  for (let lineStart = 0; lineStart < n; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    const line = parseLine(text, lineStart, lineEnd, todayIso);
    if (line) {
      if (previous) previous.end = lineStart;
      let kind = kinds.get(line.title);
      if (kind === undefined) kinds.set(line.title, (kind = entryKindFromHeading(line.title)));
      previous = { start: lineStart, end: n, date: line.date, kind, title: line.title };
      entries.push(previous);
    }
    lineStart = lineEnd + 1;
  }
  return entries;
}

// Kinds from headings. Swedish builds compounds with the head last ("placeringsbeslut" is a decision,
// "familjehemsplacering" a placement), so a word is classified by, in order:
//   1. a few known compounds whose meaning the general rules get wrong,
//   2. a compound head at the end of the word (with an inflection ending: -en, -et, -ar, -s, ...),
//   3. the longest stem the word starts with (which also covers inflections: "beslutet", "placerad").
// Keywords match whole words or word starts only, never in the middle of a word except as a compound
// head, so "utredningsansökan" is an ansökan (head) and "Beslutsmöte" a beslut (stem; "möte" is no head).
// The first word in the heading that has a kind decides: "Uppföljning av beslut" → uppfoljning.
// Vårdplan and genomförandeplan count as uppfoljning: they are the plans that follow-ups review.
const COMPOUNDS: ReadonlyArray<readonly [string, EntryKind]> = [
  ['uppföljningssamtal', 'uppfoljning'], ['uppföljningsbesök', 'uppfoljning'],
];
const HEADS: ReadonlyArray<readonly [string, EntryKind]> = [
  ['anmälan', 'anmalan'], ['ansökan', 'ansokan'], ['utredning', 'utredning'], ['beslut', 'beslut'],
  ['placering', 'placering'], ['anteckning', 'journalanteckning'], ['samtal', 'journalanteckning'],
  ['besök', 'journalanteckning'],
];
const INFLECTIONS: ReadonlySet<string> = new Set(['', 's', 'n', 'en', 'et', 'na', 'ar', 'arna', 'er', 'erna', 'ens', 'ets']);
const STEMS: ReadonlyArray<readonly [string, EntryKind]> = [
  ['anmäl', 'anmalan'], ['orosanmäl', 'anmalan'], ['polisanmäl', 'anmalan'], ['polisrapport', 'anmalan'],
  ['orosrapport', 'anmalan'],
  ['ansök', 'ansokan'],
  ['utred', 'utredning'], ['förhandsbedöm', 'utredning'], ['skyddsbedöm', 'utredning'], ['bbic', 'utredning'],
  ['beslut', 'beslut'], ['omhändertag', 'beslut'],
  ['journal', 'journalanteckning'], ['anteckning', 'journalanteckning'], ['hembesök', 'journalanteckning'],
  ['besök', 'journalanteckning'], ['samtal', 'journalanteckning'], ['telefonsamtal', 'journalanteckning'],
  ['möte', 'journalanteckning'], ['familjemöte', 'journalanteckning'],
  ['uppfölj', 'uppfoljning'], ['vårdplan', 'uppfoljning'], ['genomförandeplan', 'uppfoljning'],
  ['samordnad', 'sip'], ['nätverk', 'sip'], ['samverkan', 'sip'],
  ['placer', 'placering'], ['omplacer', 'placering'], ['familjehem', 'placering'], ['jourhem', 'placering'],
  ['hvb', 'placering'],
];
// Too short to be stems: "sip" would match "sipprade", "sis" would match "sista".
const WORDS: ReadonlyMap<string, EntryKind> = new Map([['sip', 'sip'], ['sis', 'placering']]);

function wordKind(word: string): EntryKind | null {
  for (const [compound, kind] of COMPOUNDS) if (word.startsWith(compound)) return kind;
  let headAt = 0;
  let headKind: EntryKind | null = null;
  for (const [head, kind] of HEADS) {
    const i = word.lastIndexOf(head);
    if (i > headAt && INFLECTIONS.has(word.slice(i + head.length))) {
      headAt = i;
      headKind = kind;
    }
  }
  if (headKind) return headKind;
  const exact = WORDS.get(word);
  if (exact) return exact;
  let best = '';
  let bestKind: EntryKind | null = null;
  for (const [stem, kind] of STEMS) {
    if (stem.length > best.length && word.startsWith(stem)) {
      best = stem;
      bestKind = kind;
    }
  }
  return bestKind;
}

/**
 * The kind of an entry from its heading: the earliest word with a known keyword wins.
 * Examples: "Beslut om placering i familjehem" → 'beslut'; "Placering i familjehem verkställd" →
 * 'placering'; "Orosanmälan från BVC" → 'anmalan'; "SIP-möte" → 'sip'; "Kallelse" → 'ovrigt'.
 */
export function entryKindFromHeading(heading: string): EntryKind {
  for (const match of heading.toLowerCase().matchAll(/\p{L}+/gu)) {
    const kind = wordKind(match[0]);
    if (kind) return kind;
  }
  return 'ovrigt';
}
