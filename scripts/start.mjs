// `npm start`: the simulated Finesse desktop with the gadget.
// 1. makes sure Prosody is installed (apt-get as root, or the exact command to run);
// 2. builds the gadget into dist/ with vite and keeps rebuilding it on change;
// 3. starts Prosody + the Finesse simulator + the chat router and customer page + the desktop harness, which
//    print the URLs (the customer chat page among them), the demo accounts and how to try blending.
// Ctrl-C (SIGINT) or SIGTERM stops everything it started, by PID: each child runs in its own process group, is
// asked to stop (the server stops Prosody), and whatever is left of its group is then ended, so no Prosody remains.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemParts } from './system-deps.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const READY_LINE = 'finesse-blend: gadget build ready';
const STOP_GRACE_MS = 5000;

ensureSystemParts(['prosody']);

// --layout FILE, --gadgets DIR (repeatable), --finesse-js DIR, --finesse-version X.Y: checked before the build, so a typo fails at once.
const args = process.argv.slice(2);
const check = spawnSync(process.execPath, ['--import', 'tsx', 'sim/desktop/start.ts', '--check', ...args], {
  cwd: root,
  env: { ...process.env, INIT_CWD: process.env.INIT_CWD ?? process.cwd() },
  stdio: 'inherit',
});
if (check.status !== 0) process.exit(check.status ?? 1);

/** @type {Array<{ name: string, child: import('node:child_process').ChildProcess }>} */
const children = [];
let stopping = false;

function start(name, args, onLine) {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env: { ...process.env, INIT_CWD: process.env.INIT_CWD ?? process.cwd() },
    // Own process group (so the whole group can be ended by its PID), an IPC channel (so the child stops
    // when this script goes away), and output read line by line.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  children.push({ name, child });
  const forward = (stream, out) => {
    let buffer = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        out.write(`${line}\n`);
        onLine?.(line);
      }
    });
  };
  forward(child.stdout, process.stdout);
  forward(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(
        `finesse-blend: ${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the rest.`,
      );
      void stopAll(1);
    }
  });
  return child;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Asks a child to stop, waits for its whole process group to end, then ends whatever is left of it. */
async function stopChild({ child }) {
  const pid = child.pid;
  if (pid === undefined) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
  const deadline = Date.now() + STOP_GRACE_MS;
  while (Date.now() < deadline && alive(-pid)) await new Promise((r) => setTimeout(r, 100));
  if (alive(-pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  // The server first (it stops Prosody), then the gadget watcher.
  for (const c of [...children].reverse()) await stopChild(c);
  console.log('finesse-blend: stopped.');
  process.exit(code);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

console.log('finesse-blend: building the gadget (vite) ...');
start('gadget build', ['sim/desktop/gadget-watch.ts'], (line) => {
  if (line === READY_LINE && !children.some((c) => c.name === 'desktop')) {
    start('desktop', ['sim/desktop/start.ts', ...args]);
  }
});
