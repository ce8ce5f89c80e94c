// Module hook: test files importing `node:test` get `node-test.mjs` (the same API, with a default timeout).
const WRAPPER = new URL('./node-test.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if ((specifier === 'node:test' || specifier === 'test') && context.parentURL !== WRAPPER)
    return { url: WRAPPER, shortCircuit: true };
  return next(specifier, context);
}
