// Imports a written bench template into a new data directory, as the demo is seeded (seedDemo: read,
// normalise, pseudonymise, split into entries, store durably), with the import's workers already
// loaded, as a server loads them when it starts.
import { FAST_COST } from '../../server/auth/password.ts';
import { seedDemo } from '../../server/seed/demo.ts';
import { preparePool } from '../../server/import/prepare-pool.ts';
import { Store } from '../../server/store/store.ts';

/** Opens a store on the empty `dataDir` and imports the template in `templateDir`; returns it and the import time (ms). */
export async function importBenchStudy(templateDir: string, dataDir: string): Promise<{ store: Store; importMs: number }> {
  const store = await Store.open(dataDir);
  await warmPreparePool();
  const t = performance.now();
  await seedDemo(store, { dir: templateDir, passwordCost: FAST_COST });
  return { store, importMs: performance.now() - t };
}

/** Starts every prepare worker and waits until each has answered a job (its code is loaded). */
async function warmPreparePool(): Promise<void> {
  preparePool.warm();
  const tiny = () => preparePool.prepare('2020-01-01 Orosanmälan', new Uint8Array(32), new Date(0));
  await Promise.all(Array.from({ length: preparePool.size }, tiny));
}
