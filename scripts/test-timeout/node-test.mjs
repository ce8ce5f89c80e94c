// `node:test` with one difference: a test or hook given no timeout gets TEST_TIMEOUT_MS. Suites (describe) get
// none, so a suite of many tests is not limited as a whole.
import * as nodeTest from 'node:test';

const timeout = Number(process.env.TEST_TIMEOUT_MS);

/** (name?, options?, fn?) with the default timeout added to the options. */
function withTimeout(run) {
  return (...args) => {
    const at = args.findIndex((a) => a !== null && typeof a === 'object');
    if (at >= 0) args[at] = { timeout, ...args[at] };
    else args.splice(typeof args[0] === 'function' ? 0 : 1, 0, { timeout });
    return run(...args);
  };
}

/** A hook's (fn, options?) with the default timeout added to the options. */
const hookWithTimeout = (hook) => (fn, options) => hook(fn, { timeout, ...options });

function testFunction(run) {
  const wrapped = withTimeout(run);
  for (const variant of ['skip', 'todo', 'only'])
    if (typeof run[variant] === 'function') wrapped[variant] = withTimeout(run[variant]);
  return wrapped;
}

export * from 'node:test';
export const test = testFunction(nodeTest.test);
export const it = testFunction(nodeTest.it);
export const before = hookWithTimeout(nodeTest.before);
export const after = hookWithTimeout(nodeTest.after);
export const beforeEach = hookWithTimeout(nodeTest.beforeEach);
export const afterEach = hookWithTimeout(nodeTest.afterEach);
export default test;
