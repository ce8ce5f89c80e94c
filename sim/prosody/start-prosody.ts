// Starts a private Prosody for the simulator and the tests: a fresh temp dir, free loopback ports, the
// config from prosody-config.ts, `prosody -F` as a child. Nothing is left running: stop() ends it by the PID
// in its pidfile, an exit handler does the same if the process exits without stop(), and a small watchdog
// (a shell reading a pipe from this process) does it if this process is killed outright. restart() ends the
// process only, so the directory (accounts, rooms, archives) and the ports carry over to the next one.
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.ts';
import { prosodyConfig } from './prosody-config.ts';
import { alive, answersAs, killAtExit, readPidFile, sleep } from '../server-process.ts';

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
  /**
   * Creates many accounts at once by writing their files in Prosody's data directory (internal storage, which
   * Prosody reads on each sign-in): milliseconds for hundreds, where register() starts one prosodyctl per account.
   * Usernames are lower-case letters, digits and `._-`; a name Prosody would spell differently is refused.
   */
  registerMany(accounts: readonly { readonly username: string; readonly password: string }[]): Promise<void>;
  /**
   * Stops the server and starts it again on the same ports and data directory (accounts, rooms and archives
   * survive); resolves once it answers again. `whileDown` runs while it is down (a test's moment to act).
   * Rejects after stop(); with whileDown's error (the server is started again all the same); or when the server
   * does not come back (the handle is then down; stop() still cleans up).
   */
  restart(whileDown?: () => Promise<void> | void): Promise<void>;
  /** Stops the server and removes its directory; safe to call twice, and waits for a restart in progress. */
  stop(): Promise<void>;
  /** With the `chat` option: the anonymous VirtualHost customers sign in to. */
  readonly guestDomain?: string;
}

/** A Prosody started with `chat: true`. */
export interface ChatProsodyHandle extends ProsodyHandle {
  readonly guestDomain: string;
}

interface StartProsodyOptions {
  /** The XMPP domain (VirtualHost); default "localhost". */
  readonly domain?: string;
  /** Also host chat: stream management, archived MUC rooms, anonymous guest.<domain> for customers. */
  readonly chat?: boolean;
  /**
   * Keep room archives and the list of persistent rooms in SQLite (mod_storage_sql; needs Debian's lua-dbi-sqlite3)
   * instead of flat files, as a site with many chats would: the load run uses it.
   */
  readonly sqlStorage?: boolean;
}

const PROSODY_INSTALL_HINT = 'apt-get install -y prosody';

const READY_DEADLINE_MS = 10_000;
const STOP_DEADLINE_MS = 5_000;
const ATTEMPTS = 3;

