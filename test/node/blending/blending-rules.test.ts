// The nine blending rules of docs/blending-rules.md (rule 8, ownership, is in ownership-coordinator.test.ts),
// each as scenarios through the reconciler with a Finesse stand-in.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dialog, HANDLING_CHAT, REASONS, user } from './support/builders.ts';
import { harness } from './support/harness.ts';
import { INVALID_STATE, TIMEOUT, UNAVAILABLE } from './support/fakes.ts';
import { ENGLISH_CAUSES as say } from '../../../src/ui/cause-text.ts';

const HC = HANDLING_CHAT.id;
const NOT_READY_HC = { state: 'NOT_READY', reasonCodeId: HC };
const READY = { state: 'READY', reasonCodeId: null };

describe('rule 1: reserve voice before taking the first chat', () => {
  it('chat offered while READY: voice NOT_READY Handling Chat is confirmed before the chat is accepted', async () => {
    const t = await harness({ confirm: 'manual' });
    t.reconciler.offerArrived('chat-1');
    await t.flush();
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC]);
    assert.deepEqual(t.chat.accepted, [], 'no accept before Finesse confirms');
    t.notifyUser(user('NOT_READY', HC), t.voicePort.lastRequestId);
    await t.flush();
    assert.deepEqual(t.chat.accepted, ['chat-1']);
    assert.equal(t.chat.availability, 'ACTIVE');
  });

  it('Finesse refuses because the agent was just reserved for a call: the offer is declined so it is routed elsewhere', async () => {
    const t = await harness({ confirm: 'manual' });
    t.voicePort.onRequest = () => {
      t.factsPort.user = user('RESERVED');
      t.factsPort.dialogs = [dialog('d1', 'ACD_IN', 'ALERTING')];
      return INVALID_STATE;
    };
    t.reconciler.offerArrived('chat-1');
    await t.flush();
    assert.deepEqual(t.chat.accepted, []);
    assert.equal(t.chat.declined.length, 1);
    assert.equal(t.chat.declined[0]?.offerId, 'chat-1');
    assert.equal(t.chat.availability, 'INTERRUPTED');
    assert.equal(t.voicePort.requests.length, 1, 'no second attempt');
    assert.match(
      t.chat.declined[0]?.reason ?? '',
      /Finesse refused to set voice Not Ready \(the agent may have been reserved for a call\)/,
    );
  });

  it('the reservation notification lost: after the timeout the state is re-read, and the chat accepted once it shows', async () => {
    const t = await harness({ confirm: 'manual' });
    t.reconciler.offerArrived('chat-1');
    await t.flush();
    t.factsPort.user = user('NOT_READY', HC); // applied by Finesse, notification never arrives
    t.timers.advance(10_000);
    await t.flush();
    assert.deepEqual(t.chat.accepted, ['chat-1']);
    assert.equal(t.voicePort.requests.length, 1);
  });
});

describe('rule 2: restore only what the gadget set', () => {
  it("all chats end while voice is the gadget's Not Ready (Handling Chat): voice back to READY", async () => {
    const t = await harness();
    t.reconciler.offerArrived('c1');
    await t.flush();
    t.reconciler.chatEnded('c1');
    await t.flush();
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC, READY]);
    assert.equal(t.factsPort.user.state, 'READY');
    assert.equal(t.chat.availability, 'READY');
  });

  for (const [who, u] of [
    ['the agent (Lunch)', user('NOT_READY', REASONS.lunch?.id ?? '3')],
    ['the supervisor (system code 999)', user('NOT_READY', '999')],
    ['the system (code 50002)', user('NOT_READY', '50002')],
  ] as const) {
    it(`all chats end while voice is Not Ready set by ${who}: voice is kept`, async () => {
      const t = await harness();
      t.reconciler.offerArrived('c1');
      await t.flush();
      t.notifyUser(u, who.startsWith('the agent') ? 'desktop-1' : null);
      await t.flush();
      t.reconciler.chatEnded('c1');
      await t.flush();
      assert.deepEqual(t.voicePort.requests, [NOT_READY_HC]);
      assert.equal(t.factsPort.user.reasonCodeId, u.reasonCodeId);
    });
  }

  it('Handling Chat is reserved for the gadget: even picked from the desktop menu, with no chats voice goes back to Ready', async () => {
    const t = await harness();
    t.notifyUser(user('NOT_READY', HC), 'desktop-7');
    await t.flush();
    assert.equal(t.reconciler.facts().voice?.setBy, 'gadget');
    assert.deepEqual(t.voicePort.requests, [READY]);
  });

  it('signed out (LOGOUT) is never touched', async () => {
    const t = await harness({ user: user('LOGOUT') });
    t.reconciler.offerArrived('c1');
    await t.flush();
    assert.deepEqual(t.voicePort.requests, []);
    assert.equal(t.chat.declined.length, 1);
  });
});

