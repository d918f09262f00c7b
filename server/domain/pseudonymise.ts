// Pseudonymisation at import: identifying details are replaced by stable pseudonyms derived with
// HMAC-SHA-256 from the data directory's secret key, so the same person gets the same pseudonym in
// every document while the original cannot be recovered without the key.
//
// Each kind of detail is found by one detector, a function from text to detections. To add one
// (case numbers, say), write the function, add its kind and label below and put it in DETECTORS;
// where detections overlap, their union is replaced, as the kind of the earliest detector among them.
// Street addresses live in pseudonymise-addresses.ts; the names the lead lists for a family
// (pseudonymise-names.ts) are replaced by the lead's labels (`[Barn 1]`) rather than by hashes, and
// only when rules are passed in.
import { createHmac } from 'node:crypto';
import { findPersonnummer } from './personnummer.ts';
import { detectAddresses } from './pseudonymise-addresses.ts';
import { detectNames, type NameRule } from './pseudonymise-names.ts';

export type PseudonymKind = 'personnummer' | 'samordningsnummer' | 'telefon' | 'epost' | 'adress' | 'namn';

/** Every kind, in the order a summary lists them. */
export const PSEUDONYM_KINDS: readonly PseudonymKind[] = [
  'personnummer', 'samordningsnummer', 'telefon', 'epost', 'adress', 'namn',
];

/** One replaced detail; offsets refer to the INPUT text. */
export interface Replacement {
  kind: PseudonymKind;
  start: number;
  end: number;
  pseudonym: string;
}

/** What a detector reports: where the detail is and its canonical value (what the pseudonym hashes). */
export interface Detection {
  kind: PseudonymKind;
  start: number;
  end: number;
  value: string;
  /** Set when the detector chooses the pseudonym itself (names: the lead's label); otherwise keyed hash. */
  pseudonym?: string;
}

export interface DetectorContext {
  today: Date;
  /** The secret key, for detectors that compare keyed hashes (listed names). */
  key: Uint8Array;
}

/** Finds one kind of detail; must return its detections in text order. */
export type Detector = (text: string, ctx: DetectorContext) => Detection[];

export interface PseudonymiseOptions {
  /** Decides the century of ten-digit personal numbers. Default: now. */
  today?: Date;
  /** Detectors in priority order. Default: DETECTORS. */
  detectors?: readonly Detector[];
  /** The names listed for the family; when given, a names detector runs after the others. */
  names?: readonly NameRule[];
}

const LABELS: Record<PseudonymKind, string> = {
  personnummer: 'PNR',
  samordningsnummer: 'SAMN',
  telefon: 'TEL',
  epost: 'E-POST',
  adress: 'ADRESS',
  namn: 'NAMN',
};

/** Personal and coordination numbers in every common form, canonical 12 digits. */
export const detectPersonnummer: Detector = (text, ctx) =>
  findPersonnummer(text, { today: ctx.today }).map((m) => ({ kind: m.kind, start: m.start, end: m.end, value: m.canonical }));

const isAsciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlnum = (ch: string | undefined): boolean =>
  ch !== undefined && (isAsciiAlnum(ch.charCodeAt(0)) || (ch.charCodeAt(0) >= 0xc0 && /[\p{L}\p{N}]/u.test(ch)));
const isLocalChar = (ch: string | undefined): boolean => isAlnum(ch) || (ch !== undefined && '._%+-'.includes(ch));
const isDomainChar = (ch: string | undefined): boolean => isAlnum(ch) || ch === '.' || ch === '-';

/** E-mail addresses, found by expanding around each '@' (linear; no backtracking regex). Value: lower case. */
export const detectEmail: Detector = (text) => {
  const found: Detection[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < 64 && isLocalChar(text[start - 1])) start--;
    while (text[start] === '.') start++;
    let end = at + 1;
    while (end < text.length && end - at <= 255 && isDomainChar(text[end])) end++;
    while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
    if (start === at || text[at - 1] === '.') continue;
    const labels = text.slice(at + 1, end).split('.');
    const tld = labels[labels.length - 1]!;
    const labelsOk = labels.every((l) => l.length > 0 && l[0] !== '-' && l[l.length - 1] !== '-');
    if (labels.length < 2 || !labelsOk || tld.length < 2 || !/^\p{L}+$/u.test(tld)) continue;
    found.push({ kind: 'epost', start, end, value: text.slice(start, end).toLowerCase() });
  }
  return found;
};

const PHONE_LEAD = /\+46|0046|0/g;
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
const isPhoneSeparator = (ch: string | undefined): boolean => ch === ' ' || ch === '-' || ch === '\u00a0';

