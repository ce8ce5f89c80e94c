// Several queues against a real Prosody: a chat is offered only to agents serving its queue, positions are counted
// per queue, an unknown queue is refused in words, and a chat transferred to another queue reaches that queue's agent
// in the same room, ahead of chats that queued after it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ChatProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import type { CustomerChatClient, CustomerEvent } from '../../../server/customer/customer-chat-client.ts';
import { configuredQueues } from '../../../server/router/queues.ts';
import type { ChatRouterHandle } from '../../../server/router/start-chat-router.ts';
import {
  offeredChat,
  signInAgent,
  startCustomer,
  startTestRouter,
  texts,
  unique,
  waitFor,
  type TestAgent,
} from './chat-test-kit.ts';

let prosody: ChatProsodyHandle;
before(async () => {
  prosody = await startProsody({ chat: true });
});
after(async () => {
  await prosody.stop();
});

/** A router with two queues: billing served by `billing` only, sales by `sales` only (listed by login id). */
async function twoQueues(billing: string, sales: string): Promise<ChatRouterHandle> {
  return startTestRouter(prosody, {
    offerTimeoutMs: 20_000,
    queues: configuredQueues(
      [
        { id: 'billing', name: 'Billing', teams: [], agents: [billing] },
        { id: 'sales', name: 'Sales', teams: [], agents: [sales] },
      ],
      () => null,
    ),
  });
}

/** A customer who records every event (queue positions). */
function customerWithEvents(router: ChatRouterHandle): { customer: CustomerChatClient; events: CustomerEvent[] } {
  const customer = startCustomer(prosody, router);
  const events: CustomerEvent[] = [];
  customer.subscribe((e) => events.push(e));
  return { customer, events };
}

function positions(events: readonly CustomerEvent[]): number[] {
  return events.flatMap((e) => (e.type === 'queued' ? [e.position] : []));
}

test('a billing chat is offered only to the billing agent, though the sales agent has idled longer', async () => {
  const billingId = unique('billing');
  const salesId = unique('sales');
  const router = await twoQueues(billingId, salesId);
  const agents: TestAgent[] = [];
  const customers: CustomerChatClient[] = [];
  try {
    // The sales agent signs in first: with one queue it would be offered the chat (idle longest).
    agents.push(await signInAgent(prosody, router, { account: await account(salesId) }));
    agents.push(await signInAgent(prosody, router, { account: await account(billingId) }));
    const [sales, billing] = agents as [TestAgent, TestAgent];
    const { customer } = customerWithEvents(router);
    customers.push(customer);
    assert.deepEqual(await customer.start('Bill Payer', 'My invoice is wrong', [], 'billing'), { ok: true });
    const chatId = await offeredChat(billing.channel, 'Bill Payer');
    assert.deepEqual(sales.channel.offers(), []);
    assert.deepEqual(
      router.snapshot().offerLog.map((o) => [o.chatId, o.agent.split('@')[0]]),
      [[chatId, billingId]],
    );
    assert.equal(router.snapshot().queue.find((c) => c.chatId === chatId)?.queue, 'billing');

    // No queue named: the first configured queue (billing) takes it.
    const plain = startCustomer(prosody, router);
    customers.push(plain);
    await plain.start('No Queue', 'hello');
    const plainChat = await waitFor('the default-queue chat', () =>
      router.snapshot().queue.find((c) => c.chatId === plain.chatId),
    );
    assert.equal(plainChat.queue, 'billing');
  } finally {
    for (const c of customers) c.close();
    for (const a of agents) await a.channel.signOut();
    await router.stop();
  }
});

test('queue positions are counted per queue; an unknown queue is refused with a sentence the customer can act on', async () => {
  const router = await twoQueues(unique('nobody'), unique('nobody'));
  const customers: CustomerChatClient[] = [];
  try {
    const started: { queue: string; events: CustomerEvent[] }[] = [];
    for (const queue of ['billing', 'sales', 'billing', 'sales', 'sales']) {
      const { customer, events } = customerWithEvents(router);
      customers.push(customer);
      assert.deepEqual(await customer.start(`c-${queue}`, 'waiting', [], queue), { ok: true });
      started.push({ queue, events });
    }
    assert.deepEqual(
      started.map((s) => positions(s.events)[0]),
      [1, 1, 2, 2, 3],
      'each customer is told its place in its own queue',
    );
    const stats = router.stats();
    assert.equal(stats.waiting, 5);
    assert.deepEqual(
      stats.queues?.map((q) => [q.id, q.waiting]),
      [
        ['billing', 2],
        ['sales', 3],
      ],
    );

    const lost = startCustomer(prosody, router);
    customers.push(lost);
    const refused = await lost.start('Lost', 'hello?', [], 'refunds');
    assert.equal(refused.ok, false);
    assert.match(!refused.ok ? refused.message : '', /There is no chat queue "refunds": check the chat link/);
    assert.equal(router.stats().waiting, 5, 'the refused request queued nothing');
  } finally {
    for (const c of customers) c.close();
    await router.stop();
  }
});

