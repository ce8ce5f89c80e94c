// Routing against a real Prosody: expiry and decline re-route, who may be offered a chat, capacity M,
// and sign-out handing active chats back to the queue.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ChatProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import { offeredChat, signInAgent, startCustomer, startTestRouter, waitFor } from './chat-test-kit.ts';
import type { CustomerChatClient } from '../../../server/customer/customer-chat-client.ts';

let prosody: ChatProsodyHandle;
before(async () => {
  prosody = await startProsody({ chat: true });
});
after(async () => {
  await prosody.stop();
});

test('an unanswered offer expires and is re-routed to a second agent; a decline re-routes too', async () => {
  const router = await startTestRouter(prosody, { offerTimeoutMs: 600 });
  const first = await signInAgent(prosody, router);
  const second = await signInAgent(prosody, router);
  const customers: CustomerChatClient[] = [];
  try {
    const customer = startCustomer(prosody, router);
    customers.push(customer);
    await customer.start('Ada', 'expiry please');
    // Whoever idled longest gets it first: the first agent signed in first.
    const chatId = await offeredChat(first.channel);
    assert.deepEqual(second.channel.offers(), []);
    const withdrawn = await waitFor('the offer to expire', () =>
      first.events.find((e) => e.type === 'offer-withdrawn' && e.chatId === chatId),
    );
    assert.equal(withdrawn.type === 'offer-withdrawn' && withdrawn.reason, 'expired');
    assert.equal(await offeredChat(second.channel), chatId);
    const late = await first.channel.accept(chatId);
    assert.equal(!late.ok && late.error.code, 'no-such-offer');

    assert.equal((await second.channel.decline(chatId, 'busy with a call')).ok, true);
    // Declined by the second and expired at the first: it goes back to the first only after a retry period.
    assert.equal(await offeredChat(first.channel), chatId);
    assert.equal((await first.channel.accept(chatId)).ok, true);
    assert.deepEqual(
      router.snapshot().offerLog.map((o) => o.agent.split('@')[0]),
      [first.id, second.id, first.id],
    );
  } finally {
    for (const c of customers) c.close();
    await first.channel.signOut();
    await second.channel.signOut();
    await router.stop();
  }
});

test('never offers to INTERRUPTED, BUSY, NOT_READY or OFFLINE agents, nor beyond M', async () => {
  const router = await startTestRouter(prosody, { offerTimeoutMs: 5000 });
  const interrupted = await signInAgent(prosody, router, { state: 'INTERRUPTED' });
  const busy = await signInAgent(prosody, router, { state: 'BUSY' });
  const notReady = await signInAgent(prosody, router, { state: 'NOT_READY' });
  const offline = await signInAgent(prosody, router);
  offline.channel.publishAvailability({ state: 'OFFLINE', active: 0, max: 5 });
  await waitFor(
    'the router to see OFFLINE',
    () => router.snapshot().agents.find((a) => a.jid.startsWith(`${offline.id}@`))?.state === 'OFFLINE',
  );
  const ready = await signInAgent(prosody, router, { max: 2 });
  const customers: CustomerChatClient[] = [];
  try {
    for (const name of ['c1', 'c2', 'c3']) {
      const customer = startCustomer(prosody, router);
      customers.push(customer);
      await customer.start(name, `from ${name}`);
    }
    const first = await offeredChat(ready.channel);
    await ready.channel.accept(first);
    ready.channel.publishAvailability({ state: 'ACTIVE', active: 1, max: 2 });
    const second = await waitFor(
      'a second offer',
      () => ready.channel.offers().find((o) => o.chatId !== first)?.chatId,
    );
    await ready.channel.accept(second);
    ready.channel.publishAvailability({ state: 'BUSY', active: 2, max: 2 });
    // The router chooses whom to offer to as it takes a presence in: once it shows this one, it has chosen.
    const routerSees = (state: string, active: number) => () => {
      const seen = router.snapshot().agents.find((a) => a.jid.startsWith(`${ready.id}@`));
      return seen?.state === state && seen.active === active;
    };
    await waitFor('the router to take in BUSY at 2 of 2', routerSees('BUSY', 2));
    // The third chat waits: the only eligible agent is at M.
    assert.deepEqual(ready.channel.offers(), []);
    const waiting = router.snapshot().queue.filter((c) => c.status === 'queued');
    assert.equal(waiting.length, 1);
    // Even an agent that claims READY at C = M gets nothing: the router counts what it assigned.
    ready.channel.publishAvailability({ state: 'READY', active: 0, max: 2 });
    await waitFor('the router to take in READY at 0 of 2', routerSees('READY', 0));
    assert.equal(
      router.snapshot().queue.find((c) => c.chatId === waiting[0]?.chatId)?.status,
      'queued',
      'the third chat still waits',
    );
    assert.deepEqual(ready.channel.offers(), []);
    for (const other of [interrupted, busy, notReady, offline])
      assert.deepEqual(other.channel.offers(), [], `${other.id} was offered a chat`);
    // When the interrupted agent's call ends, it gets the waiting chat.
    interrupted.channel.publishAvailability({ state: 'READY', active: 0, max: 5 });
    assert.equal(await offeredChat(interrupted.channel), waiting[0]?.chatId);
    for (const o of router.snapshot().offerLog) {
      assert.ok(['READY', 'ACTIVE'].includes(o.state), `offered while ${o.state}`);
      assert.ok(o.load < o.max, `offered at load ${o.load} of ${o.max}`);
    }
  } finally {
    for (const c of customers) c.close();
    for (const a of [interrupted, busy, notReady, offline, ready]) await a.channel.signOut();
    await router.stop();
  }
});

