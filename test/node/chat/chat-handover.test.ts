// Another window of the same agent takes blending over (rule 8), against a real Prosody and the router: the old
// window's channel detaches (no hand-back, no OFFLINE), a new channel of the same account signs in and carries
// on with the chat. Customer lines written during the hand-over arrive exactly once; nothing goes back to the queue.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChatEvent } from '../../../src/core/chat/chat-channel.ts';
import { XmppChatChannel } from '../../../src/core/chat/xmpp/xmpp-chat-channel.ts';
import { Secret } from '../../../src/core/container/secret.ts';
import { startProsody, type ChatProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import { offeredChat, signInAgent, startCustomer, startTestRouter, texts, waitFor } from './chat-test-kit.ts';

let prosody: ChatProsodyHandle;
before(async () => {
  prosody = await startProsody({ chat: true });
});
after(async () => {
  await prosody.stop();
});

test('a second window takes over: the old channel detaches, the new one keeps the chat, each line arrives once, nothing is requeued', async () => {
  const router = await startTestRouter(prosody);
  const old = await signInAgent(prosody, router);
  const customer = startCustomer(prosody, router);
  let next: XmppChatChannel | null = null;
  try {
    await customer.start('Robin', 'question before');
    const chatId = await offeredChat(old.channel);
    assert.equal((await old.channel.accept(chatId)).ok, true);
    old.channel.publishAvailability({ state: 'ACTIVE', active: 1, max: 5 });
    customer.send('customer before');
    await waitFor('the first exchange at the old window', () =>
      texts(old.channel.activeChats()[0]?.transcript ?? []).includes('customer before'),
    );

    // The agent's last line in the old window is written just before the hand-over: it still reaches the room.
    assert.equal(old.channel.send(chatId, 'agent in the old window').ok, true);
    const eventsBefore = old.events.length;
    const detached = await old.channel.detach();
    assert.deepEqual(detached, { ok: true, value: undefined });
    assert.equal(old.channel.status(), 'offline');
    assert.deepEqual(old.channel.activeChats(), []);
    assert.deepEqual(
      old.events.slice(eventsBefore).map((e) => (e.type === 'status' ? `status ${e.status} ${e.detail}` : e.type)),
      ['message-confirmed', 'status offline detached'],
      'the room confirmed the last line before the session closed; no chat closed, no offer withdrawn',
    );

    // Between the two windows: the customer keeps writing.
    customer.send('customer during 1');
    customer.send('customer during 2');
    await waitFor(
      'the router to see the old session end',
      () => router.snapshot().agents.find((a) => a.jid.startsWith(`${old.id}@`))?.online === false,
    );
    assert.equal(
      router.snapshot().queue.find((c) => c.chatId === chatId)?.status,
      'assigned',
      'the chat waits for the agent',
    );

    next = new XmppChatChannel({
      websocketUrl: prosody.websocketUrl,
      boshUrl: null,
      domain: prosody.domain,
      routerJid: router.jid,
    });
    const events: ChatEvent[] = [];
    next.subscribe((e) => events.push(e));
    next.publishAvailability({ state: 'ACTIVE', active: 1, max: 5 });
    assert.equal((await next.signIn({ kind: 'password', username: old.id, password: new Secret('pw') })).ok, true);
    customer.send('customer during 3');
    const assignments = await waitFor("the router's list of the agent's chats", () =>
      events.find((e) => e.type === 'assignments'),
    );
    assert.deepEqual(assignments.type === 'assignments' && assignments.chatIds, [chatId]);

    const expectedFromCustomer = [
      'question before',
      'customer before',
      'customer during 1',
      'customer during 2',
      'customer during 3',
    ];
    const fromCustomer = (): string[] =>
      texts(next?.activeChats()[0]?.transcript.filter((m) => m.sender === 'customer') ?? []);
    await waitFor('every customer line in the new window', () => fromCustomer().length >= expectedFromCustomer.length);
    assert.equal(next.send(chatId, 'agent in the new window').ok, true);
    await waitFor('the new line at the customer', () =>
      customer.lines().some((l) => l.text === 'agent in the new window'),
    );

    const transcript = next.activeChats()[0]?.transcript ?? [];
    assert.deepEqual(fromCustomer(), expectedFromCustomer, 'each customer line once, in order');
    assert.deepEqual(texts(transcript.filter((m) => m.sender === 'self')), [
      'agent in the old window',
      'agent in the new window',
    ]);
    assert.equal(new Set(transcript.map((m) => m.id)).size, transcript.length, 'no message twice');
    assert.deepEqual(texts(customer.lines().filter((l) => l.from === 'agent')), [
      'agent in the old window',
      'agent in the new window',
    ]);
    assert.ok(
      !customer.lines().some((l) => l.from === 'system' && /another agent/.test(l.text)),
      'the customer was never told of a requeue',
    );

    const snapshot = router.snapshot();
    assert.deepEqual(snapshot.requeueLog, [], 'nothing went back to the queue');
    assert.equal(snapshot.offerLog.filter((o) => o.chatId === chatId).length, 1, 'the chat was offered once');
    assert.equal(snapshot.queue.find((c) => c.chatId === chatId)?.status, 'assigned');
    assert.deepEqual(
      snapshot.sessionChanges.map((c) => [c.agent.split('@')[0], c.chats]),
      [[old.id, 1]],
    );
    const agentNow = snapshot.agents.find((a) => a.jid.startsWith(`${old.id}@`));
    assert.equal(agentNow?.online, true);
    assert.equal(agentNow?.state, 'ACTIVE');

    const again = await old.channel.signIn({ kind: 'password', username: old.id, password: new Secret('pw') });
    assert.equal(!again.ok && again.error.code, 'not-signed-in', 'a detached channel stays detached');
  } finally {
    customer.close();
    await next?.signOut();
    await old.channel.signOut();
    await router.stop();
  }
});
