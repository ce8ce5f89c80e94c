// Calls and pending states as the Finesse simulator showed them to the controller: an internal call's dialog gone
// before the User leaves TALKING, a pending NOT_READY without its reason, and a call that would end in the
// gadget's Not Ready with no chat left (Ready asked as the pending state; Unified CCX refuses that).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decide } from '../../../src/core/blending/policy.ts';
import { readSituation } from '../../../src/core/blending/situation.ts';
import { classifyDialogs } from '../../../src/core/blending/dialog-classifier.ts';
import type { AgentState } from '../../../src/core/finesse/types.ts';
import { dialog, EXTENSION, facts, HANDLING_CHAT, user, voice } from './support/builders.ts';
import { harness } from './support/harness.ts';
import { INVALID_STATE } from './support/fakes.ts';
import { ENGLISH_CAUSES as say } from '../../../src/ui/cause-text.ts';

const HC = HANDLING_CHAT.id;
const NOT_READY_HC = { state: 'NOT_READY', reasonCodeId: HC };
const READY = { state: 'READY', reasonCodeId: null };

type Harness = Awaited<ReturnType<typeof harness>>;

/** Finesse's asynchronous refusal of a request it had accepted (202), as Unified CCX sends it during a call. */
function refuseLater(t: Harness, requestId: string, errorType = 'CF_INVALID_AGENT_WORKMODE'): void {
  t.reconciler.handleUpdate({
    event: 'PUT',
    requestId,
    source: '/finesse/api/User/1001001',
    data: {
      kind: 'apiErrors',
      errors: [
        {
          errorType,
          errorMessage: '',
          errorData: null,
          peripheralErrorCode: null,
          peripheralErrorMsg: null,
          peripheralErrorText: null,
        },
      ],
    },
  });
}

/** Offers a chat and lets Finesse confirm the reservation: the agent is Not Ready (Handling Chat) with one chat. */
async function oneChat(t: Harness, id = 'c1'): Promise<void> {
  t.reconciler.offerArrived(id);
  await t.flush();
  t.notifyUser(user('NOT_READY', HC), t.voicePort.lastRequestId);
  await t.flush();
  assert.deepEqual(t.chat.accepted, [id]);
}

describe('a call that began while the agent was Not Ready is not routed', () => {
  for (const state of ['TALKING', 'HOLD'] as AgentState[]) {
    it(`${state} with no dialog known, begun while Not Ready: not taken for an ACD call`, () => {
      for (const reasonCodeId of [HC, '3']) {
        const s = readSituation(
          facts({
            voice: voice(state, { setBy: 'call', beforeCall: { state: 'NOT_READY', reasonCodeId } }),
            activeChats: 1,
          }),
        );
        assert.equal(s.acd, null, `begun in Not Ready (reason ${reasonCodeId})`);
      }
    });

    it(`${state} with no dialog known, begun while READY or before the gadget looked: still taken for an ACD call until the dialogs say otherwise`, () => {
      for (const beforeCall of [{ state: 'READY' as const, reasonCodeId: null }, null]) {
        assert.equal(readSituation(facts({ voice: voice(state, { setBy: 'call', beforeCall }) })).acd, state);
      }
    });
  }

  it('an internal call ends with a chat active, its dialog deleted before the User leaves TALKING: chat stays ACTIVE, never INTERRUPTED', async () => {
    const t = await harness({ confirm: 'manual' });
    await oneChat(t);
    const publishedBefore = t.chat.published.length;
    t.notifyDialogs([dialog('d1', 'TRANSFER', 'ALERTING')]);
    t.notifyUser(user('TALKING'));
    t.notifyDialogs([dialog('d1', 'TRANSFER', 'ACTIVE')]);
    await t.flush();
    assert.equal(t.chat.availability, 'ACTIVE');
    // The far side hangs up: Finesse deletes the dialog first, the User leaves TALKING a moment later.
    t.notifyDialogs([]);
    await t.flush();
    assert.equal(t.chat.availability, 'ACTIVE', 'TALKING with the dialog gone');
    t.notifyUser(user('NOT_READY', HC));
    await t.flush();
    const during = t.chat.published.slice(publishedBefore).map((p) => p.availability);
    assert.ok(!during.includes('INTERRUPTED'), `never interrupted: ${during.join(' > ')}`);
    assert.equal(t.chat.availability, 'ACTIVE');
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC], 'nothing to ask: the call ends where it began');
  });
});

