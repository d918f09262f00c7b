// Entry of the name-suggestion worker thread (plain JavaScript on purpose, like extract-worker.mjs):
// worker threads do not inherit the parent's TypeScript loader, so tsx is registered here before
// the TypeScript body loads. The dictionary libraries load first, without tsx's hooks.
await Promise.all([import('nspell'), import('dictionary-sv')]);
const { register } = await import('tsx/esm/api');
register();
await import('./name-job.ts');
