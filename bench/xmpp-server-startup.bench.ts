// How long the test XMPP servers take to start (until their HTTP endpoint answers) and to stop, each started a few
// times in a row: Prosody (the reference) and ejabberd (the interop smoke test's server), with ejabberd's time as a
// ratio to Prosody's. Run: node --import tsx bench/xmpp-server-startup.bench.ts
import { startProsody } from '../sim/prosody/start-prosody.ts';
import { startEjabberd } from '../test/node/xmpp-servers/start-ejabberd.ts';

const ROUNDS = 3;

interface Round {
  readonly startMs: number;
  readonly stopMs: number;
}

async function measure(start: () => Promise<{ stop(): Promise<void> }>): Promise<Round[]> {
  const rounds: Round[] = [];
  for (let i = 0; i < ROUNDS; i += 1) {
    const began = performance.now();
    const server = await start();
    const started = performance.now();
    await server.stop();
    rounds.push({ startMs: started - began, stopMs: performance.now() - started });
  }
  return rounds;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const prosody = await measure(() => startProsody({ chat: true }));
let version = '';
const ejabberd = await measure(async () => {
  const server = await startEjabberd();
  version = server.version;
  return server;
});
const line = (name: string, rounds: Round[]): string =>
  `${name.padEnd(18)} start median ${median(rounds.map((r) => r.startMs)).toFixed(0)} ms ` +
  `(${rounds.map((r) => r.startMs.toFixed(0)).join(', ')}), stop median ${median(rounds.map((r) => r.stopMs)).toFixed(0)} ms`;
console.log(line('prosody', prosody));
console.log(line(`ejabberd ${version}`, ejabberd));
const ratio = median(ejabberd.map((r) => r.startMs)) / median(prosody.map((r) => r.startMs));
console.log(`ejabberd / prosody start time: ${ratio.toFixed(1)}x`);