describe('rule 3: agent intent is remembered', () => {
  it('the agent picks Not Ready (Lunch) during chats: no new chats, chats continue, voice stays Lunch at the end', async () => {
    const t = await harness();
    t.reconciler.offerArrived('c1');
    await t.flush();
    t.notifyUser(user('NOT_READY', '3'), 'desktop-1');
    await t.flush();
    assert.equal(t.chat.availability, 'NOT_READY');
    assert.match(t.chat.published.at(-1)?.reason ?? '', /Lunch.*1 chat continue/);
    t.reconciler.offerArrived('c2');
    await t.flush();
    assert.deepEqual(t.chat.accepted, ['c1']);
    assert.equal(t.chat.declined[0]?.offerId, 'c2');
    t.reconciler.chatEnded('c1');
    await t.flush();
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC]);
    assert.equal(t.factsPort.user.reasonCodeId, '3');
  });

  it('the agent picks READY during chats: answered once with Not Ready (Handling Chat) and an explanation', async () => {
    const t = await harness();
    t.reconciler.offerArrived('c1');
    await t.flush();
    t.notifyUser(user('READY'), 'desktop-1');
    await t.flush();
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC, NOT_READY_HC]);
    assert.equal(t.factsPort.user.reasonCodeId, HC);
    const said =
      t.reconciler
        .snapshot()
        .log.filter((e) => e.kind === 'voice-request')
        .map((e) => say.log(e.cause))
        .at(-1) ?? '';
    assert.match(said, /voice stays Not Ready until the chats end/);
    // A second agent action gets a second answer: once per action.
    t.notifyUser(user('READY'), 'desktop-2');
    await t.flush();
    assert.equal(t.voicePort.requests.length, 3);
  });

  it('the answer to READY refused by Finesse: no loop, the gadget does not ask again until something changes', async () => {
    const t = await harness();
    t.reconciler.offerArrived('c1');
    await t.flush();
    t.voicePort.onRequest = () => INVALID_STATE; // Finesse keeps refusing, the state stays READY
    t.notifyUser(user('READY'), 'desktop-1');
    await t.flush();
    t.timers.advance(60_000);
    await t.flush();
    assert.equal(t.voicePort.requests.length, 2, 'one reservation, one answer, no more');
  });
});