describe("the gadget's pending NOT_READY shown without its reason", () => {
  it('during an internal call with a chat, the agent picks READY: the answer, pending without a reason, is known as Handling Chat, so chat stays ACTIVE and a second chat is taken', async () => {
    const t = await harness({ confirm: 'manual' });
    await oneChat(t);
    t.notifyDialogs([dialog('d1', 'CONSULT', 'ACTIVE')]);
    t.notifyUser(user('TALKING'));
    await t.flush();
    t.notifyUser(user('TALKING', null, 'READY'), 'desktop-1');
    await t.flush();
    assert.deepEqual(
      t.voicePort.requests,
      [NOT_READY_HC, NOT_READY_HC],
      "the agent's READY answered with a pending Not Ready",
    );
    // Finesse shows the pending state without its reason (the User carries only the current state's reason).
    t.notifyUser(user('TALKING', null, 'NOT_READY'), t.voicePort.lastRequestId);
    await t.flush();
    const v = t.reconciler.snapshot().voice;
    assert.equal(v?.pendingState, 'NOT_READY');
    assert.equal(v?.reasonCodeId, HC, "the gadget's own pending request is Handling Chat");
    assert.equal(readSituation(t.reconciler.facts()).callEndsInHandlingChat, true);
    assert.equal(t.chat.availability, 'ACTIVE');
    t.reconciler.offerArrived('c2');
    await t.flush();
    assert.deepEqual(t.chat.accepted, ['c1', 'c2']);
    assert.equal(t.voicePort.requests.length, 2, 'no request again for the same pending state');
  });

  it('it stays Handling Chat while the call moves on (hold, a re-read), and the call ends in Not Ready (Handling Chat)', async () => {
    const t = await harness({ confirm: 'manual', user: user('TALKING'), dialogs: [dialog('d1', 'ACD_IN')] });
    t.reconciler.chatStarted('c1'); // a chat rejoined after a reload, during an ACD call
    await t.flush();
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC]);
    t.notifyUser(user('TALKING', null, 'NOT_READY'), t.voicePort.lastRequestId);
    await t.flush();
    assert.equal(t.reconciler.snapshot().voiceRequest, null, 'confirmed');
    t.notifyUser(user('HOLD', null, 'NOT_READY'), 'desktop-hold'); // the agent's dialog action, not a state request
    t.notifyDialogs([dialog('d1', 'ACD_IN', 'HELD')]);
    t.reconciler.resync();
    await t.flush();
    assert.equal(t.reconciler.snapshot().voice?.reasonCodeId, HC);
    assert.equal(t.chat.availability, 'INTERRUPTED');
    assert.match(t.chat.published.at(-1)?.reason ?? '', /ACD call/);
    t.notifyDialogs([]);
    t.notifyUser(user('NOT_READY', HC));
    await t.flush();
    assert.equal(t.chat.availability, 'ACTIVE');
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC], 'one request, never repeated');
  });

  it("someone else's pending NOT_READY without a reason is not taken for Handling Chat: kept as their choice", async () => {
    const t = await harness({ confirm: 'manual' });
    await oneChat(t);
    t.notifyDialogs([dialog('d1', 'TRANSFER', 'ACTIVE')]);
    t.notifyUser(user('TALKING'));
    t.notifyUser(user('TALKING', null, 'NOT_READY'), 'desktop-1');
    await t.flush();
    assert.equal(t.reconciler.snapshot().voice?.reasonCodeId, null);
    assert.equal(t.chat.availability, 'NOT_READY');
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC], "the agent's pending choice is not overridden");
  });
});

