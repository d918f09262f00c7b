// Search terms as Swedish is written and typed: NFC, lower case, split at everything that is not a
// letter or digit ("12-åring" → "12", "åring"), then reduced to a stem, so that "anmälningar",
// "anmälningen" and "anmälning" are one term. Stems are cached: a case file repeats its vocabulary,
// and stemming every occurrence again cost seconds on the bench study.
import { stemmer } from '@orama/stemmers/swedish';

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Is the UTF-16 code unit `c` (at `i` in `lower`) part of a word? A Latin-1 fast path before the Unicode test. */
function isWordChar(lower: string, i: number, c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xdf && c <= 0xff && c !== 0xf7) ||
    c === 0xaa || c === 0xb5 || c === 0xba || (c > 0xff && WORD_CHAR.test(lower[i]!));
}

/** The same for text in any case: upper-case letters too (A–Z, À–Þ). */
function isWordCharAnyCase(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) || isWordChar(text, i, c);
}

/**
 * Lower-case words: letters and digits, split at everything else ("12-åring" → "12", "åring").
 * A hand scan with a Latin-1 fast path: on 40 MB a Unicode-property regex split is several times slower.
 * Stored texts are NFC already (import normalises them); callers normalise queries and memos.
 */
export function tokenise(text: string): string[] {
  const lower = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const word = i < lower.length && isWordChar(lower, i, lower.charCodeAt(i));
    if (word && start < 0) start = i;
    else if (!word && start >= 0) {
      words.push(lower.slice(start, i));
      start = -1;
    }
  }
  return words;
}

/**
 * Finds the words of a text that stem to one of `terms`. A stem is always the start of its word
 * (stemming here only ever cuts endings), so only words that begin with a term are candidates: one
 * case-insensitive pattern of the terms (without those another term begins: "skol" covers "skolkurat")
 * finds them in a single pass, without a lower-case copy of the text or stemming every word.
 */
export class TermMatcher {
  readonly terms: ReadonlySet<string>;
  #starts: RegExp;

  constructor(terms: ReadonlySet<string>) {
    this.terms = terms;
    const cover: string[] = [];
    for (const t of [...terms].sort((a, b) => a.length - b.length)) if (!cover.some((c) => t.startsWith(c))) cover.push(t);
    const escaped = cover.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    // The terms alone: the scan skips a match inside a word. A lookbehind for the word's start made the
    // pattern slower to compile (each new set of terms pays that once) and, for short terms, to run.
    this.#starts = new RegExp(escaped.join('|') || '(?!)', 'gi');
  }

  /** Calls `visit(start, end)` for each matching word of `text` in order, until it returns true. */
  #scan(text: string, visit: (start: number, end: number) => boolean): void {
    const starts = this.#starts;
    starts.lastIndex = 0;
    for (let m = starts.exec(text); m; m = starts.exec(text)) {
      const i = m.index;
      starts.lastIndex = i + 1;
      if (i > 0 && isWordCharAnyCase(text, i - 1)) continue;
      let end = i + m[0].length;
      while (end < text.length && isWordCharAnyCase(text, end)) end++;
      starts.lastIndex = end;
      const word = text.slice(i, end).toLowerCase();
      if (word.length !== end - i) continue; // a letter whose lower case is longer: offsets would be off
      if (this.terms.has(stemTerm(word)) && visit(i, end)) return;
    }
  }

  /** The offset of the first matching word in `text`, or -1. */
  first(text: string): number {
    let at = -1;
    this.#scan(text, (start) => ((at = start), true));
    return at;
  }

  /** [start, end) of every matching word in `text`, in order. */
  all(text: string): [number, number][] {
    const ranges: [number, number][] = [];
    this.#scan(text, (start, end) => (ranges.push([start, end]), false));
    return ranges;
  }
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/**
 * Definite forms the Snowball stemmer leaves alone, though people search with and for them: it strips
 * "-en" and "-arna" but not "-an" (skolan, anmälan), "-et" (barnet, samtalet) or the "-n" of a noun
 * that ends in a vowel (frånvaron). Applied to the Snowball stem, so forms Snowball already joins
 * stay joined; at least three letters are always left.
 */
function definite(stem: string): string {
  if (stem.length >= 5 && (stem.endsWith('an') || stem.endsWith('et'))) return stem.slice(0, -2);
  if (stem.length >= 6 && stem.endsWith('on')) return stem.slice(0, -1);
  return stem;
}

/** The stem of one lower-case word: stemTerm('anmälningar') → 'anmälning', stemTerm('skolan') → 'skol'. */
export function stemTerm(word: string): string {
  let stem = cache.get(word);
  if (stem === undefined) {
    // Digits and very short words are kept as they are ("12", "bo").
    stem = word.length < 3 || /^\d+$/.test(word) ? word : definite(stemmer(word));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}

/**
 * Nouns in "-an" make their plural and definite forms with "-ning" (anmälan, anmälningar, anmälningen;
 * ansökan, ansökningar): the stem without "-ning" (anmäl) is what the "-an" form stems to. Null for
 * other stems, and where too little is left to mean the same word (tidning → tid).
 */
export function ningRoot(stem: string): string | null {
  return stem.endsWith('ning') && stem.length >= 9 ? stem.slice(0, -4) : null;
}

/**
 * Compounds put their head last (orosanmälan, telefonsamtal): a stem of at least COMPOUND_HEAD letters
 * is also found at the end of a longer one, after at least COMPOUND_MODIFIER letters of its own
 * (which keeps "handling" from finding "behandling").
 */
export const COMPOUND_HEAD = 5;
export const COMPOUND_MODIFIER = 3;
