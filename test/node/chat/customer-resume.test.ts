// A customer continues its chat from a new anonymous session (a reload, a lost connection) against a real Prosody:
// the router's secret lets the new JID into the members-only room, history comes back once, both sides go on
// talking, the customer-away timer stops; a wrong secret and an ended chat are refused in words.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ChatProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import { CustomerChatClient, type CustomerEvent } from '../../../server/customer/customer-chat-client.ts';
import { createStropheConnection, type XmppConnection } from '../../../src/core/chat/xmpp/xmpp-connection.ts';
import type { ChatRouterHandle } from '../../../server/router/start-chat-router.ts';
import { offeredChat, signInAgent, startCustomer, startTestRouter, waitFor } from './chat-test-kit.ts';

const GRACE_MS = 1500;
let prosody: ChatProsodyHandle;
let router: ChatRouterHandle;
before(async () => {
  prosody = await startProsody({ chat: true });
  router = await startTestRouter(prosody, { customerGraceMs: GRACE_MS });
});
after(async () => {
  await router?.stop();
  await prosody?.stop();
});

function watch(client: CustomerChatClient): CustomerEvent[] {
  const events: CustomerEvent[] = [];
  client.subscribe((e) => events.push(e));
  return events;
}

const shown = (client: CustomerChatClient): string[] => client.lines().map((l) => `${l.from}: ${l.text}`);

test('a customer on a new session resumes its chat: queue place, history once, messages both ways, no away-end', async () => {
  const customers: CustomerChatClient[] = [];
  const fresh = (): CustomerChatClient => {
    const c = startCustomer(prosody, router);
    customers.push(c);
    return c;
  };
  let agent: Awaited<ReturnType<typeof signInAgent>> | null = null;
  try {
    const first = fresh();
    assert.equal((await first.start('Robin', 'Where is my parcel?')).ok, true);
    const ticket = first.ticket;
    assert.ok(ticket, 'the router gave a resume secret');
    assert.ok(ticket.secret.length >= 24, 'the secret is long and random');
    await waitFor('the question confirmed', () => first.lines().some((l) => l.from === 'me' && !l.pending));
    first.close();

    // Still queued: the new session is told its place.
    const second = fresh();
    const secondEvents = watch(second);
    assert.deepEqual(await second.resume(ticket), { ok: true });
    assert.equal(second.chatId, ticket.chatId);
    await waitFor('the queue place', () => secondEvents.find((e) => e.type === 'queued' && e.position === 1));
    await waitFor('the history', () => second.lines().length === 1);
    assert.deepEqual(shown(second), ['me: Where is my parcel?']);

    agent = await signInAgent(prosody, router, { channel: { displayName: 'Dana' } });
    const chatId = await offeredChat(agent.channel, 'Robin');
    assert.equal(chatId, ticket.chatId);
    assert.equal((await agent.channel.accept(chatId)).ok, true);
    await waitFor('the agent name', () => secondEvents.find((e) => e.type === 'agent' && e.name === 'Dana'));
    agent.channel.send(chatId, 'Hello Robin, let me look.');
    await waitFor('the agent line', () => second.lines().some((l) => l.text === 'Hello Robin, let me look.'));
    assert.equal(second.send('Thank you').ok, true);
    await waitFor('the reply confirmed', () => second.lines().some((l) => l.text === 'Thank you' && !l.pending));

    // The page reloads: a third session, assigned this time.
    second.close();
    const third = fresh();
    const thirdEvents = watch(third);
    assert.deepEqual(await third.resume(second.ticket), { ok: true });
    await waitFor('the history again', () => third.lines().length === 4);
    assert.deepEqual(shown(third), [
      'me: Where is my parcel?',
      'system: Dana has joined the chat.',
      'agent: Hello Robin, let me look.',
      'me: Thank you',
    ]);
    await waitFor('the agent name again', () => thirdEvents.find((e) => e.type === 'agent' && e.name === 'Dana'));
    assert.ok(!thirdEvents.some((e) => e.type === 'queued'), 'an assigned chat has no queue place');

    // Both sides go on: the agent sees the new session's lines as the customer's, and the customer the agent's.
    assert.equal(third.send('Found it?').ok, true);
    const atAgent = await waitFor('the new line at the agent', () =>
      agent?.channel.activeChats()[0]?.transcript.find((m) => m.text === 'Found it?'),
    );
    assert.equal(atAgent.sender, 'customer');
    assert.equal(atAgent.senderName, 'Robin');
    third.setTyping('composing');
    await waitFor(
      'the customer typing at the agent',
      () => agent?.channel.activeChats()[0]?.customerTyping === 'composing',
    );
    agent.channel.send(chatId, 'Yes, it ships today.');
    await waitFor('the agent line on the new session', () =>
      third.lines().some((l) => l.from === 'agent' && l.text === 'Yes, it ships today.'),
    );
    assert.equal(third.lines().filter((l) => l.text === 'Where is my parcel?').length, 1, 'each line is shown once');

    // The old sessions' departure started the customer-away timer; the resumed join stopped it.
    await new Promise((r) => setTimeout(r, GRACE_MS + 1000));
    assert.equal(router.snapshot().queue.find((c) => c.chatId === chatId)?.status, 'assigned');
    assert.ok(!agent.events.some((e) => e.type === 'session-closed'), 'the agent still has the chat');

    // A wrong secret is refused, and says what to do.
    const stranger = fresh();
    const refused = await stranger.resume({ chatId, secret: 'x'.repeat(32), name: 'Mallory' });
    assert.equal(refused.ok, false);
    assert.equal(!refused.ok && refused.reason, 'refused');
    assert.match(!refused.ok ? refused.message : '', /cannot be continued.*start a new chat/i);

    // An ended chat cannot be resumed.
    await third.end();
    await waitFor('the end at the agent', () => agent?.events.find((e) => e.type === 'session-closed'));
    await waitFor('the end at the customer', () => third.ended);
    const late = fresh();
    const ended = await late.resume(third.ticket);
    assert.equal(!ended.ok && ended.reason, 'refused');
    assert.match(!ended.ok ? ended.message : '', /has ended/);
  } catch (error) {
    console.log('# router at failure:', JSON.stringify(router.snapshot().queue));
    throw error;
  } finally {
    for (const c of customers) c.close();
    await agent?.channel.signOut();
  }
});