describe("a pending NOT_READY without its reason is the gadget's only when its requestId says so (found by the property tests)", () => {
  it("the agent's pending Not Ready arrives while the gadget's own request still waits for its answer: not taken for Handling Chat, never overridden", async () => {
    const t = await harness({ confirm: 'manual' });
    t.voicePort.onRequest = () => {
      t.voicePort.onRequest = null;
      // Meanwhile the router reserved the agent, and the agent picked Not Ready (Lunch) for after the call.
      t.notifyUser(user('RESERVED'));
      t.notifyDialogs([dialog('d1', 'ACD_IN', 'ALERTING')]);
      t.notifyUser(user('RESERVED', null, 'NOT_READY'), 'desktop-1');
      return INVALID_STATE;
    };
    t.reconciler.offerArrived('o1');
    await t.flush();
    assert.equal(t.reconciler.snapshot().voice?.reasonCodeId, null, "someone else's pending Not Ready");
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC], "no Ready over the agent's pending choice");
    assert.deepEqual(
      t.chat.declined.map((d) => d.offerId),
      ['o1'],
    );
  });

  it("the gadget's own notification arrives before its 202: the 202 makes the pending Not Ready Handling Chat", async () => {
    const t = await harness({ confirm: 'manual' });
    t.voicePort.onRequest = (_request, requestId) => {
      t.voicePort.onRequest = null;
      t.notifyUser(user('RESERVED'));
      t.notifyDialogs([dialog('d1', 'ACD_IN', 'ALERTING')]);
      t.notifyUser(user('RESERVED', null, 'NOT_READY'), requestId);
    };
    t.reconciler.offerArrived('o1');
    await t.flush();
    assert.equal(t.reconciler.snapshot().voice?.reasonCodeId, HC);
    assert.deepEqual(
      t.voicePort.requests,
      [NOT_READY_HC, READY],
      'the chat went elsewhere: Ready as the pending state',
    );
  });

  it("a re-read overtakes the agent's change of the pending state: the pending Not Ready is no longer surely the gadget's, so it is not undone when the chats end", async () => {
    const t = await harness({ confirm: 'manual', user: user('TALKING'), dialogs: [dialog('d1', 'ACD_IN')] });
    t.reconciler.chatStarted('c1');
    await t.flush();
    t.notifyUser(user('TALKING', null, 'NOT_READY'), t.voicePort.lastRequestId);
    await t.flush();
    // The agent picks Not Ready (Lunch) for after the call; its notification is still on its way when a re-read runs.
    t.factsPort.user = user('TALKING', null, 'NOT_READY');
    t.reconciler.resync();
    await t.flush();
    assert.equal(t.reconciler.snapshot().voice?.pendingUnconfirmed, true);
    t.reconciler.chatEnded('c1');
    await t.flush();
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC], "no Ready over what may be the agent's choice");
    t.notifyUser(user('TALKING', null, 'NOT_READY'), 'desktop-1');
    t.notifyDialogs([]);
    t.notifyUser(user('NOT_READY', '3'));
    await t.flush();
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC], "the agent's Lunch is kept after the call");
    assert.equal(t.chat.availability, 'NOT_READY');
  });

  it("a duplicate of the gadget's own notification after such a re-read tells nothing new: no Ready asked again", async () => {
    const t = await harness({ confirm: 'manual' });
    t.reconciler.offerArrived('o1');
    await t.flush();
    const reservation = t.voicePort.lastRequestId;
    t.notifyUser(user('RESERVED'));
    t.notifyDialogs([dialog('d1', 'ACD_IN', 'ALERTING')]);
    t.notifyUser(user('RESERVED', null, 'NOT_READY'), reservation);
    await t.flush();
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC, READY]);
    // The pending Ready is never confirmed: after the timeout a re-read shows the pending Not Ready, unconfirmed now.
    t.timers.advance(10_000);
    await t.flush();
    assert.equal(t.reconciler.snapshot().voice?.pendingUnconfirmed, true);
    t.notifyUser(user('RESERVED', null, 'NOT_READY'), reservation); // the old notification once more
    t.timers.advance(5_000);
    await t.flush();
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC, READY], 'nothing new, so nothing asked');
  });

  it("...and when it was the gadget's after all, the call ends in Not Ready (Handling Chat) and Ready is restored then", async () => {
    const t = await harness({ confirm: 'manual', user: user('TALKING'), dialogs: [dialog('d1', 'ACD_IN')] });
    t.reconciler.chatStarted('c1');
    await t.flush();
    t.notifyUser(user('TALKING', null, 'NOT_READY'), t.voicePort.lastRequestId);
    t.reconciler.resync();
    await t.flush();
    t.reconciler.chatEnded('c1');
    await t.flush();
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC]);
    t.notifyDialogs([]);
    t.notifyUser(user('NOT_READY', HC));
    await t.flush();
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC, READY]);
  });
});

