// Search terms as Swedish is written and typed: NFC, lower case, split at everything that is not a
// letter or digit ("12-åring" → "12", "åring"), then reduced to their Snowball stem, so that
// "anmälningar", "anmälningen" and "anmälning" are one term. Stems are cached: a case file repeats
// its vocabulary, and stemming every occurrence again cost seconds on the bench study.
import { stemmer } from '@orama/stemmers/swedish';

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** The Snowball stem of one lower-case word: stemTerm('anmälningar') → 'anmälning'. */
export function stemTerm(word: string): string {
  let stem = cache.get(word);
  if (stem === undefined) {
    // Digits and very short words are kept as they are ("12", "bo").
    stem = word.length < 3 || /^\d+$/.test(word) ? word : stemmer(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}