test('customers are told their queue position as it changes', async () => {
  const router = await startTestRouter(prosody, { offerTimeoutMs: 5000 });
  const customers: CustomerChatClient[] = [];
  const positions: number[][] = [[], [], []];
  try {
    for (let i = 0; i < 3; i += 1) {
      const customer = startCustomer(prosody, router);
      customers.push(customer);
      customer.subscribe((e) => {
        if (e.type === 'queued') positions[i]?.push(e.position);
      });
      await customer.start(`q${i}`, 'waiting');
    }
    assert.deepEqual(
      positions.map((p) => p.at(-1)),
      [1, 2, 3],
    );
    const agent = await signInAgent(prosody, router, { max: 1 });
    try {
      const chatId = await offeredChat(agent.channel);
      await agent.channel.accept(chatId);
      await waitFor('positions to move up', () => positions[1]?.at(-1) === 1 && positions[2]?.at(-1) === 2);
    } finally {
      await agent.channel.signOut();
    }
  } finally {
    for (const c of customers) c.close();
    await router.stop();
  }
});

test('sign-out with two active chats returns both to the queue; another agent is offered them', async () => {
  const router = await startTestRouter(prosody, { offerTimeoutMs: 5000 });
  const leaving = await signInAgent(prosody, router, { max: 3 });
  const customers: CustomerChatClient[] = [];
  const told: string[] = [];
  try {
    const chatIds: string[] = [];
    for (const name of ['Ann', 'Bob']) {
      const customer = startCustomer(prosody, router);
      customers.push(customer);
      customer.subscribe((e) => {
        if (e.type === 'line' && e.line.from === 'system') told.push(`${name}: ${e.line.text}`);
      });
      await customer.start(name, `hello from ${name}`);
      const chatId = await offeredChat(leaving.channel, name);
      assert.equal((await leaving.channel.accept(chatId)).ok, true);
      chatIds.push(chatId);
    }
    assert.equal(leaving.channel.activeChats().length, 2);
    const signedOut = await leaving.channel.signOut();
    assert.equal(signedOut.ok, true);
    assert.equal(leaving.channel.status(), 'offline');
    const closed = leaving.events
      .filter((e) => e.type === 'session-closed')
      .map((e) => e.type === 'session-closed' && e.reason);
    assert.deepEqual(closed, ['returned-to-queue', 'returned-to-queue']);

    const taking = await signInAgent(prosody, router, { max: 3 });
    try {
      const offered = await waitFor('both chats offered', () =>
        taking.channel.offers().length === 2 ? taking.channel.offers() : undefined,
      );
      assert.deepEqual(offered.map((o) => o.chatId).sort(), [...chatIds].sort());
      for (const o of offered) assert.equal(o.transferredFrom, leaving.id);
      for (const o of offered) assert.equal((await taking.channel.accept(o.chatId)).ok, true);
      // The new agent sees what was said before.
      await waitFor('history at the new agent', () =>
        taking.channel.activeChats().every((s) => s.transcript.some((m) => m.text.startsWith('hello from'))),
      );
      await waitFor(
        'customers told',
        () => told.filter((t) => t.endsWith('You are being connected to another agent.')).length === 2,
      );
    } finally {
      await taking.channel.signOut();
    }
  } finally {
    for (const c of customers) c.close();
    await router.stop();
  }
});

