// Entry of a prepare worker thread (plain JavaScript on purpose, like extract-worker.mjs): worker
// threads do not inherit the parent's TypeScript loader, so tsx is registered here before the
// TypeScript body loads.
const { register } = await import('tsx/esm/api');
register();
const { serveJobs } = await import('./prepare-job.ts');
serveJobs();
