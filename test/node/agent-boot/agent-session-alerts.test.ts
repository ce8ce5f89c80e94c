// The agent's own chat choice (the header channel's menu or the gadget's state bar) and auto-accept, through the
// agent session with fakes at the edges: auto-accept takes the Accept button's path, so rule 1 still holds.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { GadgetConfig } from '../../../src/core/container/gadget-config.ts';
import { user } from '../blending/support/builders.ts';
import { flush, offer } from './fakes.ts';
import { agentConfig, FinesseStub, openWindow } from './agent-session-kit.ts';
import { FakeBroadcastBus, FakeLockManager } from '../blending/support/ownership-fakes.ts';
import { readPeerView } from '../../../src/app/peer-view.ts';

function harness(over: Partial<GadgetConfig> = {}) {
  const finesse = new FinesseStub();
  const w = openWindow(finesse, { config: agentConfig(over), ownership: null, instanceId: 'w1' });
  return { finesse, ...w };
}

describe("the agent's chat choice", () => {
  it('Not ready for chat makes chat NOT_READY for the router and leaves voice alone; Available brings it back', async () => {
    const h = harness();
    await flush(30);
    assert.equal(h.last().blending?.chat.availability, 'READY');
    assert.equal(h.last().chatChoice, 'available');

    h.session.handle('chat-availability', { available: false });
    await flush();
    assert.equal(h.last().chatChoice, 'unavailable');
    assert.equal(h.last().blending?.chat.availability, 'NOT_READY');
    assert.equal(h.last().blending?.chat.cause.kind, 'agent-chose-not-ready');
    assert.equal(h.channel.availability.at(-1)?.state, 'NOT_READY', 'the router is told');
    assert.deepEqual(h.finesse.puts, [], 'voice is not touched');

    h.session.handle('chat-availability', { available: true });
    await flush();
    assert.equal(h.last().chatChoice, 'available');
    assert.equal(h.channel.availability.at(-1)?.state, 'READY');
    h.session.stop();
  });

  it('the same choice twice publishes nothing new', async () => {
    const h = harness();
    await flush(30);
    h.session.handle('chat-availability', { available: false });
    await flush();
    const published = h.channel.availability.length;
    h.session.handle('chat-availability', { available: false });
    await flush();
    assert.equal(h.channel.availability.length, published);
    h.session.stop();
  });
});

/** Two windows of one agent on one Finesse: the first runs blending, the second only shows it. */
async function twoWindows() {
  const finesse = new FinesseStub();
  const lock = new FakeLockManager();
  const bus = new FakeBroadcastBus();
  const window = (id: string) =>
    openWindow(finesse, {
      config: agentConfig(),
      ownership: { lock: lock.port(), channel: bus.channel() },
      instanceId: id,
    });
  const owner = window('w1');
  await flush(30);
  const observer = window('w2');
  await flush(30);
  return { finesse, owner, observer };
}

describe("the agent's chat choice across windows (rule 8)", () => {
  it("a window that does not run blending changes nothing, and shows the owner's choice", async () => {
    const { owner, observer } = await twoWindows();
    assert.equal(observer.last().ownership.role, 'observer');

    observer.session.handle('chat-availability', { available: false });
    await flush(30);
    assert.equal(owner.last().chatChoice, 'available', 'the owner did not change');
    assert.equal(owner.channel.availability.at(-1)?.state, 'READY');

    owner.session.handle('chat-availability', { available: false });
    await flush(30);
    assert.equal(owner.channel.availability.at(-1)?.state, 'NOT_READY');
    assert.equal(observer.last().chatChoice, 'unavailable', "the observer shows the owner's choice");
    owner.session.stop();
    observer.session.stop();
  });
});

