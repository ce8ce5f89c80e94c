// `npm run chat-service -- --config FILE` as an operator runs it: against the test Prosody it becomes ready,
// logs JSON lines without the password, and stops cleanly on SIGTERM; a bad config exits 2 with its problems.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProsody, type ChatProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import { waitFor } from './chat-test-kit.ts';
import { routerConfigFile, untilReady } from './service-process.ts';

let prosody: ChatProsodyHandle;
let dir: string;
before(async () => {
  prosody = await startProsody({ chat: true });
  dir = mkdtempSync(join(tmpdir(), 'chat-service-cli-'));
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await prosody.stop();
});

function runService(configFile: string, env: Record<string, string>) {
  const child = spawn('npm', ['run', '--silent', 'chat-service', '--', '--config', configFile], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, signalled as a whole as a terminal or systemd does: npm does not pass SIGTERM on.
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const signal = (name: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, name);
    } catch {
      // already gone
    }
  };
  const alive = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  return { exited, signal, alive, stdout: () => stdout, stderr: () => stderr };
}

test('started with a config file it reaches /readyz 200, and SIGTERM stops it gracefully', async () => {
  const password = 'Cli-Secret-Pw-93kQ';
  const file = await routerConfigFile(prosody, dir, 'cli-router', password);
  const service = runService(file, { CHAT_SERVICE_PASSWORD: password });
  try {
    const { status } = await untilReady(() => service.stdout());
    assert.equal(status, 200, `not ready; log:\n${service.stdout()}${service.stderr()}`);
    service.signal('SIGTERM');
    // npm itself dies of the signal; the service (which holds the output pipes until it exits) stops cleanly.
    await service.exited;
    await waitFor('every process of the group to be gone', () => !service.alive(), 5000);
    const lines = service.stdout().trim().split('\n');
    for (const line of lines) assert.equal(typeof (JSON.parse(line) as { msg: unknown }).msg, 'string', line);
    assert.ok(
      lines.some((l) => l.includes('"msg":"stopped"')),
      'it says it stopped',
    );
    assert.ok(
      !service.stdout().includes(password) && !service.stderr().includes(password),
      'the password is never printed',
    );
  } finally {
    service.signal('SIGKILL');
  }
});

test('a bad config file: exit code 2 and one line per problem on standard error', async () => {
  const file = join(dir, 'bad.json');
  writeFileSync(
    file,
    JSON.stringify({ xmppService: 'ftp://x/', domain: 'example.com', guestDomain: 'guest.example.com' }),
  );
  const service = runService(file, { CHAT_SERVICE_PASSWORD: '' });
  assert.equal(await service.exited, 2);
  const problems = service.stderr().trim().split('\n');
  assert.equal(problems.length, 3, service.stderr());
  assert.ok(problems.every((p) => p.startsWith('chat-service: ')));
  assert.match(service.stderr(), /"xmppService" uses ftp:/);
  assert.match(service.stderr(), /"routerJid" is missing/);
  assert.match(service.stderr(), /CHAT_SERVICE_PASSWORD/);
  assert.equal(service.stdout(), '');
});
