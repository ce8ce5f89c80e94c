// Blending against a Unified CCX Finesse simulator: the table rows where UCCX differs from UCCE (no User state for
// a non-ACD call, supervisor code 33, no pending READY), through REST and real XMPP notifications.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RequestLogEntry } from '../../../sim/finesse/control-types.ts';
import {
  assertBounded,
  availability,
  BlendingWorld,
  finesseAndUsersSeen,
  handClient,
  startedIdle,
  takeChat as takeChatShowing,
  untilPendingHandlingChat,
  until,
  type Blending,
} from './blending-kit.ts';
import { ENGLISH_CAUSES as say } from '../../../src/ui/cause-text.ts';

const w = BlendingWorld.forTestFile({ deployment: 'UCCX' });

const HC = (): string => w.handlingChat.id;
const show = (): string => finesseAndUsersSeen(w);
const puts = (x: Blending): RequestLogEntry[] => x.requests().filter((r) => r.method === 'PUT');
const what = (r: RequestLogEntry): string => `${r.method} ${r.path.replace(/^.*\/User\/\d+/, 'User')} ${r.status}`;

const started = (): Promise<Blending> => startedIdle(w, show);

const takeChat = (x: Blending, id: string): Promise<void> => takeChatShowing(x, id, show);

describe('UCCX: media blending table', () => {
  test('the simulator runs as Unified CCX', () => {
    assert.equal(w.control.state().deployment, 'UCCX');
  });

  test('Idle, ready for both: voice READY, chat READY, nothing requested', async (t) => {
    const x = await started();
    assert.equal(w.finesseUser().state, 'READY');
    assert.equal(puts(x).length, 0);
    t.diagnostic(assertBounded(x));
  });

  test('ACD voice call arrives and ends: chat INTERRUPTED while it lasts, READY after; voice untouched', async (t) => {
    const x = await started();
    const dialogId = await w.placeAcd();
    await until(() => availability(x) === 'INTERRUPTED', 'reserved: chat INTERRUPTED', show);
    x.reconciler.offerArrived('o1');
    await w.dialogAction(dialogId, 'ANSWER', (s) => s === 'ACTIVE');
    await until(() => x.snapshot().voice?.state === 'TALKING', 'TALKING seen', show);
    assert.ok((await w.control.endCall({ dialogId })).ok);
    await until(
      () => availability(x) === 'READY' && x.snapshot().voice?.state === 'READY',
      'call over: chat READY',
      show,
    );
    assert.deepEqual(x.declined(), ['o1']);
    assert.deepEqual(x.published(), ['READY', 'INTERRUPTED', 'READY']);
    assert.equal(puts(x).length, 0);
    t.diagnostic(assertBounded(x));
  });

  test('Chat arrives (C: 0 -> 1) and all chats end: Not Ready (Handling Chat) confirmed before the accept, then Ready', async (t) => {
    const x = await started();
    await takeChat(x, 'c1');
    assert.ok(w.isHandlingChat(), show());
    await until(() => availability(x) === 'ACTIVE', 'chat ACTIVE', show);
    x.reconciler.chatEnded('c1');
    await until(
      () => w.finesseUser().state === 'READY' && x.snapshot().voiceRequest === null,
      'voice READY again',
      show,
    );
    await until(() => availability(x) === 'READY', 'chat READY', show);
    assert.deepEqual(
      puts(x).map((r) => r.status),
      [202, 202],
      'Not Ready (Handling Chat), then Ready',
    );
    t.diagnostic(assertBounded(x));
  });
});

