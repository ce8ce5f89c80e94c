// The chat service killed outright (kill -9) mid-chat and started again, with the embedded store and with
// PostgreSQL: the queued chat is offered after the restart, the assigned chat is still its agent's, the
// outstanding offer can still be accepted, and the transcript holds every line exactly once, including lines said
// while the service was down. A second process on an embedded store in use exits with a sentence.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProsody, type ChatProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import { freshStoreDir } from '../../../sim/chat-store-dir.ts';
import { ChatStore } from '../../../server/store/chat-store.ts';
import { openStore } from '../../../server/store/open-store.ts';
import { openPglite } from '../../../server/store/pglite-client.ts';
import type { SqlClient } from '../../../server/store/sql-client.ts';
import { startPostgres, type PostgresHandle } from '../chat-service/postgres-server.ts';
import { offeredChat, startCustomer, unique, waitFor } from './chat-test-kit.ts';
import { assignmentsOf, readyAgent, untilAgents } from './durable-kit.ts';
import { routerConfigFile, routerJidOf, spawnService, untilReady, type ServiceProcess } from './service-process.ts';

let prosody: ChatProsodyHandle;
let postgres: PostgresHandle;
let dir: string;
before(async () => {
  [prosody, postgres] = await Promise.all([startProsody({ chat: true }), startPostgres()]);
  dir = mkdtempSync(join(tmpdir(), 'chat-service-restart-'));
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all([prosody.stop(), postgres.stop()]);
});

const PASSWORD = 'Restart-Router-Pw-4kq';
const SECRET_QUESTION = 'my parcel QWERTY-PARCEL-1 is late';

/** Opens the stopped service's store to look at what it kept. */
async function keptStore(store: {
  kind: string;
  dir?: string;
  url?: string;
}): Promise<{ store: ChatStore; close(): Promise<void> }> {
  if (store.kind === 'embedded') {
    const client: SqlClient = await openPglite(store.dir ?? '');
    return { store: new ChatStore(client), close: () => client.close() };
  }
  const opened = await openStore({ kind: 'postgres', url: store.url ?? '', password: null });
  return { store: opened.store, close: () => opened.close() };
}