describe('rule 4: never a READY window while chats are active', () => {
  it('an ACD call collides with a chat: the pending state makes the call end straight in Not Ready (Handling Chat)', async () => {
    const t = await harness();
    t.reconciler.offerArrived('c1');
    await t.flush();
    // The agent clicks READY and a call is routed before the gadget's answer gets through.
    t.voicePort.onRequest = null;
    t.notifyUser(user('READY'), 'desktop-1');
    t.notifyUser(user('RESERVED'));
    t.notifyDialogs([dialog('d1', 'ACD_IN', 'ALERTING')]);
    await t.flush();
    // The answer made during the call became Finesse's pendingState.
    t.notifyUser(user('RESERVED', HC, 'NOT_READY'), t.voicePort.lastRequestId);
    await t.flush();
    assert.equal(t.chat.availability, 'INTERRUPTED');
    t.notifyUser(user('TALKING', HC, 'NOT_READY'));
    t.notifyDialogs([dialog('d1', 'ACD_IN', 'ACTIVE')]);
    // With wrap-up the pending NOT_READY means WORK, then NOT_READY with the pending reason.
    t.notifyUser(user('WORK', HC));
    t.notifyDialogs([]);
    t.notifyUser(user('NOT_READY', HC));
    await t.flush();
    assert.deepEqual(t.voicePort.requests.slice(1), [NOT_READY_HC]);
    assert.equal(t.chat.availability, 'ACTIVE');
  });

  it('talking on a call placed while READY with a chat active: pending Not Ready (Handling Chat) is asked for', async () => {
    const t = await harness({ user: user('TALKING'), dialogs: [dialog('d1', 'ACD_IN')] });
    t.reconciler.chatStarted('c1'); // a chat rejoined after a reload
    await t.flush();
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC]);
    assert.equal(t.reconciler.snapshot().voice?.pendingState, 'NOT_READY');
  });

  it('wrap-up heading to READY with chats active: leave it into Not Ready (Handling Chat)', async () => {
    const t = await harness({ user: user('WORK_READY') });
    t.reconciler.chatStarted('c1');
    await t.flush();
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC]);
    assert.equal(t.factsPort.user.state, 'NOT_READY');
  });
});

describe('rule 5: one reconciler, one request in flight, bounded', () => {
  it('while a request waits for its confirmation, fact changes make no second request', async () => {
    const t = await harness({ confirm: 'manual' });
    t.reconciler.offerArrived('c1');
    await t.flush();
    t.reconciler.offerArrived('c2');
    t.reconciler.setChatIntent('unavailable');
    t.reconciler.setChatIntent('available');
    await t.flush();
    assert.equal(t.voicePort.requests.length, 1);
    assert.equal(t.reconciler.snapshot().voiceRequest?.phase, 'awaiting-confirmation');
  });

  it('503 is retried with exponential backoff and jitter, then given up after four attempts', async () => {
    const t = await harness({ confirm: 'manual', random: () => 0 });
    t.voicePort.answerNext(UNAVAILABLE, UNAVAILABLE, UNAVAILABLE, UNAVAILABLE);
    t.reconciler.offerArrived('c1');
    await t.flush();
    const at: number[] = [t.timers.now()];
    for (let i = 0; i < 5; i++) {
      const due = t.timers.nextDue();
      if (due === null) break;
      t.timers.runNext();
      await t.flush();
      if (t.voicePort.requests.length > at.length) at.push(t.timers.now());
    }
    assert.equal(t.voicePort.requests.length, 4);
    // random() = 0 gives half of 1 s, 2 s, 4 s.
    assert.deepEqual(
      at.slice(1).map((x, i) => x - (at[i] ?? 0)),
      [500, 1000, 2000],
    );
    assert.equal(
      t.chat.declined[0]?.offerId,
      'c1',
      'the offer waiting for voice is declined when voice cannot be reserved',
    );
    assert.equal(
      t.chat.declined[0]?.reason,
      'Declined: Finesse is out of service, so this chat went to another agent',
      'an outage is the cause given, not a call reservation',
    );
    assert.match(
      t.reconciler
        .snapshot()
        .log.map((e) => say.log(e.cause))
        .at(-2) ??
        t.reconciler
          .snapshot()
          .log.map((e) => say.log(e.cause))
          .join('|'),
      /Could not set voice|Declined/,
    );
  });

  it('a confirmation timeout re-reads the facts; if Finesse applied it, no second request', async () => {
    const t = await harness({ confirm: 'manual' });
    // Finesse applied the change, but the HTTP answer timed out and the notification never came.
    t.voicePort.onRequest = () => {
      t.factsPort.user = user('NOT_READY', HC);
      return TIMEOUT;
    };
    t.reconciler.offerArrived('c1');
    await t.flush();
    t.timers.advance(30_000);
    await t.flush();
    assert.equal(t.voicePort.requests.length, 1);
    assert.deepEqual(t.chat.accepted, ['c1']);
  });

  it('Invalid State means "facts changed": it is re-read and reconciled, not shown as an error', async () => {
    const t = await harness({ confirm: 'manual' });
    const readsBefore = t.factsPort.reads;
    t.voicePort.onRequest = () => INVALID_STATE;
    t.reconciler.offerArrived('c1');
    await t.flush();
    assert.equal(t.factsPort.reads, readsBefore + 1);
    const kinds = t.reconciler.snapshot().log.map((e) => e.kind);
    assert.ok(kinds.includes('voice-refused'));
    assert.ok(!kinds.includes('voice-failed'));
  });

  it('an asynchronous CF_INVALID_OBJECT_STATE for the request is handled like Invalid State', async () => {
    const t = await harness({ confirm: 'manual' });
    t.reconciler.offerArrived('c1');
    await t.flush();
    t.reconciler.handleUpdate({
      event: 'PUT',
      requestId: t.voicePort.lastRequestId,
      source: '/finesse/api/User/1001001',
      data: {
        kind: 'apiErrors',
        errors: [
          {
            errorType: 'CF_INVALID_OBJECT_STATE',
            errorMessage: '',
            errorData: null,
            peripheralErrorCode: null,
            peripheralErrorMsg: null,
            peripheralErrorText: null,
          },
        ],
      },
    });
    await t.flush();
    assert.equal(t.chat.declined[0]?.offerId, 'c1');
    assert.equal(t.reconciler.snapshot().voiceRequest, null);
  });

  it('duplicated notifications change nothing and cause no request', async () => {
    const t = await harness();
    t.reconciler.offerArrived('c1');
    await t.flush();
    const n = t.voicePort.requests.length;
    for (let i = 0; i < 3; i++) t.notifyUser(user('NOT_READY', HC));
    await t.flush();
    assert.equal(t.voicePort.requests.length, n);
    assert.ok(t.reconciler.stats().requests <= t.reconciler.stats().factChanges);
  });
});

