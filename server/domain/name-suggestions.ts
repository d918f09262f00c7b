// Names the lead may have missed: capitalised words inside a sentence whose lower-case form is not
// an ordinary Swedish word (`Elsa` → `elsa` is no word; `Mamma` → `mamma` is), or that are known
// Swedish first names or surnames (`Berg`, `Björk`). Words at the start of a sentence, a line, or
// after a date or a number (a heading) do not count on their own, but once a word has qualified
// elsewhere, they add to its count. Left out: the study's question labels, case-file vocabulary,
// months, weekdays and place names (CASE_FILE_TERMS, PLACE_NAMES).
//
// Pure: the dictionary comes in as a Lexicon (server/import/swedish-lexicon.ts builds it from
// dictionary-sv and faker's Swedish names). The result quotes the original text in short contexts:
// it is for the lead's eyes only and is never stored.
import { CASE_FILE_TERMS, PLACE_NAMES } from './case-file-vocabulary.ts';

/** What the suggestions need to know about Swedish. */
export interface Lexicon {
  /** Whether a lower-case word is an ordinary word (compounds included, see withCompounds). */
  isWord(lower: string): boolean;
  /** Whether a capitalised word is a known first name or surname (`Elsa`, `Berg`, `Ann-Christin`). */
  isKnownName(word: string): boolean;
}

export interface NameSuggestion {
  /** The name as written, genitive stripped: `Elsa` for `Elsa` and `Elsas`. */
  name: string;
  /** Occurrences, genitives and sentence-initial ones included. */
  count: number;
  /** A few short passages of the original text around the first occurrences. */
  contexts: string[];
}

export interface SuggestOptions {
  /** More words never to suggest, e.g. the study's question labels (split into words here). */
  exclude?: Iterable<string>;
  /** Contexts per suggestion (default 3). */
  contexts?: number;
  /** Characters of context on each side (default 30). */
  contextChars?: number;
  /** At most this many suggestions, most frequent first (default 200). */
  limit?: number;
}

