// Preloaded into each node:test file process (`--import`): gives every test and hook that sets no timeout of its
// own the step's per-test timeout (TEST_TIMEOUT_MS), so a test that would hang fails with its name instead.
// Node 20's `--test-timeout` limits a whole file, not each test, hence the stand-in for `node:test` below.
import { register } from 'node:module';

if (Number(process.env.TEST_TIMEOUT_MS) > 0) register('./hooks.mjs', import.meta.url);
