// Every row of the two blending tables in docs/blending-rules.md, end to end: the blending controller against the
// Finesse simulator through REST and real XMPP notifications. Finesse's side is checked in the simulator's own state.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { InternalCallKind } from '../../../sim/finesse/control-types.ts';
import { assertBounded, availability, BlendingWorld, until, type Blending } from './blending-kit.ts';
import { ENGLISH_CAUSES as say } from '../../../src/ui/cause-text.ts';

const w = BlendingWorld.forTestFile();

const HC = (): string => w.handlingChat.id;
const isReady = (): boolean => w.finesseUser().state === 'READY';
const show = (): string =>
  `Finesse: ${JSON.stringify(w.finesseUser().state)} ${w.finesseUser().reasonCodeId ?? ''}; published: ${w.controller?.published().join(' > ') ?? ''}`;

function started(options?: { maxChats?: number }): Promise<Blending> {
  return w.blending(options);
}

async function availabilityIs(x: Blending, expected: string, what: string): Promise<void> {
  await until(() => availability(x) === expected, `${what}: chat ${expected}`, show);
}

/** Offers a chat and waits until it is the agent's: voice reserved first, then accepted. */
async function takeChat(x: Blending, id: string): Promise<void> {
  x.reconciler.offerArrived(id);
  await until(
    () => x.accepted().includes(id) && x.reconciler.facts().activeChats >= 1 && x.snapshot().voiceRequest === null,
    `chat ${id} taken`,
    show,
  );
}

