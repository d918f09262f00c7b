// The målgruppsinventering's numbers: how the caseworkers' (first) ratings spread over the scale,
// overall and per unit, with 95 % Wilson intervals; how often each criterion was ticked; and, on the
// double-rated sample, the agreement between first and second rater (weighted κ). Pure.
import type { InventoryChild, InventoryConfig, InventoryRating, InventorySummary, LevelShare } from './inventory-types.ts';
import { weightedKappa } from './weighted-kappa.ts';
import { wilsonInterval } from './wilson.ts';

function levelShares(config: InventoryConfig, levels: readonly string[]): LevelShare[] {
  const rated = levels.length;
  return config.scale.map(({ id }) => {
    const n = levels.filter((l) => l === id).length;
    return { level: id, n, share: rated ? n / rated : 0, ci95: wilsonInterval(n, rated) };
  });
}

export function inventorySummary(
  config: InventoryConfig, children: readonly InventoryChild[], ratings: readonly InventoryRating[],
): InventorySummary {
  const byRater = new Map(ratings.map((r) => [`${r.childId}:${r.raterId}`, r]));
  const first = (c: InventoryChild) => byRater.get(`${c.id}:${c.caseworkerId}`);
  const firstLevels = (list: readonly InventoryChild[]) => list.map(first).filter((r) => r !== undefined).map((r) => r.level);

  const all = firstLevels(children);
  const units = config.units.map(({ id }) => {
    const mine = children.filter((c) => c.unit === id);
    const levels = firstLevels(mine);
    return { unit: id, total: mine.length, rated: levels.length, levels: levelShares(config, levels) };
  });
  const ticked = children.map(first).filter((r) => r !== undefined).flatMap((r) => r.criteria);
  const criteria = config.criteria.map(({ id }) => ({ criterion: id, n: ticked.filter((c) => c === id).length }));

  const sample = children.filter((c) => c.secondRaterId !== null);
  const pairs = sample
    .map((c) => [first(c)?.level, byRater.get(`${c.id}:${c.secondRaterId}`)?.level] as const)
    .filter((p): p is readonly [string, string] => p[0] !== undefined && p[1] !== undefined);
  let kappa: InventorySummary['kappa'] = null;
  if (pairs.length) {
    const scale = config.scale.map((l) => l.id);
    const a = pairs.map((p) => p[0]);
    const b = pairs.map((p) => p[1]);
    kappa = {
      n: pairs.length,
      sample: sample.length,
      linear: weightedKappa(a, b, scale, 'linear').kappa,
      quadratic: weightedKappa(a, b, scale, 'quadratic').kappa,
      unweighted: weightedKappa(a, b, scale, 'none').kappa,
      observed: pairs.filter(([x, y]) => x === y).length / pairs.length,
    };
  }
  return { total: children.length, rated: all.length, levels: levelShares(config, all), units, criteria, kappa };
}
