// Two windows of the same agent with the boot wiring and fakes at the edges (shared lock and broadcast bus, one
// chat channel per window, one Finesse): the second window takes blending over while a chat is active. The first
// detaches its chat channel; the second holds voice for the chat it saw in the first window's view until its own
// channel has the router's list, so voice never goes back to Ready on the way.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { user } from '../blending/support/builders.ts';
import { FakeBroadcastBus, FakeLockManager } from '../blending/support/ownership-fakes.ts';
import { flush, offer } from './fakes.ts';
import { agentConfig, FinesseStub, openWindow as openAgentWindow, type AgentWindow } from './agent-session-kit.ts';

const CONFIG = agentConfig();

/** A window of the agent sharing the other windows' lock and broadcast bus. */
function openWindow(
  finesse: FinesseStub,
  lock: FakeLockManager,
  bus: FakeBroadcastBus,
  instanceId: string,
): AgentWindow {
  return openAgentWindow(finesse, {
    config: CONFIG,
    ownership: { lock: lock.port(), channel: bus.channel() },
    instanceId,
  });
}

/** The first window owns blending and handles chat c1 (voice Not Ready "Handling Chat"); the second observes. */
async function twoWindowsWithAChat(options: { secondSawTheChat: boolean }) {
  const finesse = new FinesseStub();
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
    first.channel.emit({
      type: 'message',
      chatId: 'c1',
      message: { id: 'x1', chatId: 'c1', sender: 'customer', senderName: 'Jane', text: 'hi', at: 1, pending: false },
    });
    await flush(30);
    assert.equal(second.last().conversations[0]?.chatId, 'c1', "the observer shows the owner's chat");
  }
  return { finesse, lock, bus, first, second };
}

async function takeOver(w: AgentWindow): Promise<void> {
  w.session.handle('take-over', { confirmed: false });
  await flush();
  assert.notEqual(w.last().ownership.confirm, null, 'the agent is asked to confirm first');
  w.session.handle('take-over', { confirmed: true });
  await flush(40);
}

const chatBack = (w: AgentWindow): void => {
  w.channel.emit({
    type: 'session-started',
    session: {
      chatId: 'c1',
      customerName: 'Jane Doe',
      context: [],
      acceptedAt: 0,
      transcript: [],
      customerTyping: 'active',
    },
  });
  w.channel.emit({ type: 'assignments', chatIds: ['c1'] });
};

describe('taking blending over from another window of the same agent', () => {
  for (const secondSawTheChat of [true, false]) {
    it(`the old window detaches its chat; the new one acts on voice only once its channel has the chat (${secondSawTheChat ? 'it had seen the chat' : 'it had not seen the chat yet'})`, async () => {
      const { finesse, first, second } = await twoWindowsWithAChat({ secondSawTheChat });
      const putsBefore = finesse.puts.length;
      await takeOver(second);

      assert.deepEqual(
        first.channel.calls.filter((c) => c === 'detach' || c === 'signOut' || c.startsWith('transfer')),
        ['detach'],
        'nothing handed back',
      );
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
      assert.equal(
        finesse.puts.length,
        putsBefore,
        'no voice request once the chat is back: voice stays Not Ready "Handling Chat"',
      );
      assert.deepEqual(second.channel.availability.map((a) => [a.state, a.active]).at(-1), ['ACTIVE', 1]);
      assert.equal(second.last().conversations[0]?.chatId, 'c1');

      second.channel.emit({ type: 'session-closed', chatId: 'c1', reason: 'ended-by-customer', transcript: [] });
      await flush(30);
      assert.deepEqual(
        finesse.puts.slice(putsBefore),
        [{ state: 'READY' }],
        'the chat ending in the new window restores Ready (rule 2)',
      );
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
    assert.equal(
      second.last().ownership.role,
      'owner',
      'the new window owns blending at once, not after the release timeout',
    );
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
