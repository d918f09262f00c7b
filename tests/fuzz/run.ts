// Nightly fuzzing of every API route: the properties of tests/api/fuzz.test.ts with thousands of cases
// and larger hostile files (zip bombs up to 16 MiB inflated, uploads near the 25 MiB limit). Each
// property gets its own data directory; the data is checked for whole reopening every 250 cases.
// Prints every distinct failure with the request that caused it, and exits 1 if there was any.
// Usage: FUZZ_RUNS=5000 FUZZ_SEED=123 node --import tsx tests/fuzz/run.ts [routes|bodies|uploads ...]
// FUZZ_RUNS is per property (default 5000); without FUZZ_SEED a new seed is drawn and printed.
import { FuzzHarness, runFuzzProperty } from './harness.ts';
import { bodyCase, routeCase, uploadCase, type FuzzOptions } from './requests.ts';

const runs = Number(process.env.FUZZ_RUNS ?? 5000);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const options: FuzzOptions = { heavy: process.env.FUZZ_LIGHT !== '1' };
const properties = {
  routes: { arb: routeCase(options), share: 1 },
  bodies: { arb: bodyCase(options), share: 0.5 },
  uploads: { arb: uploadCase(options), share: 0.3 },
};
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(properties);

console.log(`Fuzzing the API: seed ${seed}, ${runs} runs per property (uploads and bodies get fewer), ${options.heavy ? 'heavy' : 'light'} files`);
let failed = 0;
for (const name of chosen) {
  const p = properties[name as keyof typeof properties];
  if (!p) throw new Error(`unknown property ${name}: choose from ${Object.keys(properties).join(', ')}`);
  const numRuns = Math.max(1, Math.round(runs * p.share));
  const h = await FuzzHarness.create();
  try {
    await runFuzzProperty(h, p.arb, { seed, numRuns, integrityEvery: 250 });
    const { cases, requests, ms, statuses } = h.stats;
    const byStatus = Object.entries(statuses)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    console.log(`\n${name}: ${cases} cases, ${requests} requests in ${(ms / 1000).toFixed(1)} s — ${byStatus}`);
    // Which routes the cases reached, and how far: a route that never answers 2xx is only fuzzed at its door.
    for (const [route, r] of Object.entries(h.stats.routes).sort(([a], [b]) => a.localeCompare(b))) {
      const statusList = Object.entries(r.statuses).map(([s, n]) => `${s}×${n}`).join(' ');
      console.log(`  ${route.padEnd(64)} ${statusList}  (${(r.ms / 1000).toFixed(1)} s)`);
    }
    if (h.failures.size) {
      failed += h.failures.size;
      console.log(`${h.failures.size} distinct failures (reproduce: FUZZ_SEED=${seed} FUZZ_RUNS=${runs} node --import tsx tests/fuzz/run.ts ${name}):`);
      console.log(h.report());
    } else console.log('no failures');
  } finally {
    await h.cleanup();
  }
}
console.log(`\n${failed} distinct failures, seed ${seed}`);
process.exit(failed ? 1 : 0);
