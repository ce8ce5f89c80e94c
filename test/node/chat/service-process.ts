// The chat service run as a process, as the command and the built bundle tests run it: a config file that signs in
// as a fresh router account on the test Prosody, the wait until the service is listening and ready, and the
// process itself (started with tsx, stopped with a signal, killed outright).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ChatProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import { freshStoreDir } from '../../../sim/chat-store-dir.ts';
import { unique, waitFor } from './chat-test-kit.ts';

/**
 * Registers a router account with `password` and writes a config file for it in `dir`; returns the file's path.
 * The store is an embedded one in a fresh directory under `dir` unless `store` names another.
 */
export async function routerConfigFile(
  prosody: ChatProsodyHandle,
  dir: string,
  name: string,
  password: string,
  settings: { store?: unknown; offerTimeoutSeconds?: number } = {},
): Promise<string> {
  const username = unique(name);
  await prosody.register(username, password);
  const file = join(dir, `${username}.json`);
  const store = settings.store ?? { kind: 'embedded', dir: (await freshStoreDir(dir)).dir };
  writeFileSync(
    file,
    JSON.stringify({
      xmppService: prosody.websocketUrl,
      domain: prosody.domain,
      mucDomain: prosody.mucDomain,
      guestDomain: prosody.guestDomain,
      routerJid: `${username}@${prosody.domain}`,
      http: { host: '127.0.0.1', port: 0 },
      store,
      ...(settings.offerTimeoutSeconds ? { offerTimeoutSeconds: settings.offerTimeoutSeconds } : {}),
    }),
  );
  return file;
}

/** The full JID of the router a config file names (the service signs in with the resource "router"). */
export function routerJidOf(configFile: string): string {
  return `${(JSON.parse(readFileSync(configFile, 'utf8')) as { routerJid: string }).routerJid}/router`;
}

/**
 * Waits for the service's "listening" log line, then for /readyz to answer 200; returns the service's URL and the
 * last /readyz status (200 unless it never became ready within `readyMs`).
 */
export async function untilReady(stdout: () => string, readyMs = 10_000): Promise<{ url: string; status: number }> {
  const url = await untilListening(stdout);
  let status = 0;
  const until = Date.now() + readyMs;
  while (status !== 200 && Date.now() < until) {
    status = (await fetch(`${url}/readyz`)).status;
    if (status !== 200) await new Promise((r) => setTimeout(r, 100));
  }
  return { url, status };
}

/** Waits for the service's "listening" log line; returns its URL. */
export function untilListening(stdout: () => string): Promise<string> {
  return waitFor('the service to listen', () => /"msg":"listening","url":"([^"]+)"/.exec(stdout())?.[1], 30_000);
}

export interface ServiceProcess {
  readonly pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
  /** SIGKILL: no chance to stop cleanly, as a crash or an out-of-memory kill. */
  kill9(): void;
  /** SIGTERM: the clean stop. */
  term(): void;
}

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** `node --import tsx server/main.ts --config FILE` (what `npm run chat-service` runs), with `env` added. */
export function spawnService(configFile: string, env: Record<string, string> = {}): ServiceProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'main.ts'), '--config', configFile], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  return {
    pid: child.pid ?? 0,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    kill9: () => child.kill('SIGKILL'),
    term: () => child.kill('SIGTERM'),
  };
}
