// Two windows of the same agent with the boot wiring and fakes at the edges (shared lock and broadcast bus, one
// chat channel per window, one Finesse): the second window takes blending over while a chat is active. The first
// detaches its chat channel; the second holds voice for the chat it saw in the first window's view until its own
// channel has the router's list, so voice never goes back to Ready on the way.
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
import { FakeBroadcastBus, FakeLockManager } from '../blending/support/ownership-fakes.ts';
import { FakeChatChannel, FakeHub, flush, offer } from './fakes.ts';

const AGENT = '1001001';
const HANDLING = reason('5', 40, 'Handling Chat');
const CODES: readonly ReasonCode[] = [reason('1', 1, 'Break'), HANDLING];
const SYSTEM_INFO: SystemInfo = {
  status: 'IN_SERVICE', statusReason: null, deploymentType: 'UCCE', primaryNode: null, secondaryNode: null,
  xmppDomain: 'localhost', xmppPubSubDomain: 'pubsub.localhost', currentTimestamp: null, timezoneOffset: null,
};

const CONFIG: GadgetConfig = {
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
};

/** One Finesse for both windows: every PUT recorded; notifications reach every window's hub. */
class Finesse {
  state: User = user('READY');
  readonly puts: UserStateChange[] = [];
  readonly hubs: FakeHub[] = [];

  // Only the calls the session makes are implemented; the cast says so.
  client(): FinesseClient {
    return {
      getUser: async () => ok(this.state),
      getDialogs: async () => ok([]),
      getAgentReasonCodes: async () => ok(CODES),
      getSystemInfo: async () => ok(SYSTEM_INFO),
      setUserState: async (_id: string, change: UserStateChange) => {
        this.puts.push(change);
        return ok({ accepted: true as const, requestId: `req-${this.puts.length}` });
      },
    } as unknown as FinesseClient;
  }

  notify(next: User, requestId: string | null): void {
    this.state = next;
    const xml = updateToXml({ event: 'PUT', requestId, source: `/finesse/api/User/${AGENT}`, data: { kind: 'user', user: next } });
    for (const hub of this.hubs) hub.deliver(`finesse.api.User.${AGENT}`, xml);
  }
}

interface Window {
  readonly session: AgentSession;
  readonly channel: FakeChatChannel;
  last(): AgentView;
}

function openWindow(finesse: Finesse, lock: FakeLockManager, bus: FakeBroadcastBus, instanceId: string): Window {
  const hub = new FakeHub();
  finesse.hubs.push(hub);
  const channel = new FakeChatChannel();
  const views: AgentView[] = [];
  const session = startAgentSession({
    config: CONFIG,
    hub,
    client: finesse.client(),
    systemInfoFor: async () => ok(SYSTEM_INFO),
    createChatChannel: () => channel,
    chatCredentials: ok({ kind: 'password', username: AGENT, password: new Secret('agent1pw') }),
    ownership: { lock: lock.port(), channel: bus.channel() },
    timers: createTickTimers({ now: () => 0, setTimeout: () => 0, clearTimeout: () => undefined }),
    random: () => 0.5,
    instanceId,
    onView: (v) => views.push(v),
  });
  return { session, channel, last: () => views.at(-1) ?? session.view() };
}

/** The first window owns blending and handles chat c1 (voice Not Ready "Handling Chat"); the second observes. */
async function twoWindowsWithAChat(options: { secondSawTheChat: boolean }) {
  const finesse = new Finesse();
  const lock = new FakeLockManager();
  const bus = new FakeBroadcastBus();
  const first = openWindow(finesse, lock, bus, 'w1');
  await flush(30);
  first.channel.emit({ type: 'offer', offer: offer('c1') });
  first.session.handle('offer-accept', { chatId: 'c1' });
  await flush();
  finesse.notify(user('NOT_READY', '5'), 'req-1');
  await flush(30);
  assert.equal(first.last().conversations[0]?.chatId, 'c1');
  // Without the owner's shared view (lost on the way), the second window has not seen the chat.
  bus.dropSnapshots = !options.secondSawTheChat;
  const second = openWindow(finesse, lock, bus, 'w2');
  // The second window's channel hears from the router only when the test says so.
  second.channel.listsChatsOnSignIn = false;
  await flush(30);
  assert.equal(second.last().ownership.role, 'observer');
  if (options.secondSawTheChat) {
    // The owner shares its view whenever it changes: a customer line does it.
    first.channel.emit({ type: 'message', chatId: 'c1', message: { id: 'x1', chatId: 'c1', sender: 'customer', senderName: 'Jane', text: 'hi', at: 1, pending: false } });
    await flush(30);
    assert.equal(second.last().conversations[0]?.chatId, 'c1', 'the observer shows the owner\'s chat');
  }
  return { finesse, lock, bus, first, second };
}

