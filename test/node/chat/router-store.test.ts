// The router on its store, in-process, stopped and started again on the same account: an offer that expired while
// it was down goes back to the queue and on to another agent, and a customer who left meanwhile has left the chat
// once the grace period is over, while one still in the room keeps waiting.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ChatProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import { freshStoreDir } from '../../../sim/chat-store-dir.ts';
import { startChatRouter, type ChatRouterHandle } from '../../../server/router/start-chat-router.ts';
import { ChatStore } from '../../../server/store/chat-store.ts';
import { openPglite } from '../../../server/store/pglite-client.ts';
import type { SqlClient } from '../../../server/store/sql-client.ts';
import { offeredChat, signInAgent, startCustomer, unique, waitFor } from './chat-test-kit.ts';
import { waitForAsync } from './durable-kit.ts';

const bareOf = (jid: string): string => jid.split('/')[0] ?? '';

let prosody: ChatProsodyHandle;
let dir: { dir: string; remove(): void };
let db: SqlClient;
let store: ChatStore;
before(async () => {
  prosody = await startProsody({ chat: true });
  dir = await freshStoreDir();
  db = await openPglite(dir.dir);
  store = new ChatStore(db);
});
after(async () => {
  await db.close();
  dir.remove();
  await prosody.stop();
});

test('after a restart: an expired offer is queued again and offered to another agent; a departed customer has left', async () => {
  const username = unique('durable-router');
  await prosody.register(username, 'pw');
  const options = {
    websocketUrl: prosody.websocketUrl,
    domain: prosody.domain,
    mucDomain: prosody.mucDomain,
    username,
    password: 'pw',
    offerTimeoutMs: 1500,
    customerGraceMs: 3000,
    store,
  };
  const routers: ChatRouterHandle[] = [];
  const customers: ReturnType<typeof startCustomer>[] = [];
  const agents: Awaited<ReturnType<typeof signInAgent>>[] = [];
  try {
    const first = await startChatRouter(options);
    routers.push(first);
    const xena = await signInAgent(prosody, first, { max: 1 });
    agents.push(xena);
    const stays = startCustomer(prosody, first);
    const leaves = startCustomer(prosody, first);
    customers.push(stays, leaves);
    assert.deepEqual(await stays.start('Stay Put', 'q1'), { ok: true });
    assert.equal(await offeredChat(xena.channel), stays.chatId);
    assert.deepEqual(await leaves.start('Gone Soon', 'q2'), { ok: true });
    await first.stop();

    // While the router is down, Xena's offer runs out and one customer closes the page.
    leaves.close();
    const offered = await store.chat(stays.chatId);
    assert.equal(offered?.status, 'offered');
    await new Promise((r) => setTimeout(r, Math.max(0, (offered?.offer?.expiresAt ?? 0) - Date.now()) + 100));

    // (Offers of the new router last long enough not to run out while the test looks.)
    const second = await startChatRouter({ ...options, offerTimeoutMs: 60_000 });
    routers.push(second);
    await waitForAsync('the expired offer to go back to the queue', async () => {
      const chat = await store.chat(stays.chatId);
      return chat?.status === 'queued' && chat.offer === null && `${xena.id}@${prosody.domain}` in chat.passedOn;
    });
    const yuri = await signInAgent(prosody, second, { max: 1 });
    agents.push(yuri);
    assert.equal(await offeredChat(yuri.channel), stays.chatId);

    await waitForAsync(
      'the departed customer to have left',
      async () => (await store.chat(leaves.chatId))?.status === 'ended',
    );
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await store.chat(stays.chatId))?.status, 'offered', 'the customer still in the room keeps the chat');
    assert.deepEqual(
      second
        .snapshot()
        .queue.map((c) => [c.chatId, c.status])
        .sort(),
      [
        [leaves.chatId, 'ended'],
        [stays.chatId, 'offered'],
      ].sort(),
    );
    await waitFor('Yuri to be the one offered', () => yuri.channel.offers().some((o) => o.chatId === stays.chatId));

    // The customer still waiting continues its chat from a new session on the new router: its secret was kept.
    const ticket = stays.ticket;
    assert.ok(ticket, 'the first router gave a resume secret');
    const before = (await store.chat(stays.chatId))?.customerJid ?? '';
    stays.close();
    const back = startCustomer(prosody, second);
    customers.push(back);
    assert.deepEqual(await back.resume(ticket), { ok: true });
    const after = (await store.chat(stays.chatId))?.customerJid ?? '';
    assert.notEqual(bareOf(after), bareOf(before), "the store has the customer's new session");
    assert.ok(after.includes(`@${prosody.guestDomain}/`), after);
  } finally {
    for (const c of customers) c.close();
    for (const a of agents) await a.channel.signOut();
    for (const r of routers) await r.stop();
  }
});
