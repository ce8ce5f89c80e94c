// Starts a private Prosody for the simulator and the tests: a fresh temp dir, free loopback ports, the
// config from prosody-config.ts, `prosody -F` as a child. Nothing is left running: stop() ends it by the PID
// in its pidfile, an exit handler does the same if the process exits without stop(), and a small watchdog
// (a shell reading a pipe from this process) does it if this process is killed outright.
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';
import { prosodyConfig } from './prosody-config.ts';

/** A running Prosody and how to reach it. */
export interface ProsodyHandle {
  readonly domain: string;
  /** The pubsub component (Finesse's xmppPubSubDomain). */
  readonly pubsubDomain: string;
  /** The MUC component for chat rooms. */
  readonly mucDomain: string;
  readonly boshUrl: string;
  readonly websocketUrl: string;
  readonly c2sPort: number;
  readonly httpPort: number;
  /** An account listed in Prosody's admins (may create pubsub nodes); registered at start. */
  readonly adminJid: string;
  readonly adminPassword: string;
  /** Creates or updates an account (`prosodyctl register`, about 30 ms each; run several at once freely). */
  register(username: string, password: string): Promise<void>;
  /** Stops the server and removes its directory; safe to call twice. */
  stop(): Promise<void>;
  /** With the `chat` option: the anonymous VirtualHost customers sign in to. */
  readonly guestDomain?: string;
}

export interface StartProsodyOptions {
  /** The XMPP domain (VirtualHost); default "localhost". */
  readonly domain?: string;
  /** Also host chat: stream management, archived MUC rooms, anonymous guest.<domain> for customers. */
  readonly chat?: boolean;
}

export const PROSODY_INSTALL_HINT = 'apt-get install -y prosody';

const READY_DEADLINE_MS = 10_000;
const STOP_DEADLINE_MS = 5_000;
const ATTEMPTS = 3;

const running = new Set<() => void>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers must be synchronous: a SIGKILL by PID and a synchronous rm.
  process.on('exit', () => {
    for (const kill of running) kill();
  });
}

function requireProsody(): void {
  const found = ['/usr/bin/prosody', '/usr/bin/prosodyctl'].every((bin) => existsSync(bin)) ||
    spawnSync('sh', ['-c', 'command -v prosody && command -v prosodyctl'], { stdio: 'ignore' }).status === 0;
  if (!found) {
    throw new Error(`Prosody (the XMPP server for Finesse notifications) is not installed. Install it with: ${PROSODY_INSTALL_HINT}`);
  }
}

function readPid(pidfile: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(pidfile, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 1 ? pid : null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** True once Prosody's BOSH endpoint answers as Prosody (not some other server that took the port). */
async function waitReady(boshUrl: string, child: ChildProcess): Promise<boolean> {
  const until = Date.now() + READY_DEADLINE_MS;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      const res = await fetch(boshUrl, { signal: AbortSignal.timeout(1000) });
      const text = await res.text();
      if (/bosh/i.test(text)) return true;
      return false;
    } catch {
      await sleep(30);
    }
  }
  return false;
}

function prosodyctl(config: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('prosodyctl', ['--config', config, ...args], { timeout: 15_000 }, (error, _stdout, stderr) => {
      // Credentials never reach an error message: only the command name and Prosody's own complaint.
      if (error) reject(new Error(`prosodyctl ${args[0] ?? ''} failed: ${String(stderr).trim() || error.message}`));
      else resolve();
    });
  });
}

/** Starts Prosody on free loopback ports; resolves when its HTTP port answers. */
export async function startProsody(opts: StartProsodyOptions = {}): Promise<ProsodyHandle> {
  requireProsody();
  installExitHook();
  let lastError: Error | null = null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    try {
      return await startOnce(opts.domain ?? 'localhost', opts.chat ?? false);
    } catch (error) {
      // Usually a port taken by another run between probing and binding: try fresh ports.
      lastError = error instanceof Error ? error : new Error(String(error));
    }
  }
  throw lastError ?? new Error('Prosody did not start');
}

async function startOnce(domain: string, chat: boolean): Promise<ProsodyHandle> {
  const dir = mkdtempSync(join(tmpdir(), 'finesse-sim-prosody-'));
  const config = join(dir, 'prosody.cfg.lua');
  const pidfile = join(dir, 'prosody.pid');
  const [c2sPort, httpPort] = [await freePort(), await freePort()];
  // "finesse" is the account Finesse's own notification service uses on its XMPP server.
  const adminJid = `finesse@${domain}`;
  const adminPassword = randomBytes(12).toString('hex');
  writeFileSync(config, prosodyConfig({ dir, domain, c2sPort, httpPort, adminJid, chat }), { mode: 0o600 });
  await prosodyctl(config, ['register', 'finesse', domain, adminPassword]);

  const child = spawn('prosody', ['-F', '--config', config], { stdio: 'ignore' });
  // A forgotten stop() must not keep this process alive; the exit hook and the watchdog end Prosody then.
  child.unref();
  // The watchdog: `cat` returns when this process's end of the pipe closes, whatever the way this process dies.
  const watchdog = spawn(
    'sh',
    ['-c', 'cat >/dev/null; p=$(cat "$1" 2>/dev/null); [ -n "$p" ] && kill "$p" 2>/dev/null; sleep 2; [ -n "$p" ] && kill -9 "$p" 2>/dev/null; rm -rf "$2"', 'sim-prosody-watchdog', pidfile, dir],
    { stdio: ['pipe', 'ignore', 'ignore'], detached: true },
  );
  watchdog.unref();
  const watchdogStdin = watchdog.stdin;
  if (watchdogStdin && 'unref' in watchdogStdin && typeof watchdogStdin.unref === 'function') watchdogStdin.unref();

  const killNow = (): void => {
    if (watchdog.pid !== undefined) {
      try {
        process.kill(watchdog.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    const pid = readPid(pidfile) ?? child.pid ?? null;
    if (pid !== null) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  running.add(killNow);

  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      running.delete(killNow);
      if (watchdog.pid !== undefined) {
        try {
          process.kill(watchdog.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      const pid = readPid(pidfile) ?? child.pid ?? null;
      if (pid !== null && alive(pid)) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // gone meanwhile
        }
        const until = Date.now() + STOP_DEADLINE_MS;
        while (alive(pid) && Date.now() < until) await sleep(25);
        if (alive(pid)) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // gone meanwhile
          }
        }
      }
      rmSync(dir, { recursive: true, force: true });
    })();
    return stopped;
  };

  const boshUrl = `http://127.0.0.1:${httpPort}/http-bind`;
  const ready = await waitReady(boshUrl, child);
  const errors = (() => {
    try {
      return readFileSync(join(dir, 'prosody.err'), 'utf8');
    } catch {
      return '';
    }
  })();
  if (!ready || /Failed to open server port/i.test(errors)) {
    await stop();
    throw new Error(`Prosody did not come up on ports ${c2sPort}/${httpPort}${errors ? `: ${errors.trim().slice(0, 500)}` : ''}`);
  }

  return {
    domain,
    pubsubDomain: `pubsub.${domain}`,
    mucDomain: `conference.${domain}`,
    boshUrl,
    websocketUrl: `ws://127.0.0.1:${httpPort}/xmpp-websocket`,
    c2sPort,
    httpPort,
    adminJid,
    adminPassword,
    register: (username, password) => prosodyctl(config, ['register', username, domain, password]),
    stop,
    ...(chat ? { guestDomain: `guest.${domain}` } : {}),
  };
}