async function takeOver(w: Window): Promise<void> {
  w.session.handle('take-over', { confirmed: false });
  await flush();
  assert.match(w.last().ownership.confirm ?? '', /Take over here\?/);
  w.session.handle('take-over', { confirmed: true });
  await flush(40);
}

const chatBack = (w: Window): void => {
  w.channel.emit({ type: 'session-started', session: { chatId: 'c1', customerName: 'Jane Doe', context: [], acceptedAt: 0, transcript: [], customerTyping: 'active' } });
  w.channel.emit({ type: 'assignments', chatIds: ['c1'] });
};

describe('taking blending over from another window of the same agent', () => {
  for (const secondSawTheChat of [true, false]) {
    it(`the old window detaches its chat; the new one acts on voice only once its channel has the chat (${secondSawTheChat ? 'it had seen the chat' : 'it had not seen the chat yet'})`, async () => {
      const { finesse, first, second } = await twoWindowsWithAChat({ secondSawTheChat });
      const putsBefore = finesse.puts.length;
      await takeOver(second);

      assert.deepEqual(first.channel.calls.filter((c) => c === 'detach' || c === 'signOut' || c.startsWith('transfer')), ['detach'], 'nothing handed back');
      assert.equal(first.last().ownership.role, 'taken-over');
      assert.equal(second.last().ownership.role, 'owner');
      assert.deepEqual(second.channel.calls, ['signIn'], 'the new window signs in to chat');
      assert.deepEqual(
        second.channel.availability.map((a) => [a.state, a.active]),
        [['NOT_READY', secondSawTheChat ? 1 : 0]],
        'no new chats while the chats change windows',
      );
      assert.equal(finesse.puts.length, putsBefore, 'no voice request while the new window waits for its chats');

      chatBack(second);
      await flush(30);
      assert.equal(finesse.puts.length, putsBefore, 'no voice request once the chat is back: voice stays Not Ready "Handling Chat"');
      assert.deepEqual(second.channel.availability.map((a) => [a.state, a.active]).at(-1), ['ACTIVE', 1]);
      assert.equal(second.last().conversations[0]?.chatId, 'c1');

      second.channel.emit({ type: 'session-closed', chatId: 'c1', reason: 'ended-by-customer', transcript: [] });
      await flush(30);
      assert.deepEqual(finesse.puts.slice(putsBefore), [{ state: 'READY' }], 'the chat ending in the new window restores Ready (rule 2)');
      first.session.stop();
      second.session.stop();
    });
  }

  it('the old window settling before the new one hears it has the lock does not hold the take-over up', async () => {
    // In the browser each window hears from Web Locks on its own task queue: a busy new window (rendering the
    // owner's view) may hear its steal granted only after the old window has let go and said so.
    const { finesse, lock, first, second } = await twoWindowsWithAChat({ secondSawTheChat: true });
    lock.slowStealGrant = true;
    const putsBefore = finesse.puts.length;
    await takeOver(second);

    assert.equal(first.last().ownership.role, 'taken-over');
    assert.equal(second.last().ownership.role, 'owner', 'the new window owns blending at once, not after the release timeout');
    assert.equal(second.last().ownership.pending, false);
    assert.deepEqual(second.channel.calls, ['signIn']);
    chatBack(second);
    await flush(30);
    assert.equal(second.last().conversations[0]?.chatId, 'c1');
    assert.deepEqual(second.channel.availability.map((a) => [a.state, a.active]).at(-1), ['ACTIVE', 1]);
    assert.equal(finesse.puts.length, putsBefore, 'voice untouched by the hand-over');
    first.session.stop();
    second.session.stop();
  });

  it('a chat that ended while the windows changed over is let go once the router does not list it', async () => {
    const { finesse, first, second } = await twoWindowsWithAChat({ secondSawTheChat: true });
    const putsBefore = finesse.puts.length;
    await takeOver(second);
    assert.equal(finesse.puts.length, putsBefore);

    second.channel.emit({ type: 'assignments', chatIds: [] });
    await flush(30);
    assert.deepEqual(finesse.puts.slice(putsBefore), [{ state: 'READY' }]);
    assert.deepEqual(second.channel.availability.map((a) => [a.state, a.active]).at(-1), ['READY', 0]);
    first.session.stop();
    second.session.stop();
  });
});