describe('media blending table', () => {
  test('Idle, ready for both: voice READY, chat READY', async (t) => {
    const x = await started();
    await availabilityIs(x, 'READY', 'idle');
    assert.equal(w.finesseUser().state, 'READY');
    assert.equal(say.chat(x.snapshot().chat.cause), 'Ready for chats and calls');
    assert.equal(x.requests().filter((r) => r.method === 'PUT').length, 0, 'nothing to change');
    t.diagnostic(assertBounded(x));
  });

  test('ACD voice call arrives (RESERVED, TALKING, HOLD, WORK_READY with wrap-up): chat INTERRUPTED, no offer accepted', async (t) => {
    assert.ok((await w.control.setWrapUp({ agentId: w.agent.id, enabled: true })).ok);
    const x = await started();
    await availabilityIs(x, 'READY', 'idle');

    const dialogId = await w.placeAcd();
    await until(() => x.snapshot().voice?.state === 'RESERVED', 'RESERVED seen', show);
    await availabilityIs(x, 'INTERRUPTED', 'RESERVED');
    x.reconciler.offerArrived('o-reserved');

    await w.dialogAction(dialogId, 'ANSWER', (s) => s === 'ACTIVE');
    await until(() => x.snapshot().voice?.state === 'TALKING', 'TALKING seen', show);
    assert.equal(availability(x), 'INTERRUPTED');
    x.reconciler.offerArrived('o-talking');

    await w.dialogAction(dialogId, 'HOLD', (s) => s === 'HELD');
    await until(() => x.snapshot().voice?.state === 'HOLD', 'HOLD seen', show);
    assert.equal(availability(x), 'INTERRUPTED');
    x.reconciler.offerArrived('o-hold');
    await w.dialogAction(dialogId, 'RETRIEVE', (s) => s === 'ACTIVE');

    assert.ok((await w.control.endCall({ dialogId })).ok);
    await until(() => x.snapshot().voice?.state === 'WORK_READY', 'WORK_READY seen', show);
    assert.equal(w.finesseUser().state, 'WORK_READY');
    assert.equal(availability(x), 'INTERRUPTED');
    x.reconciler.offerArrived('o-wrap-up');

    await until(
      () => x.declined().length === 4,
      'every offer declined',
      () => x.declined().join(','),
    );
    assert.deepEqual(x.declined(), ['o-reserved', 'o-talking', 'o-hold', 'o-wrap-up']);
    assert.deepEqual(x.accepted(), []);
    assert.ok(
      !x.published().slice(x.published().indexOf('INTERRUPTED')).includes('READY'),
      'no READY while the call or its wrap-up lasts',
    );
    assert.equal(x.requests().filter((r) => r.method === 'PUT').length, 0, 'a call is no reason to touch voice');

    assert.ok((await w.control.expireWrapUp({ agentId: w.agent.id })).ok);
    await availabilityIs(x, 'READY', 'wrap-up over');
    assert.equal(w.finesseUser().state, 'READY');
    t.diagnostic(assertBounded(x));
  });

  test("ACD voice call arrives, the agent asks for Not Ready during it (WORK with wrap-up): chat INTERRUPTED, then the agent's Not Ready kept", async (t) => {
    assert.ok((await w.control.setWrapUp({ agentId: w.agent.id, enabled: true })).ok);
    const x = await started();
    await availabilityIs(x, 'READY', 'idle');
    const dialogId = await w.placeAcd();
    await w.dialogAction(dialogId, 'ANSWER', (s) => s === 'ACTIVE');
    await w.agentRequest({ state: 'NOT_READY', reasonCodeId: '1' }, (u) => u.pendingState === 'NOT_READY');
    assert.ok((await w.control.endCall({ dialogId })).ok);
    await until(() => x.snapshot().voice?.state === 'WORK', 'WORK seen', show);
    assert.equal(availability(x), 'INTERRUPTED');
    x.reconciler.offerArrived('o-work');
    await until(() => x.declined().includes('o-work'), 'offer in WORK declined', show);

    assert.ok((await w.control.expireWrapUp({ agentId: w.agent.id })).ok);
    await availabilityIs(x, 'NOT_READY', 'Not Ready (Break) after wrap-up');
    assert.equal(w.finesseUser().state, 'NOT_READY');
    assert.equal(w.finesseUser().reasonCodeId, '1', "the agent's own reason stays");
    assert.equal(x.requests().filter((r) => r.method === 'PUT').length, 0);
    t.diagnostic(assertBounded(x));
  });

  test('Voice call ends: voice READY, previous chat state restored', async (t) => {
    const x = await started();
    await availabilityIs(x, 'READY', 'idle');
    let dialogId = await w.placeAcd();
    await w.dialogAction(dialogId, 'ANSWER', (s) => s === 'ACTIVE');
    await availabilityIs(x, 'INTERRUPTED', 'on the call');
    assert.ok((await w.control.endCall({ dialogId })).ok);
    await availabilityIs(x, 'READY', 'call over');
    assert.equal(w.finesseUser().state, 'READY');
    assert.deepEqual(x.published(), ['READY', 'INTERRUPTED', 'READY']);

    // The agent's own "not ready for chat" is the previous chat state: it comes back after the call, not READY.
    x.reconciler.setChatIntent('unavailable');
    await availabilityIs(x, 'NOT_READY', 'agent not ready for chat');
    dialogId = await w.placeAcd();
    await availabilityIs(x, 'INTERRUPTED', 'on the second call');
    assert.ok((await w.control.endCall({ dialogId })).ok);
    await until(
      () => x.snapshot().voice?.state === 'READY' && x.reconciler.facts().calls.length === 0,
      'second call over',
      show,
    );
    await availabilityIs(x, 'NOT_READY', "back to the agent's chat choice");
    assert.equal(w.finesseUser().state, 'READY');
    assert.equal(x.requests().filter((r) => r.method === 'PUT').length, 0);
    t.diagnostic(assertBounded(x));
  });

  test('Chat arrives (C: 0 -> 1): voice NOT_READY Handling Chat confirmed by notification before the offer is accepted; chat ACTIVE', async (t) => {
    const x = await started();
    await availabilityIs(x, 'READY', 'idle');
    await takeChat(x, 'c1');
    assert.ok(w.isHandlingChat(), show());
    const confirmed = x.timeline.findIndex(
      (h) => h.type === 'user' && h.state === 'NOT_READY' && h.reasonCodeId === HC(),
    );
    const accepted = x.timeline.findIndex((h) => h.type === 'accept' && h.offerId === 'c1');
    assert.ok(confirmed >= 0, 'the Not Ready (Handling Chat) notification arrived');
    assert.ok(confirmed < accepted, `rule 1: the notification (#${confirmed}) comes before the accept (#${accepted})`);
    const confirmation = x.timeline[confirmed];
    assert.ok(
      confirmation?.type === 'user' && confirmation.requestId?.startsWith('gadget-'),
      "confirmed by the notification of the controller's own request",
    );
    await availabilityIs(x, 'ACTIVE', 'one chat');
    assert.equal(say.chat(x.snapshot().chat.cause), 'Active: handling 1 of 5 chats');
    assert.equal(x.requests().filter((r) => r.method === 'PUT').length, 1, 'one PUT: Not Ready (Handling Chat)');
    t.diagnostic(assertBounded(x));
  });

  test('C reaches M: voice NOT_READY Handling Chat, chat BUSY, further offers declined', async (t) => {
    const x = await started({ maxChats: 2 });
    await availabilityIs(x, 'READY', 'idle');
    await takeChat(x, 'c1');
    await takeChat(x, 'c2');
    await availabilityIs(x, 'BUSY', 'two of two');
    assert.equal(say.chat(x.snapshot().chat.cause), 'Busy: handling 2 of 2 chats');
    x.reconciler.offerArrived('c3');
    await until(() => x.declined().includes('c3'), 'the third offer declined', show);
    assert.deepEqual(x.accepted(), ['c1', 'c2']);
    assert.ok(w.isHandlingChat(), show());
    assert.equal(x.requests().filter((r) => r.method === 'PUT').length, 1, 'the second chat needs no voice change');
    t.diagnostic(assertBounded(x));
  });

  test('All chats end: voice restored to READY, chat READY', async (t) => {
    const x = await started({ maxChats: 2 });
    await availabilityIs(x, 'READY', 'idle');
    await takeChat(x, 'c1');
    await takeChat(x, 'c2');
    x.reconciler.chatEnded('c1');
    await availabilityIs(x, 'ACTIVE', 'one chat left');
    assert.ok(w.isHandlingChat(), 'voice stays Not Ready while a chat is left');
    x.reconciler.chatEnded('c2');
    await until(isReady, 'Finesse READY', show);
    await availabilityIs(x, 'READY', 'no chats');
    await until(() => x.snapshot().voiceRequest === null, 'request confirmed', show);
    const puts = x.requests().filter((r) => r.method === 'PUT');
    assert.equal(puts.length, 2, 'Not Ready (Handling Chat), then Ready');
    assert.ok(puts.every((r) => r.status === 202));
    t.diagnostic(assertBounded(x));
  });
});

