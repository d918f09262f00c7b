// Which family a file probably belongs to, from its name: the family whose id or pseudonym appears in it
// as a whole word, spaces, dashes and underscores alike, case ignored; the longest match wins.
// Example: familyFromFileName('Familj_G akt 2019.txt', [{ id: 'familj-g', pseudonym: 'Familj G' }]) → 'familj-g'.

/** A family as the guess needs it. */
export interface NamedFamily {
  id: string;
  pseudonym: string;
}

/** Lower case with every run of spaces, dashes, underscores and dots as one dash. */
const simplify = (s: string) => s.normalize('NFC').toLowerCase().replace(/[\s_.\-–]+/g, '-').replace(/^-|-$/g, '');

/** Whether `key` occurs in `text` with no letter or digit right before or after it. */
function containsWord(text: string, key: string): boolean {
  if (!key) return false;
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
    const before = text[at - 1];
    const after = text[at + key.length];
    if (!(before && /[\p{L}\p{N}]/u.test(before)) && !(after && /[\p{L}\p{N}]/u.test(after))) return true;
  }
  return false;
}

/** The id of the family the file name names, or '' when none does. */
export function familyFromFileName(fileName: string, families: readonly NamedFamily[]): string {
  const text = simplify(fileName);
  let best = '';
  let bestLength = 0;
  for (const f of families) {
    for (const key of [simplify(f.id), simplify(f.pseudonym)]) {
      if (key.length > bestLength && containsWord(text, key)) {
        best = f.id;
        bestLength = key.length;
      }
    }
  }
  return best;
}
