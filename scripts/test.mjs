// `npm test`: system parts, typecheck, lint, Node-side tests, integration tests, browser tests, end-to-end tests; then one line `N passed, N failed`.
// Counts also go to test-results/summary.json so CI can print its own line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureSystemParts } from './system-deps.mjs';

const results = { passed: 0, failed: 0, skipped: 0, steps: [] };
const only = process.argv.slice(2); // e.g. `npm test -- node` runs one step

function step(name, fn) {
  if (only.length > 0 && !only.includes(name)) return;
  const started = Date.now();
  const counts = fn();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  results.passed += counts.passed;
  results.failed += counts.failed;
  results.skipped += counts.skipped ?? 0;
  results.steps.push({ name, ...counts, seconds: Number(seconds) });
  console.log(`\n[${name}] ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''} (${seconds} s)\n`);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status === 0;
}

/** A check with no sub-tests (typecheck, lint) counts as one test. */
const check = (ok) => ({ passed: ok ? 1 : 0, failed: ok ? 0 : 1 });

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
ensureSystemParts(['chromium', 'prosody']);

step('typecheck', () => check(run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])));
step('lint', () => check(run('npx', ['eslint', '.'])));

/** Runs node:test files (TypeScript through tsx) and reads the counts from a TAP copy of the report. */
function nodeTests(dir, name) {
  const files = findTests(dir, '.test.ts');
  if (files.length === 0) return { passed: 0, failed: 0 };
  const tap = `test-results/${name}.tap`;
  const ok = run('node', ['--import', 'tsx', '--test', '--test-concurrency=1',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const num = (key) => Number(text.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  const counts = { passed: num('pass'), failed: num('fail') + num('cancelled'), skipped: num('skipped') + num('todo') };
  if (!ok && counts.failed === 0) counts.failed = 1; // the runner itself failed (e.g. a file did not load)
  return counts;
}

step('node', () => nodeTests('test/node', 'node'));
step('integration', () => nodeTests('test/integration', 'integration'));

step('browser', () => {
  const ok = run('npx', ['web-test-runner']);
  const file = 'test-results/browser.json';
  const counts = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { passed: 0, failed: 1, skipped: 0 };
  counts.failed += counts.erroredFiles ?? 0;
  if (!ok && counts.failed === 0) counts.failed = 1;
  delete counts.erroredFiles;
  return counts;
});

step('e2e', () => nodeTests('test/e2e', 'e2e'));

// Skipped tests are not allowed to linger: a skip counts as a failure of the run.
const skippedFails = results.skipped > 0;
writeFileSync('test-results/summary.json', JSON.stringify(results, null, 2));
for (const s of results.steps) console.log(`  ${s.name.padEnd(10)} ${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''} (${s.seconds} s)`);
if (skippedFails) console.log(`${results.skipped} test(s) skipped: remove the skip or the test.`);
console.log(`${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''}`);
process.exit(results.failed > 0 || skippedFails ? 1 : 0);