test('the same client resumes its own chat after its connection is lost: history merged, a line written meanwhile sent', async () => {
  let agent: Awaited<ReturnType<typeof signInAgent>> | null = null;
  const link: { live: XmppConnection | null } = { live: null };
  const customer = new CustomerChatClient({
    service: prosody.websocketUrl,
    guestDomain: prosody.guestDomain,
    routerJid: router.jid,
    createConnection: (request) => (link.live = createStropheConnection(request)),
  });
  const events = watch(customer);
  try {
    assert.equal((await customer.start('Sam', 'Hi')).ok, true);
    agent = await signInAgent(prosody, router, { channel: { displayName: 'Lee' } });
    const chatId = await offeredChat(agent.channel, 'Sam');
    assert.equal((await agent.channel.accept(chatId)).ok, true);
    await waitFor('the join notice', () => customer.lines().some((l) => l.text === 'Lee has joined the chat.'));

    // The connection drops; the customer writes before it is back.
    link.live?.disconnect('network lost');
    await waitFor('the loss noticed', () => events.some((e) => e.type === 'disconnected'));
    assert.equal(customer.send('Are you there?').ok, true);
    assert.deepEqual(await customer.resume(), { ok: true });
    await waitFor('the line written while away at the agent', () =>
      agent?.channel.activeChats()[0]?.transcript.some((m) => m.sender === 'customer' && m.text === 'Are you there?'),
    );
    agent.channel.send(chatId, 'Still with you');
    await waitFor('the agent line', () => customer.lines().some((l) => l.text === 'Still with you'));
    assert.equal(customer.send('Great').ok, true);
    await waitFor('the reply at the agent', () =>
      agent?.channel.activeChats()[0]?.transcript.some((m) => m.sender === 'customer' && m.text === 'Great'),
    );
    assert.deepEqual(
      customer.lines().map((l) => l.text),
      ['Hi', 'Lee has joined the chat.', 'Are you there?', 'Still with you', 'Great'],
      'the history is merged, not repeated',
    );
  } finally {
    customer.close();
    await agent?.channel.signOut();
  }
});