describe('UCCX: internal calls table (no User state for a non-ACD call: only the dialog shows it)', () => {
  test('Transfer call with no active chats: chat INTERRUPTED, voice stays READY in Finesse', async (t) => {
    const x = await started();
    const placed = await w.control.placeInternalCall({ agentId: w.agent.id, kind: 'transfer' });
    assert.ok(placed.ok);
    await until(() => availability(x) === 'INTERRUPTED', 'ringing: chat INTERRUPTED', show);
    await w.dialogAction(placed.value.dialogId, 'ANSWER', (s) => s === 'ACTIVE');
    x.reconciler.offerArrived('o1');
    await until(() => x.declined().includes('o1'), 'offer declined during the call', show);
    assert.equal(x.snapshot().chatRule, 'internal-call-without-chats');
    assert.equal(w.finesseUser().state, 'READY', 'UCCX keeps the User state for a non-ACD call');
    assert.ok((await w.control.endCall({ dialogId: placed.value.dialogId })).ok);
    await until(() => availability(x) === 'READY', 'call over', show);
    assert.ok(!x.users().some((u) => u.state === 'TALKING'), `no TALKING notification under UCCX: ${show()}`);
    assert.equal(puts(x).length, 0);
    t.diagnostic(assertBounded(x));
  });

  test('Transfer call with >= 1 active chats: NOT interrupted, a second chat still accepted, voice stays Not Ready (Handling Chat)', async (t) => {
    const x = await started();
    await takeChat(x, 'c1');
    const placed = await w.control.placeInternalCall({ agentId: w.agent.id, kind: 'transfer' });
    assert.ok(placed.ok);
    await w.dialogAction(placed.value.dialogId, 'ANSWER', (s) => s === 'ACTIVE');
    await until(
      () => x.reconciler.facts().calls.some((c) => c.kind === 'internal'),
      'the transfer seen in the dialogs',
      show,
    );
    x.reconciler.offerArrived('c2');
    await until(() => x.accepted().includes('c2'), 'a second chat accepted during the call', show);
    assert.ok((await w.control.endCall({ dialogId: placed.value.dialogId })).ok);
    await until(() => x.reconciler.facts().calls.length === 0, 'call over', show);
    await w.settle();
    assert.ok(w.isHandlingChat(), show());
    assert.ok(!x.published().includes('INTERRUPTED'), `never interrupted: ${x.published().join(' > ')}`);
    assert.equal(availability(x), 'ACTIVE');
    assert.equal(puts(x).length, 1, "only the first chat's Not Ready");
    t.diagnostic(assertBounded(x));
  });
});

describe('UCCX: supervisor forced Not Ready (code 33) is kept', () => {
  test("the supervisor makes an idle agent Not Ready through REST: seen as the supervisor's, offers declined, nothing requested", async (t) => {
    const x = await started();
    const supervisor = handClient(w.world.simulator.primaryUrl, w.supervisor);
    assert.ok((await supervisor.setTeamMemberState(w.agent.id, { state: 'NOT_READY' })).ok);
    await until(() => x.snapshot().voice?.setBy === 'supervisor', "seen as the supervisor's", show);
    assert.equal(w.finesseUser().reasonCode?.code, 33);
    x.reconciler.offerArrived('o1');
    await until(() => x.declined().includes('o1'), 'offer declined', show);
    await w.settle();
    assert.equal(availability(x), 'NOT_READY');
    assert.equal(puts(x).length, 0);
    t.diagnostic(assertBounded(x));
  });

  test('forced Not Ready during chats: code 33 kept when the chats end', async (t) => {
    const x = await started();
    await takeChat(x, 'c1');
    assert.ok((await w.control.systemNotReady({ agentId: w.agent.id, reason: 'SUPERVISOR' })).ok);
    await until(() => x.snapshot().voice?.setBy === 'supervisor', "seen as the supervisor's", show);
    x.reconciler.chatEnded('c1');
    await w.settle();
    assert.equal(x.snapshot().voiceRequest, null);
    assert.equal(w.finesseUser().state, 'NOT_READY');
    assert.equal(w.finesseUser().reasonCode?.code, 33, "the supervisor's reason kept");
    assert.equal(puts(x).length, 1);
    t.diagnostic(assertBounded(x));
  });
});

