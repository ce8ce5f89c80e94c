// The boot wiring end to end with fakes at the edges: a Finesse client stub, the desktop hub, a chat channel.
// Scenarios as the agent lives them: accept a chat (voice is reserved first), the chat ends (voice restored),
// a missing Handling Chat reason, and a clean stop.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { User } from '../../../src/core/finesse/types.ts';
import type { GadgetConfig } from '../../../src/core/container/gadget-config.ts';
import { user } from '../blending/support/builders.ts';
import { flush, offer } from './fakes.ts';
import { agentConfig, FinesseStub, openWindow } from './agent-session-kit.ts';
import { ENGLISH_CAUSES as say } from '../../../src/ui/cause-text.ts';

function harness(over: Partial<GadgetConfig> = {}) {
  const finesse = new FinesseStub();
  const { hub, channel, session, last, chatAgentNames } = openWindow(finesse, {
    config: agentConfig(over),
    ownership: null,
    instanceId: 'w1',
  });
  const notify = (next: User, requestId: string | null): void => finesse.notify(next, requestId);
  return { hub, finesse, channel, session, notify, last, chatAgentNames };
}

describe('the agent session wires blending, chat and the view', () => {
  it("the chat channel gets the agent's first name from Finesse's User, for customers to see instead of the login id", async () => {
    const h = harness();
    await flush(30);
    assert.deepEqual(h.chatAgentNames, ['Ada']);
  });

  it('a User without a first name gives the chat channel none (the customer sees a neutral word)', async () => {
    const finesse = new FinesseStub();
    finesse.state = { ...user('READY'), firstName: '  ' };
    const w = openWindow(finesse, { config: agentConfig(), ownership: null, instanceId: 'w1' });
    await flush(30);
    assert.deepEqual(w.chatAgentNames, [null]);
  });

  it('accepting an offer while Ready reserves voice first, then takes the chat; its end restores Ready', async () => {
    const h = harness();
    await flush(30);
    assert.equal(h.last().blending?.chat.availability, 'READY');
    assert.deepEqual(h.channel.calls, ['signIn'], 'signing in to Finesse signs in to chat');

    h.channel.emit({ type: 'offer', offer: offer('c1', 'Jane <b>Doe</b>') });
    assert.equal(h.last().offers[0]?.progress, 'new');
    h.session.handle('offer-accept', { chatId: 'c1' });
    await flush();
    assert.deepEqual(
      h.finesse.puts,
      [{ state: 'NOT_READY', reasonCodeId: '5' }],
      'voice reserved before the chat is taken',
    );
    assert.equal(h.last().offers[0]?.progress, 'reserving');
    assert.ok(!h.channel.calls.includes('accept c1'), 'not accepted before Finesse confirms');

    h.notify(user('NOT_READY', '5'), 'req-1');
    await flush();
    assert.ok(h.channel.calls.includes('accept c1'));
    const v = h.last();
    assert.equal(v.offers.length, 0);
    assert.equal(v.conversations[0]?.customerName, 'Jane <b>Doe</b>');
    assert.equal(v.blending?.chat.availability, 'ACTIVE');

    h.channel.emit({
      type: 'message',
      chatId: 'c1',
      message: { id: 'x1', chatId: 'c1', sender: 'customer', senderName: 'Jane', text: 'hi', at: 1, pending: false },
    });
    h.session.handle('chat-send', { chatId: 'c1', text: 'Hello Jane' });
    assert.deepEqual(
      h.last().conversations[0]?.transcript.map((m) => [m.text, m.pending]),
      [
        ['hi', false],
        ['Hello Jane', true],
      ],
    );
    h.channel.emit({ type: 'message-confirmed', chatId: 'c1', messageId: 'm1' });
    assert.equal(h.last().conversations[0]?.transcript[1]?.pending, false);

    h.channel.emit({ type: 'session-closed', chatId: 'c1', reason: 'ended-by-customer', transcript: [] });
    await flush();
    assert.deepEqual(h.finesse.puts.at(-1), { state: 'READY' }, "voice back to Ready once the gadget's chats are over");
    assert.equal(
      h.last().conversations[0]?.closed,
      'ended-by-customer',
      'the ended chat stays until the agent closes it',
    );
    h.session.handle('chat-dismiss', { chatId: 'c1' });
    assert.equal(h.last().conversations.length, 0);
    h.session.stop();
  });

  it("the router's other queues reach the conversation view; the chosen one goes to the channel's transfer", async () => {
    const h = harness();
    await flush(30);
    h.channel.emit({
      type: 'queues',
      queues: [
        { id: 'billing', name: 'Billing' },
        { id: 'sales', name: 'Sales' },
      ],
    });
    h.channel.emit({
      type: 'session-started',
      session: {
        chatId: 'c1',
        customerName: 'Jane',
        context: [],
        acceptedAt: 0,
        queue: 'billing',
        transcript: [],
        customerTyping: 'active',
      },
    });
    assert.deepEqual(h.last().conversations[0]?.transferQueues, [{ id: 'sales', name: 'Sales' }]);
    h.session.handle('chat-transfer', { chatId: 'c1', queueId: 'sales' });
    h.session.handle('chat-transfer', { chatId: 'c1' });
    await flush();
    assert.deepEqual(
      h.channel.calls.filter((c) => c.startsWith('transfer')),
      ['transfer c1 queue sales', 'transfer c1 queue'],
    );
    h.session.stop();
  });

  it('declining an offer sends the decline and leaves voice alone', async () => {
    const h = harness();
    await flush(30);
    h.channel.emit({ type: 'offer', offer: offer('c2') });
    h.session.handle('offer-decline', { chatId: 'c2' });
    await flush();
    assert.ok(h.channel.calls.includes('decline c2: Declined by the agent'));
    assert.deepEqual(h.finesse.puts, []);
    assert.equal(h.last().offers.length, 0);
    h.session.stop();
  });

  it('a Handling Chat reason Finesse does not define is a configuration problem, and blending stays off', async () => {
    const h = harness({ handlingChatReason: 'Chatting' });
    await flush(30);
    const problem = h.last().problems.find((p) => p.id === 'config');
    assert.ok(problem);
    const { title, action } = say.problem(problem.cause);
    assert.match(title, /'Chatting' is not defined in Finesse/);
    assert.match(action, /Blending is off/);
    assert.equal(h.last().blending, null);
    assert.equal(h.last().blendingOff, true, 'the headline can say blending is off, not starting');
    assert.deepEqual(h.channel.calls, [], 'no chat sign-in without blending');
    h.session.stop();
  });

  it('Finesse out of service on both nodes shows the degraded banner; stop releases every hub subscription', async () => {
    const h = harness();
    await flush(30);
    h.hub.deliver('finesse.info.connection', { status: 'disconnected', resourceID: 'x' });
    await flush();
    const banner = h.last().problems.find((p) => p.id === 'degraded');
    assert.match(banner ? say.problem(banner.cause).title : '', /notifications are down/);
    h.session.stop();
    assert.equal(h.hub.live, 0);
  });
});

