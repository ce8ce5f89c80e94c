// The chat service run as a process, as the command and the built bundle tests run it: a config file that signs in
// as a fresh router account on the test Prosody, and the wait until the service is listening and ready.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import { unique, waitFor } from './chat-test-kit.ts';

/** Registers a router account with `password` and writes a config file for it in `dir`; returns the file's path. */
export async function routerConfigFile(
  prosody: ChatProsodyHandle,
  dir: string,
  name: string,
  password: string,
): Promise<string> {
  const username = unique(name);
  await prosody.register(username, password);
  const file = join(dir, `${username}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      xmppService: prosody.websocketUrl,
      domain: prosody.domain,
      mucDomain: prosody.mucDomain,
      guestDomain: prosody.guestDomain,
      routerJid: `${username}@${prosody.domain}`,
      http: { host: '127.0.0.1', port: 0 },
    }),
  );
  return file;
}

/**
 * Waits for the service's "listening" log line, then for /readyz to answer 200; returns the service's URL and the
 * last /readyz status (200 unless it never became ready within 10 s).
 */
export async function untilReady(stdout: () => string): Promise<{ url: string; status: number }> {
  const url = await waitFor(
    'the service to listen',
    () => /"msg":"listening","url":"([^"]+)"/.exec(stdout())?.[1],
    15_000,
  );
  let status = 0;
  const until = Date.now() + 10_000;
  while (status !== 200 && Date.now() < until) {
    status = (await fetch(`${url}/readyz`)).status;
    if (status !== 200) await new Promise((r) => setTimeout(r, 100));
  }
  return { url, status };
}
