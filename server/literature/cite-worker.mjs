// Entry of the citation worker thread (plain JavaScript, like the chart worker's: worker threads do
// not inherit the parent's TypeScript loader, so tsx is registered here first).
const { register } = await import('tsx/esm/api');
register();
const { serveCitations } = await import('./cite-job.ts');
serveCitations();