describe('internal calls table', () => {
  const rows: [string, InternalCallKind][] = [
    ['Transfer call arrived', 'transfer'],
    ['Conference call arrived', 'conference'],
    ['Consult call arrived', 'consult'],
    ['Direct call to extension', 'direct'],
  ];
  for (const [row, kind] of rows) {
    test(`${row} with no active chats: chat INTERRUPTED`, async (t) => {
      const x = await started();
      await availabilityIs(x, 'READY', 'idle');
      const placed = await w.control.placeInternalCall({ agentId: w.agent.id, kind });
      assert.ok(placed.ok);
      await availabilityIs(x, 'INTERRUPTED', 'ringing');
      assert.equal(x.snapshot().chatRule, 'internal-call-without-chats');
      await w.dialogAction(placed.value.dialogId, 'ANSWER', (s) => s === 'ACTIVE');
      await until(() => x.snapshot().voice?.state === 'TALKING', 'TALKING seen', show);
      x.reconciler.offerArrived('o1');
      await until(() => x.declined().includes('o1'), 'offer declined', show);
      assert.equal(availability(x), 'INTERRUPTED');
      assert.ok((await w.control.endCall({ dialogId: placed.value.dialogId })).ok);
      await availabilityIs(x, 'READY', 'call over');
      assert.equal(w.finesseUser().state, 'READY');
      assert.deepEqual(x.accepted(), []);
      assert.equal(x.requests().filter((r) => r.method === 'PUT').length, 0);
      t.diagnostic(assertBounded(x));
    });

    test(`${row} with >= 1 active chats: NOT interrupted`, async (t) => {
      const x = await started();
      await availabilityIs(x, 'READY', 'idle');
      await takeChat(x, 'c1');
      await availabilityIs(x, 'ACTIVE', 'one chat');
      const placed = await w.control.placeInternalCall({ agentId: w.agent.id, kind });
      assert.ok(placed.ok);
      await w.dialogAction(placed.value.dialogId, 'ANSWER', (s) => s === 'ACTIVE');
      await until(() => x.snapshot().voice?.state === 'TALKING', 'TALKING seen', show);
      x.reconciler.offerArrived('c2');
      await until(() => x.accepted().includes('c2'), 'a second chat still accepted during the call', show);
      await availabilityIs(x, 'ACTIVE', 'two chats');
      assert.ok((await w.control.endCall({ dialogId: placed.value.dialogId })).ok);
      await until(() => x.snapshot().voice?.state === 'NOT_READY', 'call over', show);
      assert.ok(w.isHandlingChat(), `the call ends back in Not Ready (Handling Chat): ${show()}`);
      assert.ok(!x.published().includes('INTERRUPTED'), `never interrupted: ${x.published().join(' > ')}`);
      assert.ok(!x.users().some((u) => u.state === 'READY' && x.users().indexOf(u) > 0), 'no READY window');
      assert.equal(x.requests().filter((r) => r.method === 'PUT').length, 1, "only the first chat's Not Ready");
      t.diagnostic(assertBounded(x));
    });
  }
});
