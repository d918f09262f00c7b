// Swedish street addresses in running text, found conservatively: a street name followed by a house
// number, and whatever belongs to the address after it (apartment number, postal code and town).
//
//   Storgatan 12            Stora Nygatan 5 B        Karl Johans väg 12-14
//   Norra Vägen 3, lgh 1102 Sveavägen 44, 113 50 Stockholm      Björkvägen 7\n123 45 Nacka
//
// The street is one word ending in a street suffix (gatan, vägen, torget, …; "Sveavägen"), optionally
// after a direction or size word (Stora, Norra, Gamla, S:t …), or the suffix as a word of its own after
// such a word or after a capitalised genitive, itself optionally after one more capitalised word
// ("Norra Vägen", "Gustav Adolfs torg"). Without a house number nothing is replaced: "på vägen hem",
// "Nygatan är lång" and "Vägen framåt" stay; so does a bare "Torget 3" (no qualifier) and anything
// lower case ("gatan 3").
import type { Detection, Detector } from './pseudonymise.ts';

// Longest first, so "gatan" is preferred to "gata" when reading a suffix.
const SUFFIXES = [
  'esplanaden', 'promenaden', 'gränden', 'platsen', 'stråket', 'torget', 'backen', 'stigen', 'gatan',
  'vägen', 'leden', 'kajen', 'allén', 'gränd', 'backe', 'gata', 'stig', 'torg', 'plan', 'allé', 'väg',
];
// Suffixes that may stand as a word of their own after a qualifier. Not "plan": "Norra plan 3" is a
// floor of a building more often than a street.
const BARE = new Set(SUFFIXES.filter((s) => s !== 'plan'));
// Compounds with a street suffix that are not streets; most are plans in social services' sense.
const NOT_STREETS = [
  'vårdplan', 'handlingsplan', 'genomförandeplan', 'behandlingsplan', 'åtgärdsplan', 'stödplan',
  'utredningsplan', 'säkerhetsplan', 'skyddsplan', 'arbetsplan', 'tidsplan', 'läkemedelsplan',
  'samordningsplan', 'utbildningsplan', 'veckoplan', 'dagplan', 'studieplan', 'flygplan', 'detaljplan',
  'insatsplan', 'krisplan', 'aktivitetsplan', 'omsorgsplan', 'motorväg', 'motorvägen', 'omväg', 'omvägen',
  'genväg', 'genvägen', 'utväg', 'utvägen', 'riksväg', 'länsväg', 'europaväg', 'järnväg', 'järnvägen',
];
// Words that qualify a street name ("Stora Nygatan", "Norra Vägen").
const PREFIXES = [
  'Stora', 'Lilla', 'Norra', 'Södra', 'Östra', 'Västra', 'Gamla', 'Nya', 'Övre', 'Nedre', 'Yttre', 'Inre',
  'Sankt', 'S:t', 'St.',
];
// First words of two-word town names ("Upplands Väsby", "Lilla Edet"); genitives count too.
const TOWN_PREFIXES = new Set(['Lilla', 'Stora', 'Norra', 'Södra', 'Östra', 'Västra', 'Sankt', 'Gamla', 'Nya', 'Övre', 'Nedre']);

// A space, tab or no-break space before a house number (never a line break: "Vägen\n3." is a list).
const TRIGGER = /[ \t\u00a0][1-9]/g;
// 12, 12A, 12 B, 12-14, 12 – 14A; not a date, time, amount or decimal (12-03-14, 12.30, 12,5, 12/3).
const HOUSE =
  /[1-9]\d{0,3}(?:[A-Za-z](?![\p{L}\p{M}])|[ \u00a0][A-Z](?![\p{L}\p{M}\p{N}]))?(?:[ \u00a0]?[-–][ \u00a0]?[1-9]\d{0,3}[A-Za-z]?)?(?![\p{L}\p{M}\p{N}]|[.,:/]\d|[-–]\d)/uy;
const APARTMENT = /(?:[ \t\u00a0]*,[ \t\u00a0]*|[ \t\u00a0]+)(?:lgh|Lgh|LGH|lägenhet|Lägenhet)\.?(?:[ \u00a0]*(?:nr|Nr)\.?)?[ \u00a0]*\d{3,5}(?![\p{L}\p{N}])/uy;
// ", 123 45 Ort", " 12345 Ort" or the postal code and town on the next line.
const POSTAL = /(?:[ \t\u00a0]*,[ \t\u00a0]*|[ \t\u00a0]*\n[ \t\u00a0]*|[ \t\u00a0]+)(?:SE-?)?[1-9]\d{2}[ \u00a0]?\d{2}[ \u00a0]+(\p{Lu}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*)/uy;
const TOWN_WORD = /[ \u00a0](\p{Lu}[\p{L}\p{M}]*(?:-\p{L}[\p{L}\p{M}]*)*)(?![\p{L}\p{M}\p{N}])/uy;
const LETTER = /[\p{L}\p{M}]/u;
const CAPITALISED = /^\p{Lu}[\p{L}\p{M}]*$/u;