describe("the owner's chat choice in the view it shares", () => {
  it('an observer shows Not ready during a call, when the chat cause is the call and not the choice', async () => {
    const { finesse, owner, observer } = await twoWindows();
    owner.session.handle('chat-availability', { available: false });
    await flush(30);
    finesse.notify(user('TALKING'), null);
    await flush(30);
    assert.notEqual(owner.last().blending?.chat.cause.kind, 'agent-chose-not-ready', 'the call is the cause now');
    assert.equal(observer.last().blending?.chat.cause.kind, owner.last().blending?.chat.cause.kind);
    assert.equal(observer.last().chatChoice, 'unavailable', "the owner's choice, not the cause's");
    owner.session.stop();
    observer.session.stop();
  });

  it('from an older owner that does not share it, or an unknown choice, the observer infers it as before', () => {
    const older = { blending: null, offers: [], conversations: [], chatStatus: 'online' };
    assert.equal(readPeerView(older)?.chatChoice, null);
    assert.equal(readPeerView({ ...older, chatChoice: 'later' })?.chatChoice, null);
    assert.equal(readPeerView({ ...older, chatChoice: 'unavailable' })?.chatChoice, 'unavailable');
  });
});

describe('auto-accept (pref autoAccept)', () => {
  it('off by default: an offer waits for the agent', async () => {
    const h = harness();
    await flush(30);
    h.channel.emit({ type: 'offer', offer: offer('c1') });
    await flush();
    assert.deepEqual(h.finesse.puts, []);
    assert.equal(h.last().offers[0]?.progress, 'new');
    h.session.stop();
  });

  it('on: a new offer is accepted as by Accept: voice Not Ready first, the chat only once Finesse confirms (rule 1)', async () => {
    const h = harness({ autoAccept: true });
    await flush(30);
    h.channel.emit({ type: 'offer', offer: offer('c1') });
    await flush();
    assert.deepEqual(h.finesse.puts, [{ state: 'NOT_READY', reasonCodeId: '5' }], 'voice reserved first');
    assert.ok(!h.channel.calls.includes('accept c1'), 'not accepted before Finesse confirms');
    assert.equal(h.last().offers[0]?.progress, 'reserving');

    h.finesse.notify(user('NOT_READY', '5'), 'req-1');
    await flush();
    assert.ok(h.channel.calls.includes('accept c1'));
    assert.equal(h.last().conversations[0]?.chatId, 'c1');
    assert.equal(h.channel.calls.filter((c) => c === 'accept c1').length, 1, 'accepted once');
    h.session.stop();
  });

  it('on, in a window that does not run blending: nothing is accepted there', async () => {
    const finesse = new FinesseStub();
    const lock = new FakeLockManager();
    const bus = new FakeBroadcastBus();
    const config = agentConfig({ autoAccept: true });
    const owner = openWindow(finesse, {
      config,
      ownership: { lock: lock.port(), channel: bus.channel() },
      instanceId: 'w1',
    });
    await flush(30);
    const observer = openWindow(finesse, {
      config,
      ownership: { lock: lock.port(), channel: bus.channel() },
      instanceId: 'w2',
    });
    await flush(30);
    observer.channel.emit({ type: 'offer', offer: offer('c9') });
    await flush(30);
    assert.deepEqual(finesse.puts, [], 'no reservation from the observer');
    assert.ok(!observer.channel.calls.includes('accept c9'));
    owner.session.stop();
    observer.session.stop();
  });

  it('on: when Finesse refuses the Not Ready (a call got there first), the offer is declined, not taken', async () => {
    const h = harness({ autoAccept: true });
    await flush(30);
    h.finesse.refuseNext = true;
    h.finesse.state = user('RESERVED');
    h.channel.emit({ type: 'offer', offer: offer('c2') });
    await flush(40);
    assert.deepEqual(h.finesse.puts, [{ state: 'NOT_READY', reasonCodeId: '5' }]);
    assert.ok(!h.channel.calls.includes('accept c2'));
    assert.ok(
      h.channel.calls.some((c) => c.startsWith('decline c2')),
      `declined so another agent gets it: ${h.channel.calls.join(', ')}`,
    );
    h.session.stop();
  });
});