describe('UCCX: no pending READY', () => {
  test('rule 4: a call and a chat collide: the pending Not Ready (Handling Chat) is taken, and the call ends straight in it', async (t) => {
    const x = await started();
    await takeChat(x, 'c1');
    w.holdNotifications();
    await w.agentRequest({ state: 'READY' }, (u) => u.state === 'READY');
    const dialogId = await w.placeAcd();
    w.releaseNotifications();
    await untilPendingHandlingChat(w, x);
    await w.dialogAction(dialogId, 'ANSWER', (s) => s === 'ACTIVE');
    assert.ok((await w.control.endCall({ dialogId })).ok);
    await until(
      () => w.isHandlingChat() && x.snapshot().voice?.state === 'NOT_READY',
      'the call ends in Not Ready (Handling Chat)',
      show,
    );
    await until(() => availability(x) === 'ACTIVE', 'chat ACTIVE again', show);
    const sequence = x.users().map((u) => u.state);
    assert.ok(
      !sequence.slice(sequence.indexOf('RESERVED')).includes('READY'),
      `no READY from the reservation on: ${sequence.join(' > ')}`,
    );
    assert.deepEqual(
      puts(x).map((r) => r.status),
      [202, 202],
      "the first chat's Not Ready, then the pending one",
    );
    t.diagnostic(assertBounded(x));
  });

  test('rule 1 race: the pending Ready is refused (CF_INVALID_AGENT_WORKMODE); the controller re-reads, asks nothing more during the call, and restores Ready after it', async (t) => {
    const x = await started();
    w.holdNotifications();
    const dialogId = await w.placeAcd();
    x.reconciler.offerArrived('o1');
    await until(
      () => w.finesseUser().pendingState === 'NOT_READY',
      'the reservation for the chat became the pending state',
      show,
    );
    w.releaseNotifications();
    await until(() => x.declined().includes('o1'), 'the offer declined: it goes elsewhere', show);
    await until(
      () => x.snapshot().log.some((e) => e.kind === 'voice-refused') && x.snapshot().voiceRequest === null,
      'the pending Ready refused, re-read',
      show,
    );
    assert.deepEqual(x.accepted(), []);
    assert.match(
      x
        .snapshot()
        .log.filter((e) => e.kind === 'voice-refused')
        .map((e) => say.log(e.cause))
        .at(-1) ?? '',
      /during the call: Ready once the call ends/,
    );

    await w.dialogAction(dialogId, 'ANSWER', (s) => s === 'ACTIVE');
    await w.dialogAction(dialogId, 'HOLD', (s) => s === 'HELD');
    await w.dialogAction(dialogId, 'RETRIEVE', (s) => s === 'ACTIVE');
    await w.settle();
    assert.equal(puts(x).length, 2, 'no Ready asked again at each step of the call');
    assert.ok((await w.control.endCall({ dialogId })).ok);
    await until(
      () => w.finesseUser().state === 'READY' && x.snapshot().voiceRequest === null,
      'Ready restored after the call',
      show,
    );
    await until(() => availability(x) === 'READY', 'chat READY', show);
    const log = x.requests().map(what);
    assert.deepEqual(
      log.filter((r) => r.startsWith('PUT')),
      ['PUT User 202', 'PUT User 202', 'PUT User 202'],
      `Not Ready (Handling Chat), the refused pending Ready, Ready after the call: ${log.join(', ')}`,
    );
    const refusedAt = log.indexOf('PUT User 202', log.indexOf('PUT User 202') + 1);
    assert.deepEqual(
      log.slice(refusedAt + 1, refusedAt + 3).sort(),
      ['GET User 200', 'GET User/Dialogs 200'],
      'the refusal answered by re-reading',
    );
    assert.ok(
      x.users().some((u) => u.state === 'NOT_READY' && u.reasonCodeId === HC()),
      "the call ended in the gadget's Not Ready, as UCCX must",
    );
    t.diagnostic(assertBounded(x));
  });
});
