// Module resolution hook: every import of 'uvu' except tracked-uvu.mjs's own gets the tracked copy.
const TRACKED = new URL('./tracked-uvu.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'uvu' && context.parentURL !== TRACKED) return { url: TRACKED, shortCircuit: true };
  return next(specifier, context);
}