test('an agent that disconnects and stays away past the grace period loses its chats to the queue', async () => {
  const router = await startTestRouter(prosody, { offerTimeoutMs: 5000, graceMs: 300 });
  const gone = await signInAgent(prosody, router, { channel: { streamManagement: false } });
  const customer = startCustomer(prosody, router);
  try {
    await customer.start('Eve', 'hi');
    const chatId = await offeredChat(gone.channel);
    await gone.channel.accept(chatId);
    // The browser vanishes: the link closes without a sign-out and nothing reconnects.
    const conn = gone.connection();
    assert.ok(conn);
    conn.connect_callback = () => undefined;
    conn.disconnect('tab closed');
    await waitFor(
      'the chat back in the queue',
      () => router.snapshot().queue.find((c) => c.chatId === chatId)?.status === 'queued',
    );
    await waitFor('the customer told', () =>
      customer.lines().some((l) => l.text === 'You are being connected to another agent.'),
    );
  } finally {
    customer.close();
    await gone.channel.signOut();
    await router.stop();
  }
});

test('a queued customer who closes the page leaves the queue after the grace; the offer is withdrawn, others move up', async () => {
  const router = await startTestRouter(prosody, { offerTimeoutMs: 5000, customerGraceMs: 300 });
  const customers: CustomerChatClient[] = [];
  const positions: number[][] = [[], []];
  try {
    for (let i = 0; i < 2; i += 1) {
      const customer = startCustomer(prosody, router);
      customers.push(customer);
      customer.subscribe((e) => {
        if (e.type === 'queued') positions[i]?.push(e.position);
      });
      await customer.start(`leaver${i}`, 'waiting');
    }
    const [first, second] = customers;
    assert.ok(first && second);
    const firstChat = first.chatId;
    const agent = await signInAgent(prosody, router, { max: 1 });
    try {
      assert.equal(await offeredChat(agent.channel), firstChat);
      first.close();
      const withdrawn = await waitFor('the offer withdrawn', () =>
        agent.events.find((e) => e.type === 'offer-withdrawn' && e.chatId === firstChat),
      );
      assert.equal(withdrawn.type, 'offer-withdrawn');
      assert.equal(router.snapshot().queue.find((c) => c.chatId === firstChat)?.status, 'ended');
      // The agent is offered the customer who is still there, never the one who left.
      assert.equal(await offeredChat(agent.channel, 'leaver1'), second.chatId);
      await waitFor('the second customer to move up', () => positions[1]?.at(-1) === 1);
      assert.deepEqual(
        router.snapshot().offerLog.map((o) => o.chatId),
        [firstChat, second.chatId],
      );
    } finally {
      await agent.channel.signOut();
    }
  } finally {
    for (const c of customers) c.close();
    await router.stop();
  }
});

test('a customer who leaves mid-chat is shown to the agent as gone; the agent keeps the transcript', async () => {
  const router = await startTestRouter(prosody, { customerGraceMs: 300 });
  const agent = await signInAgent(prosody, router);
  const customer = startCustomer(prosody, router);
  try {
    await customer.start('Gus', 'Are you there?');
    const chatId = await offeredChat(agent.channel);
    await agent.channel.accept(chatId);
    await waitFor('the question at the agent', () =>
      agent.channel.activeChats()[0]?.transcript.some((m) => m.text === 'Are you there?'),
    );
    customer.close();
    const closed = await waitFor('the chat closed at the agent', () =>
      agent.events.find((e) => e.type === 'session-closed' && e.chatId === chatId),
    );
    assert.equal(closed.type === 'session-closed' && closed.reason, 'customer-left');
    assert.ok(closed.type === 'session-closed' && closed.transcript.some((m) => m.text === 'Are you there?'));
    assert.equal(router.snapshot().queue.find((c) => c.chatId === chatId)?.status, 'ended');
    assert.equal(router.snapshot().agents.find((a) => a.jid.startsWith(`${agent.id}@`))?.assigned, 0);
  } finally {
    customer.close();
    await agent.channel.signOut();
    await router.stop();
  }
});
