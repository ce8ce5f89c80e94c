// `npm test`: system parts, typecheck, lint, Node-side tests, integration tests, browser tests, end-to-end tests; then one line `N passed, N failed`.
// Counts also go to test-results/summary.json so CI can print its own line.
// Nothing can hang the run: each test has a timeout (node:test through test-timeout/register.mjs, the browser in
// web-test-runner.config.mjs), and each step a limit past which it is stopped, with all it started, and counted failed.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureSystemParts } from './system-deps.mjs';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * Per-test timeouts (node:test steps) and whole-step limits: a test that would hang fails after testMs, a step that
 * would hang is stopped at stepMs. Each is several times the slowest passing test or step seen on 2 shared cores:
 * node 4.1 s (a chat test on Prosody; the property test sets its own), integration 1.2 s, e2e 10.6 s (npm start's
 * test sets its own); steps: node 233 s, integration 36 s, browser 16 s, e2e 209 s.
 */
const LIMITS = {
  typecheck: { stepMs: 5 * MINUTE },
  lint: { stepMs: 5 * MINUTE },
  node: { testMs: 20 * SECOND, stepMs: 15 * MINUTE },
  integration: { testMs: 30 * SECOND, stepMs: 5 * MINUTE },
  browser: { stepMs: 5 * MINUTE },
  e2e: { testMs: 120 * SECOND, stepMs: 15 * MINUTE },
};

const results = { passed: 0, failed: 0, skipped: 0, steps: [] };
const only = process.argv.slice(2); // e.g. `npm test -- node` runs one step

async function step(name, fn) {
  if (only.length > 0 && !only.includes(name)) return;
  const started = Date.now();
  const counts = await fn(name);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.passed += counts.passed;
  results.failed += counts.failed;
  results.skipped += counts.skipped ?? 0;
  results.steps.push({ name, ...counts, seconds: Number(seconds) });
  console.log(
    `\n[${name}] ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''} (${seconds} s)\n`,
  );
}

/** The step running now (its process group), so Ctrl-C or a cancelled CI job stops it too. */
let running = null;

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already gone
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (running !== null) signalGroup(running.pid, signal);
    process.exit(130);
  });
}

/**
 * Runs one step's command in a process group of its own. Past the step's limit the whole group is stopped
 * (TERM, then KILL) and the step fails: { ok: false, overLimit: true }.
 */
function run(name, cmd, args, env = {}) {
  const limitMs = LIMITS[name].stepMs;
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', detached: true, env: { ...process.env, ...env } });
    running = child;
    let overLimit = false;
    const timer = setTimeout(() => {
      overLimit = true;
      console.log(`\n[${name}] still running after its ${limitMs / SECOND} s limit: stopped, and counted as failed`);
      signalGroup(child.pid, 'SIGTERM');
      setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 5 * SECOND).unref();
    }, limitMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      running = null;
      if (overLimit) signalGroup(child.pid, 'SIGKILL'); // whatever the step started and outlived it
      resolve({ ok: code === 0 && !overLimit, overLimit });
    });
  });
}

/** A check with no sub-tests (typecheck, lint) counts as one test. */
const check = ({ ok }) => ({ passed: ok ? 1 : 0, failed: ok ? 0 : 1 });

function findTests(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(dir, f))
    .sort();
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });
ensureSystemParts(['chromium', 'prosody', 'ejabberd', 'postgresql', 'unzip', 'opensshServer']);

await step('typecheck', async (name) => check(await run(name, 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])));
await step('lint', async (name) => check(await run(name, 'npm', ['run', '--silent', 'lint'])));

/**
 * Runs node:test files (TypeScript through tsx) and reads the counts from a TAP copy of the report. Each test and
 * hook gets the step's timeout unless it sets its own.
 */
async function nodeTests(dir, name) {
  const files = findTests(dir, '.test.ts');
  if (files.length === 0) return { passed: 0, failed: 0 };
  const tap = `test-results/${name}.tap`;
  const { ok, overLimit } = await run(
    name,
    'node',
    [
      '--import',
      'tsx',
      '--import',
      './scripts/test-timeout/register.mjs',
      '--test',
      '--test-concurrency=1',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    { TEST_TIMEOUT_MS: String(LIMITS[name].testMs) },
  );
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const num = (key) => Number(text.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  const counts = { passed: num('pass'), failed: num('fail') + num('cancelled'), skipped: num('skipped') + num('todo') };
  if (overLimit)
    counts.failed += 1; // the step itself, stopped at its limit
  else if (!ok && counts.failed === 0) counts.failed = 1; // the runner itself failed (e.g. a file did not load)
  return counts;
}

await step('node', (name) => nodeTests('test/node', name));
await step('integration', (name) => nodeTests('test/integration', name));

await step('browser', async (name) => {
  const { ok, overLimit } = await run(name, 'npx', ['web-test-runner']);
  const file = 'test-results/browser.json';
  const counts = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { passed: 0, failed: 1, skipped: 0 };
  counts.failed += counts.erroredFiles ?? 0;
  if (overLimit) counts.failed += 1;
  else if (!ok && counts.failed === 0) counts.failed = 1;
  delete counts.erroredFiles;
  return counts;
});

await step('e2e', (name) => nodeTests('test/e2e', name));

// Skipped tests are not allowed to linger: a skip counts as a failure of the run.
const skippedFails = results.skipped > 0;
writeFileSync('test-results/summary.json', JSON.stringify(results, null, 2));
for (const s of results.steps)
  console.log(
    `  ${s.name.padEnd(10)} ${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''} (${s.seconds} s)`,
  );
if (skippedFails) console.log(`${results.skipped} test(s) skipped: remove the skip or the test.`);
console.log(
  `${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''}`,
);
process.exit(results.failed > 0 || skippedFails ? 1 : 0);