describe("a call that would end in the gadget's Not Ready with no chat left gets Ready as its pending state", () => {
  const acdRinging = classifyDialogs([dialog('d1', 'ACD_IN', 'ALERTING')], EXTENSION);
  const pendingHandlingChat = voice('RESERVED', {
    pendingState: 'NOT_READY',
    reasonCodeId: HC,
    setBy: 'call',
    beforeCall: { state: 'READY', reasonCodeId: null },
  });

  it("policy: reserved for a call with the gadget's pending Not Ready and no chats or offers: Ready is asked as the pending state", () => {
    for (const offers of [[], [{ id: 'o1', status: 'new' as const }]]) {
      const d = decide(facts({ voice: pendingHandlingChat, calls: acdRinging, offers }));
      assert.deepEqual(d.voice?.request, READY);
      assert.equal(d.voice?.purpose, 'restore');
      assert.equal(d.voice && say.voice(d.voice.cause), 'Ready after the call: no chats to hold voice for');
      assert.ok(
        d.offers.every((o) => o.action === 'decline'),
        'the offer goes elsewhere',
      );
    }
  });

  it('policy: with a chat still active the pending Not Ready is kept', () => {
    assert.equal(decide(facts({ voice: pendingHandlingChat, calls: acdRinging, activeChats: 1 })).voice, null);
  });

  /** The rule 1 race: the reservation for a chat reaches Finesse just after the router reserved the agent for a call. */
  async function raceLost(t: Harness): Promise<void> {
    t.reconciler.offerArrived('o1');
    await t.flush();
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC]);
    t.notifyUser(user('RESERVED'));
    t.notifyDialogs([dialog('d1', 'ACD_IN', 'ALERTING')]);
    t.notifyUser(user('RESERVED', HC, 'NOT_READY'), t.voicePort.lastRequestId);
    await t.flush();
    assert.deepEqual(
      t.chat.declined.map((d) => d.offerId),
      ['o1'],
      'the offer is declined, so the router routes it elsewhere',
    );
    assert.deepEqual(t.chat.accepted, []);
  }

  it('UCCE: the rule 1 race lost, the pending state is set to Ready and the call ends in Ready, never in Not Ready', async () => {
    const t = await harness({ confirm: 'manual' });
    await raceLost(t);
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC, READY], 'Ready asked while the call is still ringing');
    t.notifyUser(user('RESERVED', null, 'READY'), t.voicePort.lastRequestId);
    await t.flush();
    assert.equal(t.reconciler.snapshot().voiceRequest, null, 'the pending Ready is confirmed');
    t.notifyUser(user('TALKING', null, 'READY'));
    t.notifyDialogs([dialog('d1', 'ACD_IN', 'ACTIVE')]);
    t.notifyDialogs([]);
    t.notifyUser(user('READY'));
    await t.flush();
    assert.equal(t.chat.availability, 'READY');
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC, READY], 'nothing to restore after the call');
  });

  it('UCCX: Finesse refuses the pending Ready (CF_INVALID_AGENT_WORKMODE); the controller re-reads, asks no more during the call, and restores Ready after it', async () => {
    const t = await harness({ confirm: 'manual', deployment: 'UCCX' });
    await raceLost(t);
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC, READY]);
    const reads = t.factsPort.reads;
    t.factsPort.user = user('RESERVED', HC, 'NOT_READY');
    refuseLater(t, t.voicePort.lastRequestId);
    await t.flush();
    assert.equal(t.factsPort.reads, reads + 1, 'the refusal is answered by re-reading');
    assert.ok(t.reconciler.snapshot().log.some((e) => e.kind === 'voice-refused'));
    t.notifyUser(user('TALKING', HC, 'NOT_READY'));
    t.notifyDialogs([dialog('d1', 'ACD_IN', 'ACTIVE')]);
    t.timers.advance(60_000);
    await t.flush();
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC, READY], 'no second Ready while the call lasts');
    // The call ends in the pending Not Ready (Handling Chat): the gadget set it and no chat needs it.
    t.notifyDialogs([]);
    t.notifyUser(user('NOT_READY', HC));
    await t.flush();
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC, READY, READY]);
    t.notifyUser(user('READY'), t.voicePort.lastRequestId);
    await t.flush();
    assert.equal(t.chat.availability, 'READY');
    assert.equal(t.reconciler.snapshot().voiceRequest, null);
  });
});

