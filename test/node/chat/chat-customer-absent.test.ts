// A customer who asks for a chat and never comes into its room (the page closed, or gave up waiting for the router's
// answer under load) leaves the queue after the customer grace period, like one who left the room: otherwise the chat
// would wait, be offered and stay with an agent for good with no one on the other side.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ChatProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import { chatRequestIq, readQueued } from '../../../server/router/customer-stanzas.ts';
import { IqTracker } from '../../../src/core/chat/xmpp/iq-tracker.ts';
import { systemTimers } from '../../../src/core/shared/timers.ts';
import { createStropheConnection, XmppStatus } from '../../../src/core/chat/xmpp/xmpp-connection.ts';
import { offeredChat, signInAgent, startTestRouter, waitFor } from './chat-test-kit.ts';

let prosody: ChatProsodyHandle;
before(async () => {
  prosody = await startProsody({ chat: true });
});
after(async () => {
  await prosody.stop();
});

/** Signs in anonymously, asks the router for a chat and goes away without joining its room; returns the chat id. */
async function requestAndVanish(routerJid: string): Promise<string> {
  const conn = createStropheConnection({ service: prosody.websocketUrl, streamManagement: false, auth: 'anonymous' });
  await new Promise<void>((resolve, reject) => {
    conn.connect(prosody.guestDomain, '', (status: number) => {
      if (status === XmppStatus.CONNECTED) resolve();
      if (status === XmppStatus.CONNFAIL || status === XmppStatus.AUTHFAIL) reject(new Error('no anonymous login'));
    });
  });
  const answer = await new IqTracker(systemTimers, 8000).send(
    conn,
    chatRequestIq(routerJid, [{ name: 'name', label: 'Name', value: 'Vanishing' }]),
  );
  const queued = answer.ok ? readQueued(answer.value) : null;
  assert.ok(queued, 'the router queued the chat');
  conn.disconnect('page closed');
  return queued.chatId;
}

test('a customer who never joins the room leaves the queue after the grace; no agent is left holding the chat', async () => {
  const router = await startTestRouter(prosody, { customerGraceMs: 300 });
  try {
    const waiting = await requestAndVanish(router.jid);
    await waitFor('the absent customer to leave the queue', () =>
      router.snapshot().queue.some((c) => c.chatId === waiting && c.status === 'ended'),
    );
    assert.equal(router.stats().waiting, 0);

    // The same when an agent already took the chat: it ends as left by the customer, and the agent is free again.
    const agent = await signInAgent(prosody, router, { max: 1 });
    try {
      const taken = await requestAndVanish(router.jid);
      assert.equal(await offeredChat(agent.channel), taken);
      const accepted = await agent.channel.accept(taken);
      assert.ok(accepted.ok);
      const closed = await waitFor('the chat closed at the agent', () =>
        agent.events.find((e) => e.type === 'session-closed' && e.chatId === taken),
      );
      assert.equal(closed.type === 'session-closed' && closed.reason, 'customer-left');
      assert.equal(router.snapshot().agents.find((a) => a.jid.startsWith(`${agent.id}@`))?.assigned, 0);
    } finally {
      await agent.channel.signOut();
    }
  } finally {
    await router.stop();
  }
});
