// Entry of the chart worker thread (plain JavaScript, like the import's workers: worker threads do
// not inherit the parent's TypeScript loader, so tsx is registered here first).
const { register } = await import('tsx/esm/api');
register();
const { serveCharts } = await import('./chart-job.ts');
serveCharts();