test('a chat transferred from billing to sales reaches the sales agent in the same room, ahead of later sales chats', async () => {
  const billingId = unique('billing');
  const salesId = unique('sales');
  const router = await twoQueues(billingId, salesId);
  const agents: TestAgent[] = [];
  const customers: CustomerChatClient[] = [];
  try {
    const billing = await signInAgent(prosody, router, { account: await account(billingId) });
    agents.push(billing);
    // The sales agent is not ready yet: sales chats wait.
    const sales = await signInAgent(prosody, router, { account: await account(salesId), state: 'NOT_READY' });
    agents.push(sales);

    const first = customerWithEvents(router);
    customers.push(first.customer);
    await first.customer.start('Early Bird', 'Billing question first', [], 'billing');
    const chatId = await offeredChat(billing.channel, 'Early Bird');
    assert.equal(billing.channel.offers()[0]?.queue, 'billing', 'the offer names its queue');
    assert.equal((await billing.channel.accept(chatId)).ok, true);
    billing.channel.send(chatId, 'Let me pass you to sales.');
    await waitFor('the agent line at the customer', () => first.customer.lines().some((l) => l.from === 'agent'));

    // A sales customer queues after the billing chat did.
    const later = customerWithEvents(router);
    customers.push(later.customer);
    await later.customer.start('Late Comer', 'Sales question', [], 'sales');
    assert.deepEqual(positions(later.events), [1]);

    // The billing agent learned the queues from the router (its transfer menu).
    const queues = billing.events.flatMap((e) => (e.type === 'queues' ? [e.queues] : []));
    assert.deepEqual(queues.at(-1), [
      { id: 'billing', name: 'Billing' },
      { id: 'sales', name: 'Sales' },
    ]);

    assert.equal((await billing.channel.transfer(chatId, { kind: 'queue', queueId: 'sales' })).ok, true);
    const closed = await waitFor('the chat to leave the billing agent', () =>
      billing.events.find((e) => e.type === 'session-closed' && e.chatId === chatId),
    );
    assert.equal(closed.type === 'session-closed' && closed.reason, 'transferred', 'not "back to the queue"');
    assert.deepEqual(billing.channel.activeChats(), []);
    // It keeps its original time in line: the later sales customer moves to second place.
    await waitFor('the later customer to be told place 2', () => positions(later.events).includes(2));
    assert.equal(router.snapshot().queue.find((c) => c.chatId === chatId)?.queue, 'sales');
    await waitFor('the customer to be told', () =>
      first.customer.lines().some((l) => l.from === 'system' && /connected to another agent/.test(l.text)),
    );

    sales.channel.publishAvailability({ state: 'READY', active: 0, max: 1 });
    assert.equal(await offeredChat(sales.channel), chatId, 'the transferred chat comes first');
    assert.equal(sales.channel.offers()[0]?.transferredFrom ?? null, billingId);
    assert.equal((await sales.channel.accept(chatId)).ok, true);
    const history = await waitFor('the earlier conversation at the sales agent', () => {
      const t = sales.channel.activeChats().find((s) => s.chatId === chatId)?.transcript ?? [];
      return t.some((m) => m.text === 'Let me pass you to sales.') ? t : undefined;
    });
    assert.ok(texts(history).includes('Billing question first'));
    // The customer never left the room: the sales agent's words reach it there.
    sales.channel.send(chatId, 'Sales here, how can I help?');
    await waitFor('the sales agent line at the customer', () =>
      first.customer.lines().some((l) => l.from === 'agent' && l.text === 'Sales here, how can I help?'),
    );
    assert.deepEqual(billing.channel.offers(), [], 'the billing agent is never offered a sales chat');
    assert.deepEqual(
      router
        .snapshot()
        .offerLog.filter((o) => o.chatId === later.customer.chatId)
        .map((o) => o.agent.split('@')[0]),
      [],
      'the later sales chat waits: the sales agent has room for one only',
    );

    const unknown = await sales.channel.transfer(chatId, { kind: 'queue', queueId: 'refunds' });
    assert.equal(unknown.ok, false);
    assert.match(!unknown.ok ? unknown.error.message : '', /no chat queue "refunds"/);
  } finally {
    for (const c of customers) c.close();
    for (const a of agents) await a.channel.signOut();
    await router.stop();
  }
});

/** Registers an account with a chosen login id (queues list agents by id). */
async function account(id: string): Promise<{ id: string; password: string }> {
  await prosody.register(id, 'pw');
  return { id, password: 'pw' };
}