/**
 * Swedish phone numbers, conservatively: a leading 0 or +46 (0046), 8–10 digits in national form,
 * written as one run (0701234567) or as an area code of 2–4 digits followed by one group of 5–8
 * digits or by groups of 2–4 (070-123 45 67, 08-12 34 56, +46 70 123 45 67, +46 (0)8-123 456 78).
 * Not after a digit and '-', '/' or '.' (dates, case numbers); digit groups of three after a digit
 * and a space are thousands (1 012 345 kr). Value: +46 and the national number without its 0.
 */
export const detectPhone: Detector = (text) => {
  const found: Detection[] = [];
  PHONE_LEAD.lastIndex = 0;
  for (let m = PHONE_LEAD.exec(text); m; m = PHONE_LEAD.exec(text)) {
    const phone = readPhone(text, m.index, m[0]);
    if (phone) {
      found.push(phone);
      PHONE_LEAD.lastIndex = phone.end;
    }
  }
  return found;
};

function readPhone(text: string, start: number, lead: string): Detection | null {
  const before = text[start - 1];
  if (isAlnum(before) || before === '+' || before === '_') return null;
  const afterDigit = isDigit(text[start - 2]);
  if (afterDigit && (before === '-' || before === '/' || before === '.')) return null;
  let p = start;
  if (lead !== '0') {
    p += lead.length;
    if (isPhoneSeparator(text[p])) p++;
    if (text.startsWith('(0)', p)) p += isPhoneSeparator(text[p + 3]) ? 4 : 3;
    if (!isDigit(text[p]) || text[p] === '0') return null;
  } else if (text[start + 1] === '0') {
    return null; // "00…" is an international prefix or not a phone number at all
  }
  const groups: string[] = [];
  let total = lead === '0' ? 0 : 1; // the national 0 that +46 stands for
  let end = p;
  for (;;) {
    let q = p;
    while (isDigit(text[q])) q++;
    const group = text.slice(p, q);
    if (total + group.length > 10 || groups.length === 6) break;
    groups.push(group);
    total += group.length;
    end = q;
    if (!(isPhoneSeparator(text[q]) && isDigit(text[q + 1]))) break;
    p = q + 1;
  }
  if (isDigit(text[end]) || total < 8 || groups.length === 0) return null;
  const [area, ...rest] = groups;
  const areaLength = area!.length + (lead === '0' ? 0 : 1);
  const shapeOk =
    rest.length === 0 ||
    (areaLength >= 2 && areaLength <= 4 &&
      ((rest.length === 1 && rest[0]!.length >= 5) || (rest.length > 1 && rest.every((g) => g.length >= 2 && g.length <= 4))));
  if (!shapeOk) return null;
  if (afterDigit && (before === ' ' || before === '\u00a0') && groups.every((g) => g.length === 3)) return null;
  const national = groups.join('');
  return { kind: 'telefon', start, end, value: '+46' + (lead === '0' ? national.slice(1) : national) };
}

/**
 * The detectors used by default, in priority order. Addresses come before names (added by
 * `pseudonymise` when rules are given) so that a street named after a listed name ("Karl Johans väg 5")
 * disappears whole.
 */
export const DETECTORS: readonly Detector[] = [detectPersonnummer, detectEmail, detectPhone, detectAddresses];

/** Hex digits of the keyed hash in a pseudonym: 2^32 values, so collisions within a study are rare. */
const PSEUDONYM_HEX_DIGITS = 8;

/** A pseudonym already in the text (`[PNR-3f2a90c1]`), as in a case file exported and imported again. */
const PSEUDONYM_TOKEN = new RegExp(`\\[(?:${Object.values(LABELS).join('|')})-[0-9a-f]{${PSEUDONYM_HEX_DIGITS}}\\]`, 'g');

/**
 * `lists` without the detections that touch a pseudonym already in `text`: its hex digits can be all
 * decimal ("[PNR-03390400]", one in a few hundred) and would read as a phone number.
 */
function outsidePseudonyms(text: string, lists: Detection[][]): Detection[][] {
  const tokens = [...text.matchAll(PSEUDONYM_TOKEN)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  if (!tokens.length) return lists;
  const touchesToken = (d: Detection): boolean => {
    // The last token starting before the detection ends (tokens are in order and never overlap).
    let lo = 0;
    let hi = tokens.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.start < d.end) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && tokens[found]!.end > d.start;
  };
  return lists.map((list) => list.filter((d) => !touchesToken(d)));
}

