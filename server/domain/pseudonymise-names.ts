// Names the lead lists for a family, replaced by the label the lead gives them (`Elsa` → `[Barn 1]`).
//
// A name is never kept in clear: what is stored is a NameRule, the keyed hash of the normalised name
// (HMAC-SHA-256 with the data directory's secret key) and its label. Detection hashes the words of the
// text the same way and compares hashes, so finding names needs the key, and rules made under one key
// never match under another (a new key means listing the names again).
//
// - One rule per word: a name of several words ("Ali Hassan") is listed part by part ("Ali" → Pappa,
//   "Hassan" → Efternamn). A hyphenated name ("Anna-Karin") is one word; when the whole word is not
//   listed, each capitalised part is tried, so a listed "Berg" is also found in "Berg-Svensson".
// - Only words that start with a capital letter are looked at: names in case files are capitalised, and
//   it keeps the work small. All capitals ("ELSA") count as capitalised. Known limitation: a listed name
//   that is also a common word (a family called "Hem") is replaced wherever it is capitalised, at the
//   start of a sentence too ("Hem och skola …"), and never where it is written in lower case ("på väg
//   hem", but also a name typed carelessly as "elsa").
// - Inflection: Swedish names inflect only in the genitive: `Elsas`, `Elsa's`, `Elsa’s`, `Elsa:s`, and
//   for names ending in s, x or z `Lars'` or `Lars`. The whole word is replaced by the label followed by
//   `s` (`Elsas`, `Elsa:s`, `Lars'` → `[Barn 1]s`, `[Pappa]s`), so the sentence still reads naturally and
//   the form of the genitive does not hint at how the name ends. A closing single quote after a name
//   ending in s ('Lars') is read as a genitive too.
import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { ValidationError } from './errors.ts';
import type { Detection, Detector } from './pseudonymise.ts';

/** A listed name as stored: the keyed hash of the normalised name and the lead's label. */
export interface NameRule {
  /** HMAC-SHA-256(key, 'name:' + normaliseName(name)), hex. */
  hash: string;
  /** What the name is replaced with, inside brackets: 'Barn 1' → `[Barn 1]`. */
  label: string;
}

/** Longest label the lead may give; a label is shown inside brackets in running text. */
export const NAME_LABEL_MAX = 40;

// What the tokeniser below can produce as one word: letters (with combining marks), joined by inner
// hyphens or apostrophes. A listed name of any other shape could never match.
const NAME_SHAPE = /^[\p{L}\p{M}]+(?:[-'][\p{L}\p{M}]+)*$/u;
// Words are found by hand (nextCapital, wordEnd): on a 40 MB study that is ten times faster than
// a Unicode-aware regex, which checks each character against the property tables.
const UPPER_CHAR = /\p{Lu}/u;
const LETTER = /[\p{L}\p{M}]/u;
const JOINERS = new Set(["-", "'", '’', '\u2010', '\u2011']);
const UPPER_START = /^\p{Lu}/u;
const HYPHENATED = /[-\u2010\u2011]/;

/**
 * The form of a name that is hashed: NFC, typographic apostrophes and hyphens made plain, trimmed,
 * lower case (Swedish rules). Example: `normaliseName(' ANNA‐Karin ')` → `'anna-karin'`.
 */
export function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/’/g, "'").replace(/[\u2010\u2011]/g, '-').trim().toLocaleLowerCase('sv');
}

function hashName(key: KeyObject | Uint8Array, normalised: string): string {
  return createHmac('sha256', key).update(`name:${normalised}`).digest('hex');
}

/**
 * The stored rule for one listed name. Throws ValidationError for a name of more than one word (list
 * "Ali Hassan" as "Ali" and "Hassan"), a name with digits or punctuation, and an empty or over-long
 * label or one with brackets. Example: `nameRule(key, 'Elsa', 'Barn 1')` → `{ hash: '5c1e…', label: 'Barn 1' }`.
 * The error messages never repeat the name.
 */