// ASCII first: most characters in Swedish text are, and a regex test per character is slow.
const isLetter = (ch: string | undefined): boolean => {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 0xc0) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0xaa || c === 0xb5 || c === 0xba;
  return LETTER.test(ch);
};
const isSpace = (ch: string | undefined): boolean => ch === ' ' || ch === '\u00a0';

/** The word ending at `end` (letters and inner hyphens), or null when the text there is not a word. */
function wordBefore(text: string, end: number): { start: number; word: string } | null {
  let start = end;
  while (start > 0 && (isLetter(text[start - 1]) || (text[start - 1] === '-' && isLetter(text[start - 2])))) start--;
  if (start === end) return null;
  return { start, word: text.slice(start, end) };
}

/** The start of the word before `at` when only spaces separate them, and that word. */
function previousWord(text: string, at: number): { start: number; word: string } | null {
  let end = at;
  while (end > 0 && isSpace(text[end - 1])) end--;
  if (end === at) return null;
  for (const p of PREFIXES) {
    // Prefixes with punctuation ("S:t", "St.") are not plain words.
    if (text.startsWith(p, end - p.length) && !isLetter(text[end - p.length - 1])) return { start: end - p.length, word: p };
  }
  return wordBefore(text, end);
}

/** Where the street name that ends in `word` (at `start`) begins, or -1 when it is not a street. */
function streetStart(text: string, start: number, word: string): number {
  // toLowerCase() agrees with Swedish rules on Swedish letters and is much faster than the locale form.
  const lower = word.toLowerCase();
  const suffix = SUFFIXES.find((s) => lower.endsWith(s));
  if (suffix === undefined) return -1;
  const before = previousWord(text, start);
  if (lower.length > suffix.length) {
    if (!CAPITALISED.test(word.replace(/-/g, '')) || NOT_STREETS.some((n) => lower.endsWith(n))) return -1;
    return before && PREFIXES.includes(before.word) ? before.start : start;
  }
  if (!BARE.has(suffix) || !before) return -1;
  if (PREFIXES.includes(before.word)) return before.start;
  if (!CAPITALISED.test(before.word.replace(/-/g, '')) || !/s$/.test(before.word) || before.word.length < 3) return -1;
  // "Karl Johans väg", "Drottning Kristinas väg": one more capitalised word belongs to the name.
  const first = previousWord(text, before.start);
  return first && CAPITALISED.test(first.word.replace(/-/g, '')) && !PREFIXES.includes(first.word) ? first.start : before.start;
}

/** What the pseudonym hashes: street and house number, lower case, spacing normalised ('storgatan 12b'). */
function canonical(street: string, house: string): string {
  const number = house.replace(/[ \u00a0]/g, '').replace('–', '-');
  return `${street.replace(/[ \t\u00a0]+/g, ' ')} ${number}`.toLocaleLowerCase('sv');
}

/** The address whose house number starts at `digit`, or null. */
function readAddress(text: string, digit: number): Detection | null {
  let wordEnd = digit;
  while (wordEnd > 0 && digit - wordEnd < 3 && (text[wordEnd - 1] === ' ' || text[wordEnd - 1] === '\t' || text[wordEnd - 1] === '\u00a0')) wordEnd--;
  const last = wordBefore(text, wordEnd);
  if (!last) return null;
  const start = streetStart(text, last.start, last.word);
  if (start < 0) return null;
  HOUSE.lastIndex = digit;
  const house = HOUSE.exec(text);
  if (!house) return null;
  let end = HOUSE.lastIndex;
  APARTMENT.lastIndex = end;
  if (APARTMENT.exec(text)) end = APARTMENT.lastIndex;
  POSTAL.lastIndex = end;
  const postal = POSTAL.exec(text);
  if (postal && !isLetter(text[POSTAL.lastIndex]) && !/\d/.test(text[POSTAL.lastIndex] ?? '')) {
    end = POSTAL.lastIndex;
    const town = postal[1]!;
    TOWN_WORD.lastIndex = end;
    if ((TOWN_PREFIXES.has(town) || (/s$/.test(town) && town.length > 2)) && TOWN_WORD.exec(text)) end = TOWN_WORD.lastIndex;
  }
  return { kind: 'adress', start, end, value: canonical(text.slice(start, last.start + last.word.length), house[0]) };
}

/**
 * Swedish street addresses with a house number, and the apartment number, postal code and town that
 * follow them. Value: street and house number in lower case, so "Storgatan 12 B" and "Storgatan 12b,
 * 123 45 Nacka" get the same pseudonym. Example: in 'Familjen bor på Sveavägen 44, 113 50 Stockholm.'
 * the detection covers 'Sveavägen 44, 113 50 Stockholm' with value 'sveavägen 44'.
 */
export const detectAddresses: Detector = (text) => {
  const found: Detection[] = [];
  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(text); m; m = TRIGGER.exec(text)) {
    if (!isLetter(text[m.index - 1]) && !isSpace(text[m.index - 1]) && text[m.index - 1] !== '\t') continue;
    const address = readAddress(text, m.index + 1);
    if (!address || (found.length > 0 && address.start < found[found.length - 1]!.end)) continue;
    found.push(address);
    TRIGGER.lastIndex = address.end;
  }
  return found;
};