describe('the state before a call the gadget did not see begin', () => {
  it('notifications down meanwhile: the agent picked READY and was reserved for a call; after the re-read the call is made to end in Not Ready (Handling Chat)', async () => {
    const t = await harness();
    t.reconciler.offerArrived('c1');
    await t.flush();
    t.reconciler.setConnectivity({ notificationsUp: false });
    t.factsPort.user = user('RESERVED'); // READY by the agent, then reserved: both notifications lost
    t.factsPort.dialogs = [dialog('d1', 'ACD_IN', 'ALERTING')];
    t.reconciler.setConnectivity({ notificationsUp: true });
    await t.flush();
    assert.deepEqual(
      t.voicePort.requests,
      [NOT_READY_HC, NOT_READY_HC],
      'the pending Not Ready (Handling Chat) asked after the re-read',
    );
    assert.equal(t.factsPort.user.pendingState, 'NOT_READY');
    assert.equal(t.chat.availability, 'INTERRUPTED');
  });

  it("the agent's READY notification lost, the next shows RESERVED: the router reserves only READY agents, so the call would end in READY and the pending Not Ready is asked", async () => {
    const t = await harness();
    t.reconciler.offerArrived('c1');
    await t.flush();
    t.notifyUser(user('RESERVED'));
    t.notifyDialogs([dialog('d1', 'ACD_IN', 'ALERTING')]);
    await t.flush();
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC, NOT_READY_HC]);
    assert.deepEqual(t.reconciler.snapshot().voice?.beforeCall, { state: 'READY', reasonCodeId: null });
  });

  it('a re-read jumps from Not Ready (Handling Chat) to TALKING on a call the agent placed: the state before it is not known, so the pending Not Ready is asked rather than assumed', async () => {
    const t = await harness();
    t.reconciler.offerArrived('c1');
    await t.flush();
    t.factsPort.user = user('TALKING');
    t.factsPort.dialogs = [dialog('d1', 'OUT', 'ACTIVE')];
    t.reconciler.resync();
    await t.flush();
    assert.equal(t.reconciler.snapshot().voice?.beforeCall, null);
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC, NOT_READY_HC]);
    assert.equal(t.chat.availability, 'ACTIVE', 'an internal call with a chat does not interrupt chat');
  });

  it('seen through notifications, a call placed while Not Ready (Handling Chat) ends there by itself: nothing asked', async () => {
    const t = await harness();
    t.reconciler.offerArrived('c1');
    await t.flush();
    t.notifyDialogs([dialog('d1', 'OUT', 'ACTIVE')]);
    t.notifyUser(user('TALKING'));
    await t.flush();
    assert.deepEqual(t.reconciler.snapshot().voice?.beforeCall, { state: 'NOT_READY', reasonCodeId: HC });
    assert.deepEqual(t.voicePort.requests, [NOT_READY_HC]);
  });
});