/**
 * The stable pseudonym of a detail: `[LABEL-xxxxxxxx]` with the first 8 hex digits of
 * HMAC-SHA-256(key, kind + ':' + value). Example: `pseudonymFor(key, 'personnummer', '199001012385')`
 * → `'[PNR-3f2a90c1]'`. Eight hex digits give a 50 % chance of one collision only at ~77,000 values of a kind.
 */
export function pseudonymFor(key: Uint8Array, kind: PseudonymKind, value: string): string {
  const hex = createHmac('sha256', key).update(`${kind}:${value}`).digest('hex');
  return `[${LABELS[kind]}-${hex.slice(0, PSEUDONYM_HEX_DIGITS)}]`;
}

/**
 * Merges the detectors' lists (earlier lists take precedence) into one list in text order without
 * overlaps. Detections that overlap, directly or through a chain, become one detection covering
 * their union, so no character of any of them stays in clear; it takes the kind, value and pseudonym
 * of the highest-priority detection among them (the earliest one on a tie). Touching detections
 * (one ends where the next starts) stay apart.
 */
function mergeOverlaps(lists: Detection[][]): Detection[] {
  // Merged k ways, as each list is in text order (a list that is not gets sorted): a sort of every
  // detection, with a wrapper object each, was a sixth of pseudonymising a case file full of names.
  const ordered = lists.map((list) => (list.every((d, i) => i === 0 || list[i - 1]!.start <= d.start) ? list : [...list].sort((a, b) => a.start - b.start)));
  const next = ordered.map(() => 0);
  const merged: Detection[] = [];
  let winner: Detection | undefined;
  let winnerPriority = 0;
  let start = 0;
  let end = 0;
  const close = () => {
    if (winner) merged.push(winner.start === start && winner.end === end ? winner : { ...winner, start, end });
  };
  for (;;) {
    // The next detection: the earliest start, the earlier list on a tie.
    let priority = -1;
    for (let p = 0; p < ordered.length; p++) {
      const d = ordered[p]![next[p]!];
      if (d && (priority < 0 || d.start < ordered[priority]![next[priority]!]!.start)) priority = p;
    }
    if (priority < 0) break;
    const d = ordered[priority]![next[priority]!++]!;
    if (d.start >= d.end) continue;
    if (winner && d.start < end) {
      end = Math.max(end, d.end);
      if (priority < winnerPriority) {
        winner = d;
        winnerPriority = priority;
      }
      continue;
    }
    close();
    winner = d;
    winnerPriority = priority;
    start = d.start;
    end = d.end;
  }
  close();
  return merged;
}

/**
 * Replaces personal and coordination numbers, phone numbers, e-mail addresses, street addresses and
 * the family's listed names with stable pseudonyms. Returns the new text and the replacements (offsets
 * into the input text, in order). Run it on normalised text, and split into entries AFTER it:
 * replacing changes lengths. Example: `pseudonymise('Elsas mamma ringde 070-123 45 67.', key,
 * { names: [nameRule(key, 'Elsa', 'Barn 1')] }).text` → `'[Barn 1]s mamma ringde [TEL-…].'`.
 */
export function pseudonymise(
  text: string,
  key: Uint8Array,
  opts: PseudonymiseOptions = {},
): { text: string; replacements: Replacement[] } {
  return pseudonymiser(key, opts)(text);
}

/**
 * `pseudonymise` with one key and options, as a function to call on the parts of one text in turn
 * (prepareDocument's windows): each distinct detail is hashed, and each distinct word looked up among
 * the listed names, once for all of them. Offsets are into the part given.
 */
export function pseudonymiser(key: Uint8Array, opts: PseudonymiseOptions = {}): (text: string) => { text: string; replacements: Replacement[] } {
  const ctx: DetectorContext = { today: opts.today ?? new Date(), key };
  const detectors = opts.names?.length ? [...(opts.detectors ?? DETECTORS), detectNames(opts.names)] : opts.detectors ?? DETECTORS;
  const cache = new Map<string, string>();
  return (text) => {
    const lists = detectors.map((detect) => detect(text, ctx));
    const kept = mergeOverlaps(outsidePseudonyms(text, lists));
    const parts: string[] = [];
    const replacements: Replacement[] = [];
    let at = 0;
    for (const d of kept) {
      const id = `${d.kind}:${d.value}`;
      let pseudonym = d.pseudonym ?? cache.get(id);
      if (pseudonym === undefined) cache.set(id, (pseudonym = pseudonymFor(key, d.kind, d.value)));
      parts.push(text.slice(at, d.start), pseudonym);
      replacements.push({ kind: d.kind, start: d.start, end: d.end, pseudonym });
      at = d.end;
    }
    parts.push(text.slice(at));
    return { text: parts.join(''), replacements };
  };
}
