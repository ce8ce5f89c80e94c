// What every helper that runs a server process on a temp dir needs (Prosody for the simulator and the tests, and the
// tests' ejabberd and PostgreSQL): reading a PID file, asking whether a PID is alive, a last-resort kill of whatever
// is still running when the Node process exits, and waiting until the server answers.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The PID on the first line of a PID file; null when there is no file or no PID in it. */
export function readPidFile(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0]?.trim() ?? '', 10);
    return Number.isInteger(pid) && pid > 1 ? pid : null;
  } catch {
    return null;
  }
}

/** True while a process with this PID exists (and may be signalled). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const atExit = new Set<() => void>();
let hooked = false;

/**
 * Runs `kill` when the Node process exits, unless the returned function was called first (the server was stopped).
 * `kill` must be synchronous ('exit' handlers are): a SIGKILL by PID and a synchronous rm.
 */
export function killAtExit(kill: () => void): () => void {
  if (!hooked) {
    hooked = true;
    process.on('exit', () => {
      for (const k of atExit) k();
    });
  }
  atExit.add(kill);
  return () => atExit.delete(kill);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * True once `url` answers with a body matching `server` (the server we started, not some other one that took the
 * port); false when the child exits first or nothing answers within `deadlineMs`. Retries every `pollMs`.
 */
export async function answersAs(
  url: string,
  server: RegExp,
  child: ChildProcess,
  deadlineMs: number,
  pollMs: number,
): Promise<boolean> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      return server.test(await res.text());
    } catch {
      await sleep(pollMs);
    }
  }
  return false;
}
