// The order children are listed and exported in: by pseudonym, numbers by value ("Barn 9" before "Barn 10").
const collator = new Intl.Collator('sv', { numeric: true });

export function sortByPseudonym<T extends { pseudonym: string }>(list: T[]): T[] {
  return list.sort((a, b) => collator.compare(a.pseudonym, b.pseudonym));
}