describe("the desktop's own services refusing something", () => {
  it('is a warning in the problem list, with what to do, one per service (the latest refusal)', async () => {
    const h = harness();
    await flush(30);
    const refused = (detail: string) => ({ kind: 'desktop-service-refused', service: 'popover', detail }) as const;
    h.session.reportProblem('desktop-popover', 'warning', refused('The desktop did not show the offer popover: busy'));
    h.session.reportProblem('desktop-popover', 'warning', refused('The desktop did not show the offer popover: gone'));
    const shown = h.last().problems.filter((p) => p.id === 'desktop-popover');
    assert.equal(shown.length, 1, 'one problem per service, the latest refusal');
    assert.equal(shown[0]?.severity, 'warning');
    const { title, action } = say.problem(shown[0]!.cause);
    assert.equal(title, 'The desktop did not show or remove a chat offer popover.');
    assert.equal(
      action,
      'Offers still show in the gadget; tell your administrator: The desktop did not show the offer popover: gone',
    );
    assert.match(
      say.problem({ kind: 'desktop-service-refused', service: 'header-channel', detail: 'x' }).action,
      /Offers still show in the gadget.*tell your administrator: x$/,
    );
    h.session.stop();
    h.session.reportProblem('desktop-header-channel', 'warning', refused('late'));
    assert.ok(!h.last().problems.some((p) => p.id === 'desktop-header-channel'), 'nothing after stop');
  });
});
