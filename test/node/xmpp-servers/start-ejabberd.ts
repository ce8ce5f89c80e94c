// Starts a private ejabberd (Debian's package) for interop tests: a fresh temp dir for config, database and logs,
// free loopback ports, `ejabberdctl foreground` as a child in a process group of its own. The package's own
// instance (if its install started one) is left alone: this one shares nothing with it — not the ports, not the
// Erlang node name, and not epmd (the node's distribution listens on a port of its own, ERL_DIST_PORT).
// ejabberdctl runs only as root or as the `ejabberd` user; as root the server runs as `ejabberd` (runuser), so the
// temp dir is given to that user. stop() sends SIGTERM to the Erlang VM by the PID in its pidfile, then ends what is
// left of the group by its id; an exit handler and a watchdog (a shell reading a pipe from this process) end the
// group if this process ends without stop().
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../sim/prosody/free-port.ts';
import { ejabberdConfig } from './ejabberd-config.ts';
import { alive, answersAs, killAtExit, readPidFile, sleep } from '../../../sim/server-process.ts';

/** A running ejabberd and how to reach it: the same shape as a chat Prosody's handle where they overlap. */
export interface EjabberdHandle {
  readonly domain: string;
  readonly mucDomain: string;
  /** The anonymous host customers sign in to. */
  readonly guestDomain: string;
  readonly boshUrl: string;
  readonly websocketUrl: string;
  readonly c2sPort: number;
  readonly httpPort: number;
  /** ejabberd's version as it reports it at start (e.g. "23.01-1"). */
  readonly version: string;
  /** From spawning ejabberdctl to the HTTP listener answering, in ms. */
  readonly startupMs: number;
  /** Creates an account, or sets its password when it exists (ejabberd's HTTP API, from loopback only). */
  register(username: string, password: string): Promise<void>;
  /** Stops the server and removes its directory; safe to call twice. */
  stop(): Promise<void>;
}

const INSTALL_HINT = 'apt-get install -y ejabberd';
const EJABBERDCTL = '/usr/sbin/ejabberdctl';
const READY_DEADLINE_MS = 30_000;
const STOP_DEADLINE_MS = 8_000;
const ATTEMPTS = 3;

/** The uid and gid of the `ejabberd` system user the package creates, or null. */
function ejabberdUser(): { uid: number; gid: number } | null {
  const read = (flag: string): number | null => {
    const out = spawnSync('id', [flag, 'ejabberd'], { encoding: 'utf8' });
    const n = Number.parseInt(out.stdout.trim(), 10);
    return out.status === 0 && Number.isInteger(n) ? n : null;
  };
  const uid = read('-u');
  const gid = read('-g');
  return uid === null || gid === null ? null : { uid, gid };
}

/** How to run ejabberdctl as whoever may run it: the command prefix, and the owner the temp dir must have. */
function launcher(): { prefix: string[]; owner: { uid: number; gid: number } | null } {
  if (!existsSync(EJABBERDCTL)) {
    throw new Error(
      `ejabberd (a second XMPP server for interop tests) is not installed. Install it with: ${INSTALL_HINT}`,
    );
  }
  const user = ejabberdUser();
  if (!user)
    throw new Error(`ejabberd is installed but its system user "ejabberd" is missing. Reinstall: ${INSTALL_HINT}`);
  const me = process.getuid?.() ?? -1;
  if (me === 0) return { prefix: ['runuser', '-u', 'ejabberd', '--'], owner: user };
  if (me === user.uid) return { prefix: [], owner: null };
  throw new Error('ejabberdctl runs only as root or as the "ejabberd" user: run these tests as one of them.');
}

/** True while the process runs: exists and is not a zombie (one whose new parent never reaps it counts as gone). */
function living(pid: number): boolean {
  const stat = readText(`/proc/${pid}/stat`);
  if (stat) return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  return alive(pid);
}