export function nameRule(key: Uint8Array, name: string, label: string): NameRule {
  const normalised = normaliseName(name);
  if (/\s/u.test(normalised)) {
    throw new ValidationError('Ange ett ord i taget: lista för- och efternamn var för sig.', 'invalid_name');
  }
  if (!NAME_SHAPE.test(normalised)) {
    throw new ValidationError('Ett namn får bara innehålla bokstäver, bindestreck och apostrof.', 'invalid_name');
  }
  const trimmed = label.normalize('NFC').trim();
  if (trimmed.length === 0 || trimmed.length > NAME_LABEL_MAX || /[[\]\n\t]/.test(trimmed)) {
    throw new ValidationError(`Etiketten ska ha 1–${NAME_LABEL_MAX} tecken och inga hakparenteser.`, 'invalid_label');
  }
  return { hash: hashName(key, normalised), label: trimmed };
}

/**
 * The hash a rule for `name` would have (nameRule's), or null for what no rule can hold (two words,
 * digits): for checking many words against the rules without an error per word.
 */
export function nameHash(key: Uint8Array, name: string): string | null {
  const normalised = normaliseName(name);
  return NAME_SHAPE.test(normalised) ? hashName(key, normalised) : null;
}

interface Hit {
  label: string;
  /** The word was the name with a genitive s ('Elsas', "Elsa's"). */
  genitive: boolean;
  /** `[label]` and `[label]s`, made once per distinct word. */
  plain: string;
  possessive: string;
}

/** Detections of listed names in a text, and how many hashes finding them took. */
export interface NameSearch {
  detections: Detection[];
  hashes: number;
}

/**
 * Finds the listed names in a text: every capitalised word, with its genitive stripped, is hashed
 * once per distinct spelling and looked up among the rules. Detections are in text order, kind
 * 'namn', with the pseudonym `[label]` or `[label]s` set. Example, with rules for Elsa (Barn 1):
 * `findNames('Elsas skola ringde.', key, rules).detections` → `[{ start: 0, end: 5, pseudonym: '[Barn 1]s', … }]`.
 */
export function findNames(text: string, key: Uint8Array, rules: readonly NameRule[]): NameSearch {
  return nameFinder(key, rules)(text);
}

/**
 * findNames for one key and one family's rules, as a function to call on text after text (the parts of
 * one case file): each distinct word is hashed once over all of them. `hashes` counts this call's.
 */
export function nameFinder(key: Uint8Array, rules: readonly NameRule[]): (text: string) => NameSearch {
  const labels = new Map<string, string>();
  for (const r of rules) if (!labels.has(r.hash)) labels.set(r.hash, r.label);
  if (labels.size === 0) return () => ({ detections: [], hashes: 0 });
  const secret = createSecretKey(key);
  const words = new Map<string, Hit | null>();
  return (text) => findNamesIn(text, labels, secret, words);
}

