// `npm run bench`: runs every benchmark in this folder, one after the other, each in its own process.
// `npm run bench -- chat xml`: only the files whose names contain a word given; from the first `--option` on, the
// arguments go to each benchmark run (e.g. `npm run bench -- chat --customers 100 --agents 20`).
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const firstOption = args.findIndex((a) => a.startsWith('--'));
const only = firstOption < 0 ? args : args.slice(0, firstOption);
const passOn = firstOption < 0 ? [] : args.slice(firstOption);
const files = readdirSync('bench')
  .filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const r = spawnSync('node', ['--import', 'tsx', `bench/${file}`, ...passOn], { stdio: 'inherit' });
  if (r.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