describe('rule 6: degraded means hold still', () => {
  it('Finesse out of service: no voice request, offers declined, shown; on recovery re-read and reconcile', async () => {
    const t = await harness();
    t.reconciler.offerArrived('c1');
    await t.flush();
    t.reconciler.setConnectivity({ finesseInService: false });
    t.reconciler.chatEnded('c1');
    t.reconciler.offerArrived('c2');
    await t.flush();
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC]);
    assert.equal(t.chat.declined[0]?.offerId, 'c2');
    assert.equal(t.chat.availability, 'INTERRUPTED');
    assert.match(say.hold(t.reconciler.snapshot().degraded ?? { kind: 'notifications-down' }), /out of service/);
    const reads = t.factsPort.reads;
    t.reconciler.setConnectivity({ finesseInService: true });
    await t.flush();
    assert.equal(t.factsPort.reads, reads + 1);
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC, READY]);
    assert.equal(t.chat.availability, 'READY');
  });

  it('notifications down also holds still', async () => {
    const t = await harness();
    t.reconciler.setConnectivity({ notificationsUp: false });
    t.reconciler.offerArrived('c1');
    await t.flush();
    assert.deepEqual(t.voicePort.requests, []);
    assert.equal(t.chat.declined.length, 1);
  });
});

describe('rule 7: sign-out hands chats back, sign-in signs in to chat', () => {
  it('signing out of Finesse with chats: chats go back to the router first, then chat goes OFFLINE', async () => {
    const t = await harness();
    t.reconciler.offerArrived('c1');
    t.reconciler.offerArrived('c2');
    await t.flush();
    const publishedBefore = t.chat.published.length;
    t.notifyUser(user('LOGOUT'), 'desktop-1');
    assert.equal(t.chat.handedBack.length, 1);
    assert.equal(t.chat.published.length, publishedBefore, 'not OFFLINE before the chats are handed back');
    await t.flush();
    assert.match(t.chat.handedBack[0] ?? '', /2 chats handed back/);
    assert.equal(t.chat.availability, 'OFFLINE');
    assert.equal(t.reconciler.facts().activeChats, 0);
  });

  it('signing in to Finesse signs in to chat', async () => {
    const t = await harness({ user: user('LOGOUT') });
    assert.equal(t.chat.availability, 'OFFLINE');
    t.notifyUser(user('NOT_READY', '3'), 'desktop-1');
    t.notifyUser(user('READY'), 'desktop-2');
    await t.flush();
    assert.equal(t.chat.availability, 'READY');
    assert.ok(t.reconciler.snapshot().log.some((e) => /signed in to chat/.test(say.log(e.cause))));
  });
});

