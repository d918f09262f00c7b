// `npm run bench`: the performance targets, each measured beside a baseline (full-bench.ts);
// `npm run bench -- search`: only the import and the search row;
// `npm run bench -- --scale N`: the ×1 and the ×N bench study side by side (scale-bench.ts).
// Never part of `npm test`.
import { parseBenchArgs } from './args.ts';
import { runFullBench } from './full-bench.ts';
import { runScaleBench } from './scale-bench.ts';

let mode;
try {
  mode = parseBenchArgs(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
if (mode.mode === 'scale') await runScaleBench(mode.scale);
else await runFullBench(mode.mode === 'search' ? 'search' : undefined);
process.exit(0); // the store's file watchers would keep the process alive
