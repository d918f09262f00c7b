// Imports a written bench template into a new data directory, as the demo is seeded (seedDemo: read,
// normalise, pseudonymise, split into entries, store durably).
import { FAST_COST } from '../../server/auth/password.ts';
import { seedDemo } from '../../server/seed/demo.ts';
import { Store } from '../../server/store/store.ts';

/** Opens a store on the empty `dataDir` and imports the template in `templateDir`; returns it and the import time (ms). */
export async function importBenchStudy(templateDir: string, dataDir: string): Promise<{ store: Store; importMs: number }> {
  const store = await Store.open(dataDir);
  const t = performance.now();
  await seedDemo(store, { dir: templateDir, passwordCost: FAST_COST });
  return { store, importMs: performance.now() - t };
}