/** Signals one process; false when it is gone. */
function signalProcess(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** Signals a whole process group (runuser, ejabberdctl's shell, the Erlang VM and its port programs). */
function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Starts ejabberd on free loopback ports; resolves when its HTTP listener answers as ejabberd. */
export async function startEjabberd(opts: { readonly domain?: string } = {}): Promise<EjabberdHandle> {
  const how = launcher();
  let lastError: Error | null = null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    try {
      return await startOnce(opts.domain ?? 'localhost', how);
    } catch (error) {
      // Usually a port taken by another process between probing and binding: try fresh ports.
      lastError = error instanceof Error ? error : new Error(String(error));
    }
  }
  throw lastError ?? new Error('ejabberd did not start');
}

async function startOnce(domain: string, how: ReturnType<typeof launcher>): Promise<EjabberdHandle> {
  const dir = mkdtempSync(join(tmpdir(), 'finesse-test-ejabberd-'));
  const [c2sPort, httpPort, distPort] = [await freePort(), await freePort(), await freePort()];
  const httpBase = `http://127.0.0.1:${httpPort}`;
  // A node name no other run uses; Erlang's cookie file goes to the temp dir (HOME), not the user's home.
  const node = `finesse${process.pid}x${randomBytes(4).toString('hex')}@localhost`;
  const logs = join(dir, 'logs');
  const spool = join(dir, 'spool');
  mkdirSync(logs);
  mkdirSync(spool);
  writeFileSync(join(dir, 'ejabberd.yml'), ejabberdConfig({ domain, c2sPort, httpPort }), { mode: 0o600 });
  writeFileSync(
    join(dir, 'ejabberdctl.cfg'),
    [
      'ERL_OPTIONS="-env ERL_CRASH_DUMP_BYTES 0"',
      `ERL_DIST_PORT=${distPort}`,
      'INET_DIST_INTERFACE=127.0.0.1',
      `EJABBERD_PID_PATH=${join(dir, 'ejabberd.pid')}`,
      'EJABBERD_BYPASS_WARNINGS=true',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  if (how.owner) {
    for (const path of [dir, logs, spool, join(dir, 'ejabberd.yml'), join(dir, 'ejabberdctl.cfg')]) {
      chownSync(path, how.owner.uid, how.owner.gid);
    }
  }

  const args = [
    ...how.prefix,
    'env',
    `HOME=${dir}`,
    EJABBERDCTL,
    '--config-dir',
    dir,
    '--ctl-config',
    join(dir, 'ejabberdctl.cfg'),
    '--spool',
    spool,
    '--logs',
    logs,
    '--node',
    node,
    'foreground',
  ];
  const started = Date.now();
  const [command, ...rest] = args as [string, ...string[]];
  // A process group of its own (pgid = the child's pid), so stop() ends everything ejabberdctl started.
  const child: ChildProcess = spawn(command, rest, { stdio: 'ignore', detached: true, cwd: dir });
  child.unref();
  const pgid = child.pid;
  if (pgid === undefined) throw new Error('ejabberdctl could not be started');

  const watchdog = spawn(
    'sh',
    [
      '-c',
      'cat >/dev/null; kill -TERM -- "-$1" 2>/dev/null; sleep 3; kill -KILL -- "-$1" 2>/dev/null; rm -rf "$2"',
      'test-ejabberd-watchdog',
      String(pgid),
      dir,
    ],
    { stdio: ['pipe', 'ignore', 'ignore'], detached: true },
  );
  watchdog.unref();
  const watchdogStdin = watchdog.stdin as (NodeJS.WritableStream & { unref?: () => void }) | null;
  watchdogStdin?.unref?.();
  const endWatchdog = (): void => {
    if (watchdog.pid !== undefined) signalGroup(watchdog.pid, 'SIGKILL');
  };
  const killNow = (): void => {
    endWatchdog();
    signalGroup(pgid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  const keepAtExit = killAtExit(killNow);

  const pidfile = join(dir, 'ejabberd.pid');
  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      keepAtExit();
      endWatchdog();
      // SIGTERM to the Erlang VM: it stops ejabberd in order (init:stop) and ejabberdctl and runuser then exit by
      // themselves. Without a pidfile (it did not get that far), the whole group gets it.
      const pid = readPidFile(pidfile);
      if (pid === null || !signalProcess(pid, 'SIGTERM')) signalGroup(pgid, 'SIGTERM');
      const until = Date.now() + STOP_DEADLINE_MS;
      const ended = (): boolean => (pid === null || !living(pid)) && child.exitCode !== null;
      while (!ended() && Date.now() < until) await sleep(25);
      signalGroup(pgid, 'SIGKILL'); // whatever is left of the group
      rmSync(dir, { recursive: true, force: true });
    })();
    return stopped;
  };

  const log = join(logs, 'ejabberd.log');
  // Its BOSH endpoint answering as ejabberd (not some other server that took the port).
  const ready = await answersAs(`${httpBase}/http-bind`, /ejabberd/i, child, READY_DEADLINE_MS, 50);
  const startupMs = Date.now() - started;
  if (!ready) {
    const errors = readText(join(logs, 'error.log')) || readText(log).slice(-1500);
    await stop();
    throw new Error(
      `ejabberd did not come up on ports ${c2sPort}/${httpPort}${errors ? `: ${errors.trim().slice(0, 800)}` : ''}`,
    );
  }
  const version = /ejabberd (\S+) is started/.exec(readText(log))?.[1] ?? 'unknown';

  const register = async (username: string, password: string): Promise<void> => {
    const created = await api(httpBase, 'register', { user: username, host: domain, password });
    if (created.ok) return;
    // An existing account: set its password instead (as `prosodyctl register` does).
    if (/already registered/i.test(created.text)) {
      const changed = await api(httpBase, 'change_password', { user: username, host: domain, newpass: password });
      if (changed.ok) return;
      throw new Error(`ejabberd did not change the password of ${username}: ${changed.text.slice(0, 200)}`);
    }
    // Credentials never reach an error message: only the account name and ejabberd's own complaint.
    throw new Error(`ejabberd did not register ${username}: ${created.text.slice(0, 200)}`);
  };

  return {
    domain,
    mucDomain: `conference.${domain}`,
    guestDomain: `guest.${domain}`,
    boshUrl: `${httpBase}/http-bind`,
    websocketUrl: `ws://127.0.0.1:${httpPort}/xmpp-websocket`,
    c2sPort,
    httpPort,
    version,
    startupMs,
    register,
    stop,
  };
}

/** One call of ejabberd's HTTP API (mod_http_api): ok when it answers 200. */
async function api(
  base: string,
  command: string,
  body: Record<string, string>,
): Promise<{ ok: boolean; text: string }> {
  const res = await fetch(`${base}/api/${command}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { ok: res.ok, text: await res.text() };
}
