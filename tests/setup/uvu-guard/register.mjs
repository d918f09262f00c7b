// Preloaded by tests/run.ts into every test process (`node --import`): routes `import … from 'uvu'`
// through tracked-uvu.mjs, which fails the process when a suite with tests never calls `.run()`,
// or when a test is focused (`.only`) or skipped (`.skip`) — uvu alone exits 0 in all three cases.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
