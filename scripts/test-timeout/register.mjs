// Preloaded into each node:test file process (`--import`): gives every test and hook that sets no timeout of its
// own the step's per-test timeout (TEST_TIMEOUT_MS), so a test that would hang fails with its name instead.
// Node 20's `--test-timeout` limits a whole file, not each test, hence the stand-in for `node:test` below.
//
// A timeout is a timer, and a timer cannot fire while the process never yields (a promise chain that never ends,
// a synchronous loop). A watchdog thread catches that: the file's main thread marks the time every second; when no
// mark has come for TEST_TIMEOUT_MS, the watchdog says so and ends the file's process, which the runner reports as a
// failed file, so the step goes on and fails instead of spinning until its limit.
import { register } from 'node:module';
import { Worker } from 'node:worker_threads';

const limit = Number(process.env.TEST_TIMEOUT_MS);
if (limit > 0) {
  register('./hooks.mjs', import.meta.url);
  const lastBeat = new BigInt64Array(new SharedArrayBuffer(8));
  const beat = () => Atomics.store(lastBeat, 0, BigInt(Date.now()));
  beat();
  setInterval(beat, 1000).unref();
  const watchdog = new Worker(
    `const { workerData } = require('node:worker_threads');
     const { writeSync } = require('node:fs');
     const { lastBeat, limit, file } = workerData;
     setInterval(() => {
       const silent = Date.now() - Number(Atomics.load(lastBeat, 0));
       if (silent < limit) return;
       writeSync(2, '\\n' + file + ': the test process did not yield for ' + Math.round(silent / 1000) + ' s (a loop that never ' +
         'gives the event loop a turn, so no timeout can fire): stopped, and counted as failed\\n');
       process.kill(process.pid, 'SIGKILL');
     }, 1000);`,
    { eval: true, workerData: { lastBeat, limit, file: process.argv[1] ?? 'a test file' } },
  );
  watchdog.unref();
}
