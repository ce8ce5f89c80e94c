// `npm run build:chat-service` as a release is made: the bundle runs with plain `node` (no tsx) from a folder with no
// node_modules, opens its embedded store (PGlite's files travel with it), becomes ready against the test Prosody,
// serves the customer page and the pre-built widget script, keeps a customer's chat in the store, never loads esbuild,
// and stops cleanly on SIGTERM.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startProsody, type ChatProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import { routerConfigFile, routerJidOf, untilReady } from './service-process.ts';
import { startCustomer } from './chat-test-kit.ts';
import { ChatStore } from '../../../server/store/chat-store.ts';
import { openPglite } from '../../../server/store/pglite-client.ts';
import { freshStoreDir } from '../../../sim/chat-store-dir.ts';
import { PGLITE_ASSETS } from '../../../scripts/build-chat-service.ts';

let prosody: ChatProsodyHandle;
let dir: string;
before(async () => {
  prosody = await startProsody({ chat: true });
  dir = mkdtempSync(join(tmpdir(), 'chat-service-build-'));
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await prosody.stop();
});

test(
  'the built service runs with plain node, serves the pre-built widget script, and stops on SIGTERM',
  {
    timeout: 60_000,
  },
  async () => {
    const out = join(dir, 'dist');
    await promisify(execFile)('npm', ['run', '--silent', 'build:chat-service', '--', '--outdir', out]);
    const bundle = readFileSync(join(out, 'chat-service.mjs'), 'utf8');
    assert.doesNotMatch(
      bundle,
      /from\s*["']esbuild["']|import\(\s*["']esbuild["']\s*\)/,
      'the bundle imports no esbuild',
    );
    assert.doesNotMatch(bundle, /esbuild/, 'nothing of esbuild is in the bundle');

    const password = 'Built-Secret-Pw-51xZ';
    for (const asset of PGLITE_ASSETS) assert.ok(readFileSync(join(out, asset)).length > 1000, `${asset} is copied`);
    const storeDir = (await freshStoreDir(dir)).dir;
    const config = await routerConfigFile(prosody, dir, 'built-router', password, {
      store: { kind: 'embedded', dir: storeDir },
    });
    const child = spawn(process.execPath, [join(out, 'chat-service.mjs'), '--config', config], {
      cwd: dir,
      // Plain node: none of the test runner's loaders (tsx) or options.
      env: { ...process.env, NODE_OPTIONS: '', CHAT_SERVICE_PASSWORD: password },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      const { url, status } = await untilReady(() => stdout, 30_000);
      assert.equal(status, 200, `not ready; log:\n${stdout}${stderr}`);

      const page = await fetch(`${url}/chat/`);
      assert.equal(page.status, 200);
      const html = await page.text();
      const src = /<script src="([^"]+)"/.exec(html)?.[1];
      assert.ok(src, 'the page references the widget script');
      const script = await fetch(new URL(src, `${url}/chat/`));
      assert.equal(script.status, 200);
      assert.match(script.headers.get('content-type') ?? '', /^text\/javascript/);
      const text = await script.text();
      assert.equal(text, readFileSync(join(out, 'finesse-blend-chat.js'), 'utf8'), 'it serves the pre-built widget');
      assert.ok(text.length > 1000, 'the script is the bundled widget code');

      // A customer's chat waits in the queue (no agent is signed in): the bundle keeps it in its store.
      const customer = startCustomer(prosody, { jid: routerJidOf(config) });
      assert.deepEqual(await customer.start('Built Customer', 'a question'), { ok: true });
      const chatId = customer.chatId;
      customer.close();

      child.kill('SIGTERM');
      assert.equal(await exited, 0, `exit code; log:\n${stdout}${stderr}`);
      const db = await openPglite(storeDir);
      try {
        const kept = await new ChatStore(db).chat(chatId);
        assert.equal(kept?.status, 'queued');
        assert.equal(kept?.customerName, 'Built Customer');
      } finally {
        await db.close();
      }
      assert.ok(stdout.includes('"msg":"stopped"'), 'it says it stopped');
      assert.ok(!stdout.includes(password) && !stderr.includes(password), 'the password is never printed');
    } finally {
      child.kill('SIGKILL');
    }
  },
);