describe('rule 9: explainable', () => {
  it('every change the gadget makes is in the decision log with a human reason', async () => {
    const t = await harness();
    t.reconciler.offerArrived('c1');
    t.reconciler.offerArrived('c2');
    await t.flush();
    t.reconciler.chatEnded('c1');
    t.reconciler.chatEnded('c2');
    await t.flush();
    const log = t.reconciler.snapshot().log;
    const reasons = log.map((e) => `${e.kind}: ${say.log(e.cause)}`);
    assert.ok(
      reasons.includes('voice-request: Not Ready (Handling Chat): reserving voice to take a chat'),
      reasons.join('\n'),
    );
    assert.ok(
      reasons.some((r) =>
        r.startsWith('offer-accepted: Accepted: voice is Not Ready (Handling Chat), now handling 2 chats'),
      ),
      reasons.join('\n'),
    );
    assert.ok(
      reasons.includes('chat-availability: Chat availability Active: handling 2 of 5 chats'),
      reasons.join('\n'),
    );
    assert.ok(reasons.includes('voice-request: Ready: all chats ended, voice back to Ready'), reasons.join('\n'));
    assert.equal(log.filter((e) => e.kind === 'voice-request').length, t.voicePort.requests.length);
    assert.equal(log.filter((e) => e.kind === 'offer-accepted').length, t.chat.accepted.length);
  });
});

describe('reconciler details found by the property tests', () => {
  it('a notification older than what a re-read showed (by stateChangeTime) does not win', async () => {
    const t = await harness({
      confirm: 'manual',
      user: { ...user('NOT_READY', '3'), stateChangeTime: '2026-01-01T10:00:05Z' },
    });
    t.notifyUser({ ...user('READY'), stateChangeTime: '2026-01-01T10:00:01Z' });
    await t.flush();
    assert.equal(t.reconciler.facts().voice?.reasonCodeId, '3');
  });

  it('a restore refused with nothing changed is tried once more after the periodic re-read, not in a loop', async () => {
    const t = await harness({ confirm: 'manual', user: user('NOT_READY', HC) });
    const wait = async (seconds: number): Promise<void> => {
      for (let i = 0; i < seconds; i++) {
        t.timers.advance(1000);
        await t.flush();
      }
    };
    assert.deepEqual(t.voicePort.requests, [READY], 'the restore is sent, its confirmation never comes');
    t.voicePort.onRequest = () => INVALID_STATE;
    await wait(15); // timed out, re-read, retried, refused
    assert.equal(t.voicePort.requests.length, 2);
    await wait(60);
    assert.equal(t.voicePort.requests.length, 2, 'no loop');
    t.voicePort.onRequest = (_r, requestId) => {
      queueMicrotask(() => t.notifyUser(user('READY'), requestId));
    };
    await wait(120);
    assert.equal(t.voicePort.requests.length, 3, 'one slow retry after the periodic re-read');
    assert.equal(t.reconciler.stats().slowRetries, 1);
    assert.equal(t.factsPort.user.state, 'READY');
  });
});