function requireProsody(): void {
  const found =
    ['/usr/bin/prosody', '/usr/bin/prosodyctl'].every((bin) => existsSync(bin)) ||
    spawnSync('sh', ['-c', 'command -v prosody && command -v prosodyctl'], { stdio: 'ignore' }).status === 0;
  if (!found) {
    throw new Error(
      `Prosody (the XMPP server for Finesse notifications) is not installed. Install it with: ${PROSODY_INSTALL_HINT}`,
    );
  }
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

/** A file or directory name as Prosody's datamanager spells it: every byte but a letter or digit as %xx. */
function dataName(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).padStart(2, '0')}`,
    )
    .join('');
}

/** A Lua string literal holding `value` exactly: printable ASCII as is, every other byte as a decimal escape. */
function luaBytes(value: string): string {
  const body = [...Buffer.from(value, 'utf8')]
    .map((byte) =>
      byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c
        ? String.fromCharCode(byte)
        : `\\${byte.toString().padStart(3, '0')}`,
    )
    .join('');
  return `"${body}"`;
}

/** Writes account files for internal storage (what `prosodyctl register` writes), for many accounts at once. */
function writeAccounts(
  dir: string,
  domain: string,
  accounts: readonly { readonly username: string; readonly password: string }[],
): void {
  const folder = join(dir, dataName(domain), 'accounts');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  for (const { username, password } of accounts) {
    if (!/^[a-z0-9._-]+$/.test(username))
      throw new Error(
        `registerMany: "${username}" is not a plain account name: use lower-case letters, digits, dots, underscores and hyphens`,
      );
    writeFileSync(
      join(folder, `${dataName(username)}.dat`),
      `return {\n\t["password"] = ${luaBytes(password)};\n};\n`,
      {
        mode: 0o600,
      },
    );
  }
}

/** Starts Prosody on free loopback ports; resolves when its HTTP port answers. */
export function startProsody(opts: StartProsodyOptions & { readonly chat: true }): Promise<ChatProsodyHandle>;
export function startProsody(opts?: StartProsodyOptions): Promise<ProsodyHandle>;
export async function startProsody(opts: StartProsodyOptions = {}): Promise<ProsodyHandle> {
  requireProsody();
  let lastError: Error | null = null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    try {
      return await startOnce(opts.domain ?? 'localhost', opts.chat ?? false, opts.sqlStorage ?? false);
    } catch (error) {
      // Usually a port taken by another run between probing and binding: try fresh ports.
      lastError = error instanceof Error ? error : new Error(String(error));
    }
  }
  throw lastError ?? new Error('Prosody did not start');
}

/** The size of a file, 0 when it does not exist (Prosody creates its logs on first write). */
function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** What Prosody wrote to a log after `offset` (a restart appends to the same file). */
function readFrom(file: string, offset: number): string {
  try {
    return readFileSync(file).subarray(offset).toString('utf8');
  } catch {
    return '';
  }
}

/** Ends a Prosody process: SIGTERM (it saves rooms on the way out), SIGKILL if it is still there after the deadline. */
async function endProcess(pid: number | null): Promise<void> {
  if (pid === null || !alive(pid)) return;
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

async function startOnce(domain: string, chat: boolean, sqlStorage: boolean): Promise<ProsodyHandle> {
  const dir = mkdtempSync(join(tmpdir(), 'finesse-sim-prosody-'));
  const config = join(dir, 'prosody.cfg.lua');
  const pidfile = join(dir, 'prosody.pid');
  const errorLog = join(dir, 'prosody.err');
  const [c2sPort, httpPort] = [await freePort(), await freePort()];
  const boshUrl = `http://127.0.0.1:${httpPort}/http-bind`;
  // "finesse" is the account Finesse's own notification service uses on its XMPP server.
  const adminJid = `finesse@${domain}`;
  const adminPassword = randomBytes(12).toString('hex');
  writeFileSync(config, prosodyConfig({ dir, domain, c2sPort, httpPort, adminJid, chat, sqlStorage }), { mode: 0o600 });
  await prosodyctl(config, ['register', 'finesse', domain, adminPassword]);

  let child: ChildProcess | null = null;
  /** The running server's PID: the pidfile's, or the child's before Prosody has written it. */
  const currentPid = (): number | null => readPidFile(pidfile) ?? child?.pid ?? null;

  // The watchdog: `cat` returns when this process's end of the pipe closes, whatever the way this process dies.
  // It reads the pidfile only then, so it ends whichever Prosody runs after any number of restarts.
  const watchdog = spawn(
    'sh',
    [
      '-c',
      'cat >/dev/null; p=$(cat "$1" 2>/dev/null); [ -n "$p" ] && kill "$p" 2>/dev/null; sleep 2; [ -n "$p" ] && kill -9 "$p" 2>/dev/null; rm -rf "$2"',
      'sim-prosody-watchdog',
      pidfile,
      dir,
    ],
    { stdio: ['pipe', 'ignore', 'ignore'], detached: true },
  );
  watchdog.unref();
  const watchdogStdin = watchdog.stdin;
  if (watchdogStdin && 'unref' in watchdogStdin && typeof watchdogStdin.unref === 'function') watchdogStdin.unref();
  const endWatchdog = (): void => {
    if (watchdog.pid === undefined) return;
    try {
      process.kill(watchdog.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };

  const killNow = (): void => {
    endWatchdog();
    const pid = currentPid();
    if (pid !== null) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const keepAtExit = killAtExit(killNow);

  /** Runs `prosody -F` and waits until it answers; throws (with Prosody's own complaint) when it does not. */
  const launch = async (): Promise<void> => {
    const errorsFrom = sizeOf(errorLog);
    const spawned = spawn('prosody', ['-F', '--config', config], { stdio: 'ignore' });
    // A forgotten stop() must not keep this process alive; the exit hook and the watchdog end Prosody then.
    spawned.unref();
    child = spawned;
    // Its BOSH endpoint answering as Prosody (not some other server that took the port).
    const ready = await answersAs(boshUrl, /bosh/i, spawned, READY_DEADLINE_MS, 30);
    const errors = readFrom(errorLog, errorsFrom);
    if (!ready || /Failed to open server port/i.test(errors)) {
      await endProcess(currentPid());
      throw new Error(
        `Prosody did not come up on ports ${c2sPort}/${httpPort}${errors ? `: ${errors.trim().slice(0, 500)}` : ''}`,
      );
    }
  };

  // restart() and stop() take turns: a stop during a restart waits for it, a restart after stop() is refused.
  let turn: Promise<void> = Promise.resolve();
  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopped ??= turn
      .catch(() => undefined)
      .then(async () => {
        keepAtExit();
        endWatchdog();
        await endProcess(currentPid());
        rmSync(dir, { recursive: true, force: true });
      });
    return stopped;
  };
  /** launch(), retried: the ports were Prosody's a moment ago, another process taking one in between is rare. */
  const relaunch = async (): Promise<void> => {
    let lastError: unknown = null;
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      try {
        await launch();
        return;
      } catch (error) {
        lastError = error;
        await sleep(200);
      }
    }
    throw lastError instanceof Error ? lastError : new Error('Prosody did not come back');
  };
  const restart = (whileDown?: () => Promise<void> | void): Promise<void> => {
    if (stopped) return Promise.reject(new Error('Prosody was stopped; it cannot be restarted'));
    const next = turn
      .catch(() => undefined)
      .then(async () => {
        await endProcess(currentPid());
        try {
          await whileDown?.();
        } finally {
          // A failing whileDown still gets its server back; its error is then the restart's.
          await relaunch();
        }
      });
    turn = next;
    return next;
  };

  try {
    await launch();
  } catch (error) {
    await stop();
    throw error;
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
    registerMany: async (accounts) => {
      if (stopped) throw new Error('Prosody was stopped; accounts cannot be added');
      writeAccounts(dir, domain, accounts);
    },
    restart,
    stop,
    ...(chat ? { guestDomain: `guest.${domain}` } : {}),
  };
}
