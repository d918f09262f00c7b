// Property-based fuzzing of every API route (fast-check), a few hundred seeded cases in `npm test`:
// malformed ids, queries, headers, If-Match values, JSON and raw bodies, and multipart uploads with
// hostile files, as every role. Every answer must be below 500 (but 503 index_building, a search
// during a large import), every 4xx must carry the JSON error body, no error may quote a personal
// number the client sent, /api/health must keep answering, and the data directory must reopen with
// the same data. The generators live in tests/fuzz/requests.ts,
// the checks in tests/fuzz/harness.ts; tests/fuzz/run.ts runs the same properties with thousands of cases.
// Reproduce a failure with the seed it prints: FUZZ_SEED=<seed> node --import tsx tests/api/fuzz.test.ts
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type fc from 'fast-check';
import { FuzzHarness, runFuzzProperty } from '../fuzz/harness.ts';
import { bodyCase, routeCase, uploadCase, type FuzzCase } from '../fuzz/requests.ts';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_260_302;
const OPTIONS = { heavy: false };

const fuzz = suite('Fuzzing every API route');

async function property(name: string, arb: fc.Arbitrary<FuzzCase>, numRuns: number): Promise<void> {
  const h = await FuzzHarness.create();
  try {
    await runFuzzProperty(h, arb, { seed: SEED, numRuns, integrityEvery: 100 });
    const { cases, requests, ms } = h.stats;
    console.log(`  ${name}: ${cases} cases, ${requests} requests, ${(ms / 1000).toFixed(1)} s`);
    assert.ok(h.failures.size === 0, `${h.failures.size} distinct failures (seed ${SEED}, ${numRuns} runs; rerun with FUZZ_SEED=${SEED}):\n${h.report()}`);
  } finally {
    await h.cleanup();
  }
}

fuzz('the route table is not empty, and every route gets cases', async () => {
  const h = await FuzzHarness.create();
  try {
    assert.ok(h.routes.length >= 30, `only ${h.routes.length} routes found`);
  } finally {
    await h.cleanup();
  }
});

fuzz('every route, as every role, survives bad ids, queries, headers, If-Match values and JSON bodies', async () => {
  await property('routes', routeCase(OPTIONS), 300);
});

fuzz('routes that read a body survive invalid JSON and UTF-8, wrong content types and sizes around the limit', async () => {
  await property('bodies', bodyCase(OPTIONS), 150);
});

fuzz('uploads survive non-zip .docx, small zip bombs, garbage and truncated PDFs, and their status, commit and discard', async () => {
  await property('uploads', uploadCase(OPTIONS), 100);
});

fuzz.run();
