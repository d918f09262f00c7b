// Citation keys for references that arrive without one (RIS, CSL-JSON without `id`). The scheme is
// Better BibTeX's default "auth + year" (it is what researchers coming from Zotero already have in
// their manuscripts): the first creator's family name, or an organisation's whole name, folded to
// a–z and 0–9, then the year: "Lindqvist" 2019 → lindqvist2019, "Court of Arbitration for Sport"
// 2019 → courtofarbitrationforsport2019. A second item with the same key becomes …a, the next …b,
// as in Better BibTeX (timeusa2019, timeusa2019a).
import { type CslItem, type CslName, issuedYear, NAME_VARIABLES } from './csl-item.ts';

// Letters that Unicode does not decompose into a base letter plus a mark.
const FOLD: Record<string, string> = {
  ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ŋ: 'n',
};

/** "Östberg" → "ostberg", "Søren" → "soren"; falls back to the letters themselves for scripts with no Latin form. */
export function foldForKey(text: string): string {
  const lower = text.toLowerCase();
  const ascii = lower
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\x00-\x7f]/g, (c) => FOLD[c] ?? c)
    .replace(/[^a-z0-9]/g, '');
  return ascii || lower.replace(/[^\p{L}\p{N}]/gu, '');
}

function firstCreator(item: CslItem): CslName | undefined {
  for (const variable of ['author', 'editor', ...NAME_VARIABLES]) {
    const names = item[variable];
    if (Array.isArray(names) && names.length) return names[0] as CslName;
  }
  return undefined;
}

/** The key an item would get with no collisions: "lindqvist2019", or the first title word when nobody is named. */
export function baseCitationKey(item: CslItem): string {
  const creator = firstCreator(item);
  let stem = creator ? foldForKey(creator.family ?? creator.literal ?? creator.given ?? '') : '';
  if (!stem && typeof item.title === 'string') {
    stem = item.title.split(/\s+/).map(foldForKey).find((word) => word.length > 0) ?? '';
  }
  return (stem || 'ref') + (issuedYear(item) ?? '');
}

/** a, b, …, z, aa, ab, … */
function suffix(n: number): string {
  let out = '';
  for (let i = n; i >= 0; i = Math.floor(i / 26) - 1) out = String.fromCharCode(97 + (i % 26)) + out;
  return out;
}

/**
 * A key for `item` that is not in `taken` (which it is then added to): the base key, or the base
 * key with the first free suffix a, b, ….
 */
export function uniqueCitationKey(item: CslItem, taken: Set<string>): string {
  const base = baseCitationKey(item);
  let key = base;
  for (let n = 0; taken.has(key); n++) key = base + suffix(n);
  taken.add(key);
  return key;
}
