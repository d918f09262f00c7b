// CLI: regenerates children.csv and ratings.csv of the demo inventory from the fixed seed, with the
// criteria of the malgruppsinventering template, and prints the picture they give.
// Usage: npx tsx studies/demo-malgruppsinventering/generator/generate.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { weightedKappa } from '../../../server/domain/inventory/weighted-kappa.ts';
import { loadStudyTemplates } from '../../../server/seed/study-templates.ts';
import { childrenCsv, generateInventory, LEVELS, ratingsCsv } from './inventory-data.ts';

export const DEMO_DIR = fileURLToPath(new URL('../', import.meta.url));
export const TEMPLATE_ID = 'malgruppsinventering';

/** The criterion ids of the template the demo follows, in its order. */
export async function templateCriteria(): Promise<string[]> {
  const template = (await loadStudyTemplates()).find((t) => t.id === TEMPLATE_ID);
  if (!template?.inventory) throw new Error(`Template ${TEMPLATE_ID} is missing or not an inventory`);
  return template.inventory.criteria.map((c) => c.id);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { children, ratings } = generateInventory(await templateCriteria());
  writeFileSync(`${DEMO_DIR}children.csv`, childrenCsv(children));
  writeFileSync(`${DEMO_DIR}ratings.csv`, ratingsCsv(ratings));

  const caseworkerOf = new Map(children.map((c) => [c.pseudonym, c.caseworker]));
  const firsts = ratings.filter((r) => caseworkerOf.get(r.pseudonym) === r.rater);
  const seconds = ratings.filter((r) => caseworkerOf.get(r.pseudonym) !== r.rater);
  const pct = (n: number) => `${((100 * n) / firsts.length).toFixed(1)} %`;
  console.log(`${children.length} children, ${firsts.length} rated, ${children.length - firsts.length} unrated`);
  for (const level of LEVELS) {
    const n = firsts.filter((r) => r.level === level).length;
    console.log(`  ${level}: ${n} (${pct(n)})`);
  }
  const firstOf = new Map(firsts.map((r) => [r.pseudonym, r.level]));
  const k = weightedKappa(seconds.map((r) => firstOf.get(r.pseudonym)), seconds.map((r) => r.level), [...LEVELS], 'linear');
  console.log(`sample ${seconds.length}, linear κ ${k.kappa?.toFixed(3)}`);
}
