// Faults mid-chat against a real Prosody: the agent's socket cut (with and without XEP-0198 resumption) and
// the server restarted. Every message written on either side arrives exactly once, in order.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { XmppConnection } from '../../../src/core/chat/xmpp/xmpp-connection.ts';
import { XmppChatChannel } from '../../../src/core/chat/xmpp/xmpp-chat-channel.ts';
import { RECONNECT_BACKOFF } from '../../../src/core/chat/reconnect-backoff.ts';
import { Secret } from '../../../src/core/container/secret.ts';
import { startProsody, type ChatProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import {
  offeredChat,
  signInAgent,
  startCustomer,
  startTestRouter,
  texts,
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

/** Cuts the TCP connection under the WebSocket, as a network failure does: no close frame, no goodbye. */
function cutSocket(conn: XmppConnection | null): void {
  const socket = (conn as unknown as { _proto: { socket: { terminate(): void } | null } } | null)?._proto.socket;
  assert.ok(socket, 'the agent has a live socket');
  socket.terminate();
}

function agentLines(agent: TestAgent, sender: 'self' | 'customer'): string[] {
  return texts(agent.channel.activeChats()[0]?.transcript.filter((m) => m.sender === sender) ?? []);
}

for (const streamManagement of [true, false]) {
  test(`the agent's socket is cut mid-chat (${streamManagement ? 'resumed with XEP-0198' : 'rejoined with archive catch-up'}): each message arrives once`, async () => {
    const router = await startTestRouter(prosody);
    const agent = await signInAgent(prosody, router, { channel: { streamManagement } });
    const customer = startCustomer(prosody, router);
    try {
      await customer.start('Dana', 'before 0');
      const chatId = await offeredChat(agent.channel);
      await agent.channel.accept(chatId);
      agent.channel.send(chatId, 'agent before');
      await waitFor(
        'the first exchange',
        () =>
          customer.lines().some((l) => l.text === 'agent before') && agentLines(agent, 'customer').includes('before 0'),
      );

      cutSocket(agent.connection());
      for (let i = 1; i <= 3; i += 1) assert.equal(agent.channel.send(chatId, `agent during ${i}`).ok, true);
      for (let i = 1; i <= 3; i += 1) customer.send(`customer during ${i}`);

      await waitFor(
        'the agent back online',
        () =>
          agent.channel.status() === 'online' &&
          agent.events.some((e) => e.type === 'status' && e.status === 'reconnecting'),
      );
      const resumed = agent.events.some((e) => e.type === 'status' && e.status === 'online' && e.detail === 'resumed');
      assert.equal(resumed, streamManagement, 'resumed exactly when stream management is on');
      for (let i = 4; i <= 5; i += 1) agent.channel.send(chatId, `agent during ${i}`);

      const expectedFromAgent = ['agent before', ...[1, 2, 3, 4, 5].map((i) => `agent during ${i}`)];
      const expectedFromCustomer = ['before 0', 'customer during 1', 'customer during 2', 'customer during 3'];
      await waitFor(
        'every customer line at the agent',
        () => agentLines(agent, 'customer').length >= expectedFromCustomer.length,
      );
      await waitFor(
        'every agent line at the customer',
        () => customer.lines().filter((l) => l.from === 'agent').length >= expectedFromAgent.length,
      );
      await waitFor('every agent line confirmed', () =>
        agent.channel.activeChats()[0]?.transcript.every((m) => !m.pending),
      );
      assert.deepEqual(agentLines(agent, 'customer'), expectedFromCustomer);
      assert.deepEqual(agentLines(agent, 'self'), expectedFromAgent);
      assert.deepEqual(texts(customer.lines().filter((l) => l.from === 'agent')), expectedFromAgent);
      assert.deepEqual(texts(customer.lines().filter((l) => l.from === 'me')), expectedFromCustomer);
      assert.equal(
        router.snapshot().queue.find((c) => c.chatId === chatId)?.status,
        'assigned',
        'the chat stayed with the agent',
      );
    } finally {
      customer.close();
      await agent.channel.signOut();
      await router.stop();
    }
  });
}

test('Prosody restarts mid-chat: the channel reconnects, rejoins and sends what was written meanwhile, once', async () => {
  const router = await startTestRouter(prosody);
  // The gadget's own reconnect schedule, not the tests' quicker one.
  const agent = await signInAgent(prosody, router, { channel: { backoff: RECONNECT_BACKOFF } });
  const customer = startCustomer(prosody, router);
  let reloaded: XmppChatChannel | null = null;
  try {
    await customer.start('Lee', 'first question');
    const chatId = await offeredChat(agent.channel);
    await agent.channel.accept(chatId);
    agent.channel.send(chatId, 'agent before restart');
    customer.send('customer before restart');
    await waitFor(
      'the exchange before the restart',
      () =>
        agentLines(agent, 'customer').includes('customer before restart') &&
        agent.channel.activeChats()[0]?.transcript.every((m) => !m.pending),
    );

    let downAt = 0;
    await prosody.restart(async () => {
      downAt = Date.now();
      await waitFor('the channel to notice', () => agent.channel.status() !== 'online');
      for (let i = 1; i <= 3; i += 1) agent.channel.send(chatId, `agent while the server was down ${i}`);
    });
    const upAt = Date.now();
    await waitFor('the channel online again', () => agent.channel.status() === 'online', 30_000);
    const onlineAt = Date.now();
    await waitFor(
      'the queued lines confirmed by the room',
      () => {
        const t = agent.channel.activeChats()[0]?.transcript ?? [];
        return t.length > 0 && t.every((m) => !m.pending);
      },
      30_000,
    );
    const caughtUpAt = Date.now();
    console.log(
      `# Prosody restart: server down ${upAt - downAt} ms; channel online ${Math.max(0, onlineAt - upAt)} ms and caught up ${caughtUpAt - upAt} ms after the server was back (${caughtUpAt - downAt} ms after it went down)`,
    );

    const expected = [
      'agent before restart',
      'agent while the server was down 1',
      'agent while the server was down 2',
      'agent while the server was down 3',
    ];
    assert.deepEqual(agentLines(agent, 'self'), expected);
    assert.deepEqual(agentLines(agent, 'customer'), ['first question', 'customer before restart']);

    // A second gadget for the same agent (a reload) rebuilds the conversation from the room's archive: the
    // room holds each line exactly once, in order.
    reloaded = new XmppChatChannel({
      websocketUrl: prosody.websocketUrl,
      boshUrl: null,
      domain: prosody.domain,
      routerJid: router.jid,
    });
    const signedIn = await reloaded.signIn({ kind: 'password', username: agent.id, password: new Secret('pw') });
    assert.equal(signedIn.ok, true);
    const rebuilt = await waitFor(
      'the reloaded transcript',
      () => {
        const t = reloaded?.activeChats()[0]?.transcript ?? [];
        return t.filter((m) => m.sender === 'self').length >= expected.length ? t : undefined;
      },
      15_000,
    );
    assert.deepEqual(texts(rebuilt.filter((m) => m.sender === 'self')), expected);
    assert.deepEqual(texts(rebuilt.filter((m) => m.sender === 'customer')), [
      'first question',
      'customer before restart',
    ]);
    // The same messages by id (each sender's order is checked above; the interleaving is the room's).
    const ids = (t: readonly { id: string; sender: string }[]): string[] =>
      t
        .filter((m) => m.sender !== 'system')
        .map((m) => m.id)
        .sort();
    assert.deepEqual(ids(rebuilt), ids(agent.channel.activeChats()[0]?.transcript ?? []));
  } finally {
    customer.close();
    await reloaded?.signOut();
    await agent.channel.signOut();
    await router.stop();
  }
});