const WORD = /[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*/gu;
const UPPER_START = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
/** Opening punctuation skipped when looking at what comes before a word. */
const OPENERS = new Set(['"', "'", '«', '»', '“', '”', '‘', '’', '(', '[', ' ', '\t', '\u00a0']);
const SENTENCE_END = new Set(['.', '!', '?', ':', '…']);
const BULLETS = new Set(['-', '–', '—', '•', '*', '·']);
/** Abbreviations after which a full stop does not end the sentence. */
const ABBREVIATIONS = new Set(['bl.a', 't.ex', 's.k', 'm.m', 'm.fl', 'ca', 'kl', 'resp', 'dvs', 'd.v.s', 'p.g.a', 'pga', 'fr.o.m', 't.o.m', 'enl', 'jfr', 'nr', 'tel', 'ang', 'inkl', 'exkl', 'f.d', 'fd', 'st', 'ev']);

const lower = (w: string) => w.toLocaleLowerCase('sv');
const titleCase = (w: string) => w.replace(/[\p{L}\p{M}]+/gu, (p) => p.charAt(0).toLocaleUpperCase('sv') + lower(p.slice(1)));

/**
 * Wraps a plain dictionary check so that compounds of dictionary words count as words too:
 * `familjehemsplacering` = `familjehem` + s + `placering`. Parts have at least three letters.
 * A surname made of two words (`Bergström`) then reads as a word; Lexicon.isKnownName catches the
 * common ones. Example: `withCompounds((w) => w === 'hem' || w === 'besök')('hembesök')` → true.
 */
export function withCompounds(isWord: (lower: string) => boolean, maxParts = 3): (lower: string) => boolean {
  const memo = new Map<string, boolean>();
  const check = (word: string, parts: number): boolean => {
    if (isWord(word)) return true;
    if (parts < 2 || word.length < 6) return false;
    const key = `${parts}:${word}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result = false;
    for (let i = word.length - 3; i >= 3 && !result; i--) {
      const head = word.slice(0, i);
      const headOk = isWord(head) || (head.length > 3 && head.endsWith('s') && isWord(head.slice(0, -1)));
      if (headOk) result = check(word.slice(i), parts - 1);
    }
    if (memo.size > 100_000) memo.clear();
    memo.set(key, result);
    return result;
  };
  return (word) => check(word, maxParts);
}

/** Whether the capitalised word at `at` opens a sentence, a line, a list item or follows a date. */
function opensSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && OPENERS.has(text[i]!)) i--;
  if (i < 0) return true;
  const c = text[i]!;
  if (c === '\n' || c === '\r') return true;
  if (c >= '0' && c <= '9') return true;
  if (BULLETS.has(c)) {
    let j = i - 1;
    while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
    return j < 0 || text[j] === '\n' || SENTENCE_END.has(text[j]!);
  }
  if (!SENTENCE_END.has(c)) return false;
  if (c !== '.') return true;
  // "bl.a. Elsa": the stop after an abbreviation does not end the sentence.
  let j = i;
  while (j > 0 && /[\p{L}.]/u.test(text[j - 1]!)) j--;
  return !ABBREVIATIONS.has(lower(text.slice(j, i)));
}

interface Seen {
  count: number;
  /** Start offsets of the first occurrences. */
  at: number[];
  /** Seen at least once inside a sentence. */
  inside: boolean;
}

/** A short passage around an occurrence, within its line; '…' where it was cut. */
function contextAt(text: string, start: number, end: number, chars: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  const lineEnd = nl < 0 ? text.length : nl;
  const from = Math.max(lineStart, start - chars);
  const to = Math.min(lineEnd, end + chars);
  const head = from > lineStart ? '…' : '';
  const tail = to < lineEnd ? '…' : '';
  return (head + text.slice(from, to).trim() + tail).replace(/\s+/g, ' ');
}

/**
 * Candidate names in `text`, most frequent first. Example, with a Swedish lexicon:
 * `suggestNames('Mamma ringde. Hon sa att Elsas skola och Socialtjänsten …', lexicon)` →
 * `[{ name: 'Elsa', count: 1, contexts: ['Mamma ringde. Hon sa att Elsas skola och …'] }]`.
 */
export function suggestNames(text: string, lexicon: Lexicon, options: SuggestOptions = {}): NameSuggestion[] {
  const excluded = new Set<string>();
  for (const phrase of options.exclude ?? []) for (const w of phrase.match(WORD) ?? []) excluded.add(lower(w));
  const maxContexts = options.contexts ?? 3;
  const chars = options.contextChars ?? 30;
  const verdicts = new Map<string, boolean>();

  const isCandidate = (word: string): boolean => {
    let verdict = verdicts.get(word);
    if (verdict === undefined) verdict = judge(word);
    verdicts.set(word, verdict);
    return verdict;
  };
  const judge = (word: string): boolean => {
    const low = lower(word);
    if (excluded.has(low) || CASE_FILE_TERMS.has(low)) return false;
    // All capitals (an acronym, a shouted heading): only a known name counts.
    if (!HAS_LOWER.test(word)) return word.length > 1 && lexicon.isKnownName(titleCase(word));
    if (lexicon.isKnownName(word)) return true;
    if (PLACE_NAMES.has(low)) return false;
    const parts = word.split(/[-'’]/);
    // "BBIC-utredningen", "Elsa-liknande": a lower-case part makes it an ordinary word.
    if (parts.some((p) => !UPPER_START.test(p))) return false;
    return parts.every((p) => {
      const l = lower(p);
      return !excluded.has(l) && !CASE_FILE_TERMS.has(l) && !PLACE_NAMES.has(l) && (lexicon.isKnownName(p) || !lexicon.isWord(l));
    });
  };

  const seen = new Map<string, Seen>();
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    if (!UPPER_START.test(raw)) continue;
    const start = m.index!;
    const word = raw.replace(/['’]s$/i, '');
    let s = seen.get(word);
    if (!s) seen.set(word, (s = { count: 0, at: [], inside: false }));
    s.count++;
    if (s.at.length < maxContexts) s.at.push(start);
    if (!s.inside && !opensSentence(text, start)) s.inside = true;
  }

  // Genitives join their base form: "Elsas" counts for "Elsa" when "Elsa" is a name too.
  const merged = new Map<string, Seen>();
  const baseOf = (word: string): string | undefined => {
    if (!/s$/.test(word) || word.length < 4) return undefined;
    const base = word.slice(0, -1);
    return seen.has(base) || lexicon.isKnownName(base) ? base : undefined;
  };
  for (const [word, s] of seen) {
    const base = baseOf(word);
    const name = base !== undefined && (isCandidate(base) || !isCandidate(word)) ? base : word;
    const into = merged.get(name);
    if (!into) merged.set(name, { count: s.count, at: [...s.at], inside: s.inside });
    else {
      into.count += s.count;
      into.at = [...into.at, ...s.at].sort((a, b) => a - b).slice(0, maxContexts);
      into.inside ||= s.inside;
    }
  }

  const out: NameSuggestion[] = [];
  for (const [name, s] of merged) {
    if (!s.inside || !isCandidate(name)) continue;
    out.push({ name, count: s.count, contexts: s.at.map((at) => contextAt(text, at, at + name.length, chars)) });
  }
  return sortSuggestions(out).slice(0, options.limit ?? 200);
}

const collator = new Intl.Collator('sv');
const sortSuggestions = (list: NameSuggestion[]) => list.sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));

/** Suggestions from several texts (one family's files) as one list: counts added, contexts kept up to `contexts`. */
export function mergeSuggestions(lists: Iterable<readonly NameSuggestion[]>, contexts = 3, limit = 200): NameSuggestion[] {
  const byName = new Map<string, NameSuggestion>();
  for (const list of lists) {
    for (const s of list) {
      const into = byName.get(s.name);
      if (!into) byName.set(s.name, { name: s.name, count: s.count, contexts: s.contexts.slice(0, contexts) });
      else {
        into.count += s.count;
        into.contexts = [...into.contexts, ...s.contexts].slice(0, contexts);
      }
    }
  }
  return sortSuggestions([...byName.values()]).slice(0, limit);
}
