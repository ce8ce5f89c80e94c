// The boot wiring end to end with fakes at the edges: a Finesse client stub, the desktop hub, a chat channel.
// Scenarios as the agent lives them: accept a chat (voice is reserved first), the chat ends (voice restored),
// a missing Handling Chat reason, and a clean stop.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ok } from '../../../src/core/result.ts';
import { Secret } from '../../../src/core/container/secret.ts';
import type { GadgetConfig } from '../../../src/core/container/gadget-config.ts';
import type { FinesseClient, UserStateChange } from '../../../src/core/finesse/rest/index.ts';
import type { ReasonCode, SystemInfo, User } from '../../../src/core/finesse/types.ts';
import { updateToXml } from '../../../src/core/finesse/xml/index.ts';
import { createTickTimers } from '../../../src/core/blending/adapters/tick-timers.ts';
import { startAgentSession, type AgentSession } from '../../../src/boot/agent-session.ts';
import type { AgentView } from '../../../src/ui/agent-view.ts';
import { reason, user } from '../blending/support/builders.ts';
import { FakeChatChannel, FakeHub, flush, offer } from './fakes.ts';

const AGENT = '1001001';
const HANDLING = reason('5', 40, 'Handling Chat');
const CODES: readonly ReasonCode[] = [reason('1', 1, 'Break'), HANDLING];

const config = (over: Partial<GadgetConfig> = {}): GadgetConfig => ({
  agentId: AGENT,
  authorization: new Secret(`Basic ${Buffer.from(`${AGENT}:agent1pw`).toString('base64')}`),
  scheme: 'http',
  host: '127.0.0.1',
  hostPort: '8080',
  restHost: '127.0.0.1',
  xmppDomain: 'localhost',
  pubsubDomain: 'pubsub.localhost',
  locale: 'en_US',
  extension: '5001',
  maxChats: 5,
  handlingChatReason: 'Handling Chat',
  chatService: 'ws://127.0.0.1:5280/xmpp-websocket',
  chatRouter: 'chat-router@localhost/router',
  teamId: '10',
  ...over,
});

const SYSTEM_INFO: SystemInfo = {
  status: 'IN_SERVICE', statusReason: null, deploymentType: 'UCCE', primaryNode: null, secondaryNode: null,
  xmppDomain: 'localhost', xmppPubSubDomain: 'pubsub.localhost', currentTimestamp: null, timezoneOffset: null,
};

/** Finesse as the stub answers: the user's state, and every PUT recorded (the notification is the test's to send). */
class FinesseStub {
  state: User = user('READY');
  readonly puts: UserStateChange[] = [];
  codes: readonly ReasonCode[] = CODES;

  // Only the calls the session makes are implemented; the cast says so.
  client(): FinesseClient {
    return {
      getUser: async () => ok(this.state),
      getDialogs: async () => ok([]),
      getAgentReasonCodes: async () => ok(this.codes),
      getSystemInfo: async () => ok(SYSTEM_INFO),
      setUserState: async (_id: string, change: UserStateChange) => {
        this.puts.push(change);
        return ok({ accepted: true as const, requestId: `req-${this.puts.length}` });
      },
    } as unknown as FinesseClient;
  }
}

function harness(over: Partial<GadgetConfig> = {}) {
  const hub = new FakeHub();
  const finesse = new FinesseStub();
  const channel = new FakeChatChannel();
  const views: AgentView[] = [];
  const session: AgentSession = startAgentSession({
    config: config(over),
    hub,
    client: finesse.client(),
    systemInfoFor: async () => ok(SYSTEM_INFO),
    createChatChannel: () => channel,
    chatCredentials: ok({ kind: 'password', username: AGENT, password: new Secret('agent1pw') }),
    ownership: null,
    timers: createTickTimers({ now: () => 0, setTimeout: () => 0, clearTimeout: () => undefined }),
    random: () => 0.5,
    instanceId: 'w1',
    onView: (v) => views.push(v),
  });
  /** Finesse notifies the user's new state (with the requestId of the request that caused it). */
  const notify = (next: User, requestId: string | null) => {
    finesse.state = next;
    hub.deliver(`finesse.api.User.${AGENT}`, updateToXml({ event: 'PUT', requestId, source: `/finesse/api/User/${AGENT}`, data: { kind: 'user', user: next } }));
  };
  const last = () => views.at(-1) ?? session.view();
  return { hub, finesse, channel, session, notify, last };
}

describe('the agent session wires blending, chat and the view', () => {
  it('accepting an offer while Ready reserves voice first, then takes the chat; its end restores Ready', async () => {
    const h = harness();
    await flush(30);
    assert.equal(h.last().blending?.chat.availability, 'READY');
    assert.deepEqual(h.channel.calls, ['signIn'], 'signing in to Finesse signs in to chat');

    h.channel.emit({ type: 'offer', offer: offer('c1', 'Jane <b>Doe</b>') });
    assert.equal(h.last().offers[0]?.progress, 'new');
    h.session.handle('offer-accept', { chatId: 'c1' });
    await flush();
    assert.deepEqual(h.finesse.puts, [{ state: 'NOT_READY', reasonCodeId: '5' }], 'voice reserved before the chat is taken');
    assert.equal(h.last().offers[0]?.progress, 'reserving');
    assert.ok(!h.channel.calls.includes('accept c1'), 'not accepted before Finesse confirms');

    h.notify(user('NOT_READY', '5'), 'req-1');
    await flush();
    assert.ok(h.channel.calls.includes('accept c1'));
    const v = h.last();
    assert.equal(v.offers.length, 0);
    assert.equal(v.conversations[0]?.customerName, 'Jane <b>Doe</b>');
    assert.equal(v.blending?.chat.availability, 'ACTIVE');

    h.channel.emit({ type: 'message', chatId: 'c1', message: { id: 'x1', chatId: 'c1', sender: 'customer', senderName: 'Jane', text: 'hi', at: 1, pending: false } });
    h.session.handle('chat-send', { chatId: 'c1', text: 'Hello Jane' });
    assert.deepEqual(h.last().conversations[0]?.transcript.map((m) => [m.text, m.pending]), [['hi', false], ['Hello Jane', true]]);
    h.channel.emit({ type: 'message-confirmed', chatId: 'c1', messageId: 'm1' });
    assert.equal(h.last().conversations[0]?.transcript[1]?.pending, false);

    h.channel.emit({ type: 'session-closed', chatId: 'c1', reason: 'ended-by-customer', transcript: [] });
    await flush();
    assert.deepEqual(h.finesse.puts.at(-1), { state: 'READY' }, 'voice back to Ready once the gadget\'s chats are over');
    assert.equal(h.last().conversations[0]?.closed, 'ended-by-customer', 'the ended chat stays until the agent closes it');
    h.session.handle('chat-dismiss', { chatId: 'c1' });
    assert.equal(h.last().conversations.length, 0);
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
    assert.match(problem.title, /'Chatting' is not defined in Finesse/);
    assert.match(problem.action, /Blending is off/);
    assert.equal(h.last().blending, null);
    assert.deepEqual(h.channel.calls, [], 'no chat sign-in without blending');
    h.session.stop();
  });

  it('Finesse out of service on both nodes shows the degraded banner; stop releases every hub subscription', async () => {
    const h = harness();
    await flush(30);
    h.hub.deliver('finesse.info.connection', { status: 'disconnected', resourceID: 'x' });
    await flush();
    const banner = h.last().problems.find((p) => p.id === 'degraded');
    assert.match(banner?.title ?? '', /notifications are down/);
    h.session.stop();
    assert.equal(h.hub.live, 0);
  });
});
