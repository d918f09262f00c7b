// The Swedish lexicon behind the name suggestions: the dictionary-sv Hunspell dictionary (nspell)
// for ordinary words, a list of common Swedish given names and faker's Swedish names for known names. Building it takes
// a second or two and some 250 MB, so it is built once per process, in the name worker thread
// (name-suggester.ts), never on a request.
import dictionary from 'dictionary-sv';
import nspell from 'nspell';
import { withCompounds, type Lexicon } from '../domain/name-suggestions.ts';
import { COMMON_SWEDISH_GIVEN_NAMES } from './common-swedish-names.ts';

/**
 * The .aff without its compound rules. As shipped, they let nspell accept almost any string as a
 * compound; without them "Elsa" is a word and "elsa" is not, while "mamma" and "socialtjänsten" are.
 * Compounds are then recognised by withCompounds instead.
 */
function affixesWithoutCompounds(aff: Uint8Array): string {
  return Buffer.from(aff)
    .toString('utf8')
    .split('\n')
    .filter((line) => !/^(COMPOUND|ONLYINCOMPOUND|CHECKCOMPOUND)/.test(line))
    .join('\n');
}

/** Common Swedish given names plus faker's Swedish first names and surnames, as written (`Ann-Christin`, `Berg`). */
async function knownNames(): Promise<Set<string>> {
  const { faker } = await import('@faker-js/faker/locale/sv');
  const person = faker.rawDefinitions.person ?? {};
  const lists: unknown[] = [];
  for (const group of [person.first_name, person.last_name, person.middle_name]) {
    if (group && typeof group === 'object') lists.push(...Object.values(group));
  }
  const names = new Set<string>(COMMON_SWEDISH_GIVEN_NAMES);
  for (const list of lists) if (Array.isArray(list)) for (const n of list) if (typeof n === 'string') names.add(n);
  return names;
}

/** Builds the lexicon: ~1.5–3 s of CPU. Call it once per process, off the request path. */
export async function loadSwedishLexicon(): Promise<Lexicon> {
  const speller = nspell(affixesWithoutCompounds(dictionary.aff), Buffer.from(dictionary.dic).toString('utf8'));
  const names = await knownNames();
  const plain = (word: string) => speller.correct(word);
  return { isWord: withCompounds(plain), isKnownName: (word) => names.has(word) };
}
