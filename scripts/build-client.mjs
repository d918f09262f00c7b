// Bundles the Lit client (client/main.ts) into client/dist/ with esbuild and copies index.html.
// Run by `npm start` and `npm test`; `--watch` rebuilds on change during development.
import { build, context } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const outdir = `${root}client/dist`;
mkdirSync(outdir, { recursive: true });
copyFileSync(`${root}client/index.html`, `${outdir}/index.html`);
copyFileSync(`${root}client/app.css`, `${outdir}/app.css`);

const options = {
  // The app, and the worker that reads large answers off the page's thread (client/data/json-off-thread.ts).
  entryPoints: { app: `${root}client/main.ts`, 'json-worker': `${root}client/workers/json-worker.ts` },
  bundle: true,
  format: 'esm',
  target: 'es2022',
  outdir,
  sourcemap: true,
  minify: !process.argv.includes('--watch'),
  tsconfig: `${root}tsconfig.json`,
  logLevel: 'warning',
};

if (process.argv.includes('--watch')) {
  const ctx = await context(options);
  await ctx.watch();
  console.log('Bygger om klienten vid ändringar …');
} else {
  const started = Date.now();
  await build(options);
  console.log(`Klienten byggd på ${Date.now() - started} ms (client/dist/)`);
}
