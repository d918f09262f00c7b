// The målgruppsinventering as CSV for R (or Excel): one row per child with the caseworker's rating
// (level as id and as its number 1..k on the scale, one 0/1 column per criterion, the reason) and, for
// the double-rated sample, the second rater and their level. Raters are user ids, never names.
import { inventoryConfigOf } from '../http/inventory-access.ts';
import { sortByPseudonym } from '../domain/inventory/sort-children.ts';
import { inventoryChildren, inventoryRatings, ratingId } from '../store/inventory-collections.ts';
import { toCsv, type CsvOptions } from './csv.ts';
import type { ExportSource } from './study-exports.ts';

export function inventoryCsv(source: ExportSource, options: CsvOptions): string {
  const { repo } = source;
  // A case-file study has no inventory: 404 not_inventory.
  const config = inventoryConfigOf(repo.study);
  const levelNumber = (id: string | undefined) => (id === undefined ? '' : config.scale.findIndex((l) => l.id === id) + 1);
  const header = [
    'barn', 'enhet', 'åldersgrupp', 'handläggare', 'nivå', 'nivå_nummer', ...config.criteria.map((c) => c.id), 'motivering',
    'dubbelbedömd', 'andra_bedömare', 'andra_nivå', 'andra_nivå_nummer',
  ];
  const children = sortByPseudonym([...repo.records.list(inventoryChildren)]);
  const rows = children.map((child) => {
    const first = repo.records.get(inventoryRatings, ratingId(child.id, child.caseworkerId));
    const second = child.secondRaterId ? repo.records.get(inventoryRatings, ratingId(child.id, child.secondRaterId)) : undefined;
    return [
      child.pseudonym, child.unit, child.ageBand, child.caseworkerId, first?.level ?? '', levelNumber(first?.level),
      ...config.criteria.map((c) => (first ? (first.criteria.includes(c.id) ? 1 : 0) : '')), first?.reason ?? '',
      child.secondRaterId ? 'ja' : 'nej', child.secondRaterId ?? '', second?.level ?? '', levelNumber(second?.level),
    ];
  });
  return toCsv(header, rows, options);
}
