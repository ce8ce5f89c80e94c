// A Prosody for the chat tests, configured as the chat profile needs it: MUC with MAM (muc_mam), stream
// management (smacks), an anonymous VirtualHost for customers, WebSocket and BOSH, on free ports.
// Same shape as the simulated world's ProsodyHandle, plus what the chat tests need (guestDomain, restart).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ChatProsody {
  readonly domain: string;
  readonly guestDomain: string;
  readonly mucDomain: string;
  readonly websocketUrl: string;
  readonly boshUrl: string;
  register(username: string, password: string): void;
  /** Stops the server and starts it again on the same ports and data (rooms and archives survive). */
  restart(onDown?: () => Promise<void> | void): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitHttp(url: string, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      return;
    } catch {
      if (Date.now() > until) throw new Error(`Prosody did not come up at ${url}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

export async function startChatProsody(): Promise<ChatProsody> {
  const dir = mkdtempSync(join(tmpdir(), 'chat-prosody-'));
  const [c2s, http] = [await freePort(), await freePort()];
  const domain = 'localhost';
  const config = join(dir, 'prosody.cfg.lua');
  writeFileSync(config, `
run_as_root = true
pidfile = "${dir}/prosody.pid"
data_path = "${dir}"
certificates = "${dir}"
interfaces = { "127.0.0.1" }
c2s_ports = { ${c2s} }
http_ports = { ${http} }
http_interfaces = { "127.0.0.1" }
https_ports = {}
modules_enabled = { "bosh", "websocket", "ping", "disco", "roster", "saslauth", "posix", "smacks" }
modules_disabled = { "s2s" }
authentication = "internal_plain"
c2s_require_encryption = false
allow_unencrypted_plain_auth = true
consider_bosh_secure = true
consider_websocket_secure = true
cross_domain_websocket = true
smacks_hibernation_time = 30
log = { error = "${dir}/prosody.err" }
VirtualHost "${domain}"
VirtualHost "guest.${domain}"
  authentication = "anonymous"
Component "conference.${domain}" "muc"
  modules_enabled = { "muc_mam" }
  restrict_room_creation = "local"
`);
  let child: ChildProcess | null = null;
  const start = async (): Promise<void> => {
    child = spawn('prosody', ['-F', '--config', config], { stdio: 'ignore' });
    await waitHttp(`http://127.0.0.1:${http}/http-bind`, 10_000);
  };
  const halt = async (): Promise<void> => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  await start();
  return {
    domain,
    guestDomain: `guest.${domain}`,
    mucDomain: `conference.${domain}`,
    websocketUrl: `ws://127.0.0.1:${http}/xmpp-websocket`,
    boshUrl: `http://127.0.0.1:${http}/http-bind`,
    register(username, password) {
      const r = spawnSync('prosodyctl', ['--config', config, 'register', username, domain, password], { stdio: 'pipe' });
      if (r.status !== 0) throw new Error(`registering ${username} failed: ${String(r.stderr)}`);
    },
    async restart(onDown) {
      await halt();
      await onDown?.();
      await start();
    },
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