function findNamesIn(text: string, labels: ReadonlyMap<string, string>, secret: KeyObject, words: Map<string, Hit | null>): NameSearch {
  const detections: Detection[] = [];
  let hashes = 0;

  const match = (candidate: string): string | undefined => {
    hashes++;
    return labels.get(hashName(secret, normaliseName(candidate)));
  };
  const hitFor = (label: string, genitive: boolean): Hit => ({ label, genitive, plain: `[${label}]`, possessive: `[${label}]s` });
  const lookup = (word: string): Hit | null => {
    let hit = words.get(word);
    if (hit !== undefined) return hit;
    hit = null;
    const label = match(word);
    if (label !== undefined) hit = hitFor(label, false);
    else {
      const last = word[word.length - 1];
      const apostrophe = word[word.length - 2];
      const base =
        (last === 's' || last === 'S') && (apostrophe === "'" || apostrophe === '’') ? word.slice(0, -2)
        : (last === 's' || last === 'S') && word.length > 2 ? word.slice(0, -1)
        : '';
      const baseLabel = base.length > 0 ? match(base) : undefined;
      if (baseLabel !== undefined) hit = hitFor(baseLabel, true);
    }
    words.set(word, hit);
    return hit;
  };
  const push = (start: number, end: number, word: string, hit: Hit): void => {
    let genitive = hit.genitive;
    const next = text[end];
    // A genitive written outside the word: "Elsa:s", and "Lars'" for names ending in s, x or z.
    if (!genitive && next === ':' && (text[end + 1] === 's' || text[end + 1] === 'S') && !isLetter(text[end + 2])) {
      genitive = true;
      end += 2;
    } else if (!genitive && (next === "'" || next === '’') && /[sxz]$/i.test(word) && !isLetter(text[end + 1])) {
      genitive = true;
      end += 1;
    }
    detections.push({ kind: 'namn', start, end, value: hit.label, pseudonym: genitive ? hit.possessive : hit.plain });
  };

  for (let start = nextCapital(text, 0); start >= 0; ) {
    const end = wordEnd(text, start);
    const inside = start > 0 && isLetterAt(text, start - 1); // a capital inside a word
    const from = start;
    start = nextCapital(text, Math.max(end, start + 1));
    if (inside) continue;
    const word = text.slice(from, end);
    const hit = lookup(word);
    if (hit) {
      push(from, end, word, hit);
      continue;
    }
    if (!HYPHENATED.test(word)) continue;
    let at = from;
    for (const part of word.split(/[-\u2010\u2011]/)) {
      const partHit = UPPER_START.test(part) ? lookup(part) : null;
      if (partHit) push(at, at + part.length, part, partHit);
      at += part.length + 1;
    }
  }
  return { detections, hashes };
}

// ASCII and Latin-1 first (å, ä, ö and é are there): a regex test per character is slow.
function isLetterCode(c: number, text: string, at: number): boolean {
  if (c < 0xc0) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0xaa || c === 0xb5 || c === 0xba;
  if (c <= 0xff) return c !== 0xd7 && c !== 0xf7;
  return LETTER.test(String.fromCodePoint(text.codePointAt(at)!));
}

const isLetterAt = (text: string, at: number): boolean => {
  let c = text.charCodeAt(at);
  // The low half of a surrogate pair: look at the whole character.
  if (c >= 0xdc00 && c <= 0xdfff && at > 0) c = text.charCodeAt(--at);
  return at >= 0 && at < text.length && isLetterCode(c, text, at);
};

const isLetter = (ch: string | undefined): boolean => ch !== undefined && isLetterAt(ch, 0);

/** The index of the next upper-case letter at or after `from`, or -1. */
function nextCapital(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x41) continue;
    if (c <= 0x5a) return i;
    if (c < 0xc0) continue;
    if (c <= 0xde) {
      if (c !== 0xd7) return i;
      continue;
    }
    if (c > 0xff && UPPER_CHAR.test(String.fromCodePoint(text.codePointAt(i)!))) return i;
  }
  return -1;
}

/** Where the word starting at `start` ends: letters, joined by inner hyphens or apostrophes. */
function wordEnd(text: string, start: number): number {
  let end = start;
  for (;;) {
    while (end < text.length && isLetterCode(text.charCodeAt(end), text, end)) end += text.charCodeAt(end) >= 0xd800 && text.charCodeAt(end) <= 0xdbff ? 2 : 1;
    if (JOINERS.has(text[end]!) && end + 1 < text.length && isLetterCode(text.charCodeAt(end + 1), text, end + 1)) end++;
    else return end;
  }
}

/**
 * The detector for a family's listed names, to put in a detector list (it takes the key from the
 * detector context). `pseudonymise(text, key, { names })` adds it for you.
 */
export function detectNames(rules: readonly NameRule[]): Detector {
  let find: ((text: string) => NameSearch) | undefined;
  let key: Uint8Array | undefined;
  return (text, ctx) => {
    // One finder per key: a detector called on the parts of one text hashes each word once.
    if (ctx.key !== key) [find, key] = [nameFinder(ctx.key, rules), ctx.key];
    return find!(text).detections;
  };
}