async function restartScenario(kind: 'embedded' | 'postgres'): Promise<void> {
  let storeSetting: { kind: string; dir?: string; url?: string };
  if (kind === 'postgres') {
    const database = unique('restart').toLowerCase();
    await postgres.createDatabase(database);
    storeSetting = { kind: 'postgres', url: postgres.url(database) };
  } else {
    storeSetting = { kind: 'embedded', dir: (await freshStoreDir(dir)).dir };
  }
  const config = await routerConfigFile(prosody, dir, 'restart-router', PASSWORD, {
    store: storeSetting,
    offerTimeoutSeconds: 300,
  });
  const routerJid = routerJidOf(config);
  const env = { CHAT_SERVICE_PASSWORD: PASSWORD };
  const processes: ServiceProcess[] = [];
  const customers: ReturnType<typeof startCustomer>[] = [];
  const agents: Awaited<ReturnType<typeof readyAgent>>[] = [];
  try {
    const first = spawnService(config, env);
    processes.push(first);
    const { url, status } = await untilReady(first.stdout, 30_000);
    assert.equal(status, 200, `not ready:\n${first.stdout()}${first.stderr()}`);

    // Anna takes chat 1 and they talk.
    const anna = await readyAgent(prosody, routerJid, 1);
    agents.push(anna);
    await untilAgents(url, 'READY', 1);
    const c1 = startCustomer(prosody, { jid: routerJid });
    customers.push(c1);
    assert.deepEqual(await c1.start('Ann One', SECRET_QUESTION), { ok: true });
    const chat1 = await offeredChat(anna.channel);
    assert.equal((await anna.channel.accept(chat1)).ok, true);
    assert.equal(anna.channel.send(chat1, 'agent line 1').ok, true);
    c1.send('customer line 2');
    const annaSees = (text: string) =>
      waitFor(`Anna to see "${text}"`, () => anna.channel.activeChats()[0]?.transcript.some((m) => m.text === text));
    const c1Sees = (text: string) =>
      waitFor(`the customer to see "${text}"`, () => c1.lines().some((l) => l.text === text));
    await annaSees('customer line 2');
    await c1Sees('agent line 1');

    // Bob is offered chat 2 and leaves the offer open; chat 3 waits in the queue (both agents are full).
    const bob = await readyAgent(prosody, routerJid, 1);
    agents.push(bob);
    await untilAgents(url, 'READY', 2);
    const c2 = startCustomer(prosody, { jid: routerJid });
    customers.push(c2);
    assert.deepEqual(await c2.start('Ben Two', 'second question'), { ok: true });
    const chat2 = await offeredChat(bob.channel);
    const c3 = startCustomer(prosody, { jid: routerJid });
    customers.push(c3);
    const c3Events: string[] = [];
    c3.subscribe((e) => c3Events.push(e.type));
    assert.deepEqual(await c3.start('Cid Three', 'third question'), { ok: true });
    const chat3 = c3.chatId;
    assert.ok(c3Events.includes('queued'));

    // kill -9, and the conversation goes on without the router.
    first.kill9();
    await first.exited;
    c1.send('said while the service was down');
    assert.equal(anna.channel.send(chat1, 'agent while down').ok, true);
    await annaSees('said while the service was down');
    await c1Sees('agent while down');

    const second = spawnService(config, env);
    processes.push(second);
    const ready = await untilReady(second.stdout, 30_000);
    assert.equal(ready.status, 200, `not ready after the restart:\n${second.stdout()}${second.stderr()}`);

    if (kind === 'embedded') {
      // Only one process may use an embedded store: a second one started on it exits, saying why.
      const intruder = spawnService(config, env);
      processes.push(intruder);
      assert.equal(await intruder.exited, 1);
      assert.match(intruder.stdout(), /"msg":"cannot open the store"/);
      assert.match(intruder.stdout(), new RegExp(`in use by another chat service \\(process ${second.pid}\\)`));
    }

    // The assigned chat is still Anna's; Bob's offer is still his, with the same expiry, and he can take it.
    assert.deepEqual(await assignmentsOf(prosody, anna, routerJid), { chats: [chat1], offers: [] });
    assert.deepEqual(await assignmentsOf(prosody, bob, routerJid), { chats: [], offers: [chat2] });
    await untilAgents(ready.url, 'READY', 2); // both announced themselves to the new router
    const accepted = await bob.channel.accept(chat2);
    assert.equal(accepted.ok, true, 'the offer made before the restart is accepted after it');

    // The queued chat is offered to the next agent free, and it is the only one offered to her.
    const dora = await readyAgent(prosody, routerJid, 2);
    agents.push(dora);
    assert.equal(await offeredChat(dora.channel), chat3);
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(
      dora.channel.offers().map((o) => o.chatId),
      [chat3],
      'nothing accepted before the restart is offered again',
    );

    // Customer and agent carry on.
    c1.send('after the restart');
    await annaSees('after the restart');
    assert.equal(anna.channel.send(chat1, 'agent after the restart').ok, true);
    await c1Sees('agent after the restart');
    await new Promise((r) => setTimeout(r, 300)); // the router's own copy of the last line reaches the store

    second.term();
    assert.equal(await second.exited, 0, second.stderr());
    for (const p of processes) {
      assert.ok(
        !p.stdout().includes('QWERTY-PARCEL') && !p.stderr().includes('QWERTY-PARCEL'),
        'no customer text in logs',
      );
      assert.ok(!p.stdout().includes(PASSWORD), 'no password in logs');
    }

    const kept = await keptStore(storeSetting);
    try {
      const stored1 = await kept.store.chat(chat1);
      assert.equal(stored1?.status, 'assigned');
      assert.equal(stored1?.agent, `${anna.id}@${prosody.domain}`);
      assert.equal((await kept.store.chat(chat2))?.agent, `${bob.id}@${prosody.domain}`);
      assert.equal((await kept.store.chat(chat3))?.offer?.agent, `${dora.id}@${prosody.domain}`);
      const lines = await kept.store.transcript(stored1?.room ?? '');
      const said = lines.filter((l) => l.sender !== 'system').map((l) => [l.sender, l.text]);
      assert.deepEqual(
        said.sort(),
        [
          ['customer', SECRET_QUESTION],
          ['agent', 'agent line 1'],
          ['customer', 'customer line 2'],
          ['customer', 'said while the service was down'],
          ['agent', 'agent while down'],
          ['customer', 'after the restart'],
          ['agent', 'agent after the restart'],
        ].sort(),
        'every line once, with who said it',
      );
      assert.equal(lines.filter((l) => l.sender === 'system' && /joined the chat/.test(l.text)).length, 1);
      assert.equal(new Set(lines.map((l) => l.messageId)).size, lines.length);
    } finally {
      await kept.close();
    }
  } finally {
    for (const c of customers) c.close();
    for (const a of agents) await a.channel.signOut().catch(() => undefined);
    for (const p of processes) p.kill9();
  }
}

test(
  'kill -9 and restart with the embedded store: queue, assignments, offers and transcripts survive',
  { timeout: 120_000 },
  () => restartScenario('embedded'),
);

test(
  'kill -9 and restart with PostgreSQL: queue, assignments, offers and transcripts survive',
  { timeout: 120_000 },
  () => restartScenario('postgres'),
);
