// The blending rules that need the real Finesse to mean anything (docs/blending-rules.md): races between the router
// and the controller, choices made by the agent and the supervisor, pending states at call end, failover and
// Invalid State, against the Finesse simulator through REST and real XMPP notifications.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { FailoverMonitor, type FailoverEvent } from '../../../src/core/blending/failover-monitor.ts';
import { createFinesseClient, fetchTransport } from '../../../src/core/finesse/rest/index.ts';
import {
  assertBounded,
  availability,
  BlendingWorld,
  finesseAndUsersSeen,
  handClient,
  realTimers,
  startedIdle,
  takeChat as takeChatShowing,
  untilPendingHandlingChat,
  until,
  type Blending,
} from './blending-kit.ts';
import { ENGLISH_CAUSES as say } from '../../../src/ui/cause-text.ts';

const w = BlendingWorld.forTestFile();

const LUNCH = '2';
const show = (): string => finesseAndUsersSeen(w);

const started = (options?: Parameters<BlendingWorld['blending']>[0]): Promise<Blending> =>
  startedIdle(w, show, options);

const takeChat = (x: Blending, id: string): Promise<void> => takeChatShowing(x, id, show);

const puts = (x: Blending): number => x.requests().filter((r) => r.method === 'PUT').length;

describe('rule 1: reserve voice before taking the first chat', () => {
  test('an ACD call reserved at the same moment a chat is offered: the offer is declined, the agent is not left Not Ready', async (t) => {
    const x = await started();
    // The router reserves the agent while the chat is offered: the controller still believes READY.
    w.holdNotifications();
    const dialogId = await w.placeAcd();
    x.reconciler.offerArrived('o1');
    await until(
      () =>
        w.finesseUser().pendingState === 'NOT_READY' ||
        x.requests().some((r) => r.method === 'PUT' && r.status !== 202),
      "the controller's reservation reached Finesse",
      show,
    );
    w.releaseNotifications();

    await until(() => x.declined().includes('o1'), 'the offer declined, so the router routes it elsewhere', show);
    assert.deepEqual(x.accepted(), []);
    assert.equal(availability(x), 'INTERRUPTED');
    await until(() => x.snapshot().voiceRequest === null, 'no request in flight', show);

    await w.dialogAction(dialogId, 'ANSWER', (s) => s === 'ACTIVE');
    assert.ok((await w.control.endCall({ dialogId })).ok);
    await until(
      () =>
        w.finesseUser().state === 'READY' &&
        x.snapshot().voice?.state === 'READY' &&
        x.snapshot().voiceRequest === null,
      'the agent READY after the call',
      show,
    );
    await w.settle();
    const afterCall = x.users().slice(x.users().findIndex((u) => u.state === 'RESERVED'));
    assert.ok(
      !afterCall.some((u) => u.state === 'NOT_READY'),
      `no Not Ready (Handling Chat) for a chat that went elsewhere: ${show()}`,
    );
    assert.equal(availability(x), 'READY');
    t.diagnostic(assertBounded(x));
  });

  test('Finesse refuses the reservation (the agent signed out at that moment): the offer is declined, nothing accepted', async (t) => {
    const x = await started();
    w.holdNotifications();
    await w.agentRequest({ state: 'NOT_READY', reasonCodeId: LUNCH }, (u) => u.state === 'NOT_READY');
    await w.agentRequest({ state: 'LOGOUT' }, (u) => u.state === 'LOGOUT');
    x.reconciler.offerArrived('o1');
    await until(() => x.declined().includes('o1'), 'the offer declined after the refusal', show);
    assert.deepEqual(x.accepted(), []);
    assert.deepEqual(
      x
        .requests()
        .filter((r) => r.method === 'PUT')
        .map((r) => r.status),
      [400],
      'one request, Not Ready (Handling Chat), refused with Invalid State',
    );
    w.releaseNotifications();
    await w.settle();
    assert.equal(availability(x), 'OFFLINE');
    t.diagnostic(assertBounded(x));
  });
});

describe('rule 2: restore only what the gadget set', () => {
  test('the agent picks Not Ready (Lunch) during chats: no new chats, the chats continue, Lunch kept when they end', async (t) => {
    const x = await started();
    await takeChat(x, 'c1');
    await w.agentRequest({ state: 'NOT_READY', reasonCodeId: LUNCH }, (u) => u.reasonCodeId === LUNCH);
    await until(() => availability(x) === 'NOT_READY', "chat Not Ready after the agent's choice", show);
    x.reconciler.offerArrived('o2');
    await until(() => x.declined().includes('o2'), 'no new chats', show);
    assert.equal(x.reconciler.facts().activeChats, 1, 'the current chat continues');
    x.reconciler.chatEnded('c1');
    await w.settle();
    assert.equal(x.snapshot().voiceRequest, null);
    assert.equal(w.finesseUser().state, 'NOT_READY');
    assert.equal(w.finesseUser().reasonCodeId, LUNCH, 'Lunch kept');
    assert.equal(puts(x), 1, "only the first chat's Not Ready (Handling Chat)");
    t.diagnostic(assertBounded(x));
  });

  test('the supervisor forces Not Ready during chats: kept when the chats end', async (t) => {
    const x = await started();
    await takeChat(x, 'c1');
    assert.ok((await w.control.systemNotReady({ agentId: w.agent.id, reason: 'SUPERVISOR' })).ok);
    await until(() => x.snapshot().voice?.setBy === 'supervisor', "seen as the supervisor's", show);
    x.reconciler.chatEnded('c1');
    await w.settle();
    assert.equal(x.snapshot().voiceRequest, null);
    assert.equal(w.finesseUser().state, 'NOT_READY');
    assert.equal(w.finesseUser().reasonCode?.code, 999, "the supervisor's reason kept");
    assert.equal(availability(x), 'NOT_READY');
    assert.equal(puts(x), 1);
    t.diagnostic(assertBounded(x));
  });

  test('the supervisor makes an idle agent Not Ready through REST: kept, offers declined, nothing requested', async (t) => {
    const x = await started();
    const supervisor = handClient(w.world.simulator.primaryUrl, w.supervisor);
    assert.ok((await supervisor.setTeamMemberState(w.agent.id, { state: 'NOT_READY' })).ok);
    await until(() => x.snapshot().voice?.setBy === 'supervisor', "seen as the supervisor's", show);
    x.reconciler.offerArrived('o1');
    await until(() => x.declined().includes('o1'), 'offer declined', show);
    await w.settle();
    assert.equal(w.finesseUser().state, 'NOT_READY');
    assert.equal(w.finesseUser().reasonCode?.code, 999);
    assert.equal(puts(x), 0);
    t.diagnostic(assertBounded(x));
  });
});

describe('rule 3: agent intent is remembered', () => {
  test('the agent picks READY during chats: voice set back to Not Ready (Handling Chat) once per action, never a loop', async (t) => {
    const x = await started();
    await takeChat(x, 'c1');
    for (const round of [1, 2]) {
      await w.agentRequest({ state: 'READY' }, (u) => u.state === 'READY');
      await until(
        () => w.isHandlingChat() && x.snapshot().voiceRequest === null,
        `answered the agent's READY #${round}`,
        show,
      );
    }
    await w.settle();
    assert.equal(puts(x), 3, "the first chat's Not Ready, then one answer per agent action");
    assert.match(
      x
        .snapshot()
        .log.map((e) => say.log(e.cause))
        .join('\n'),
      /voice stays Not Ready until the chats end/,
    );
    t.diagnostic(assertBounded(x));
  });
});

describe('rule 4: never a READY window while chats are active', () => {
  test('a call and a chat collide: the call ends straight into NOT_READY Handling Chat through pendingState', async (t) => {
    const x = await started();
    await takeChat(x, 'c1');
    // The agent presses READY and the router reserves them before the controller hears of it.
    w.holdNotifications();
    await w.agentRequest({ state: 'READY' }, (u) => u.state === 'READY');
    const dialogId = await w.placeAcd();
    w.releaseNotifications();
    await untilPendingHandlingChat(w, x);
    await until(() => availability(x) === 'INTERRUPTED', 'chat interrupted by the ACD call', show);
    assert.equal(x.reconciler.facts().activeChats, 1, 'the chat continues');

    await w.dialogAction(dialogId, 'ANSWER', (s) => s === 'ACTIVE');
    assert.ok((await w.control.endCall({ dialogId })).ok);
    await until(
      () => w.isHandlingChat() && x.snapshot().voice?.state === 'NOT_READY',
      'the call ends in Not Ready (Handling Chat)',
      show,
    );
    await until(() => availability(x) === 'ACTIVE', 'chat active again', show);
    const users = x.users();
    const reserved = users.findIndex((u) => u.state === 'RESERVED');
    assert.ok(reserved >= 0);
    const sequence = users.slice(reserved).map((u) => u.state);
    assert.ok(!sequence.includes('READY'), `no READY from the reservation on: ${sequence.join(' > ')}`);
    assert.equal(sequence.at(-1), 'NOT_READY');
    t.diagnostic(assertBounded(x));
  });

  test('a chat starts during an ACD call: the pending state makes the call end in NOT_READY Handling Chat', async (t) => {
    const x = await started();
    const dialogId = await w.placeAcd();
    await w.dialogAction(dialogId, 'ANSWER', (s) => s === 'ACTIVE');
    await until(() => x.snapshot().voice?.state === 'TALKING', 'TALKING seen', show);
    x.reconciler.chatStarted('c1'); // accepted in another window of the agent, or rejoined after a reload
    await untilPendingHandlingChat(w, x);
    assert.ok((await w.control.endCall({ dialogId })).ok);
    await until(
      () => w.isHandlingChat() && x.snapshot().voice?.state === 'NOT_READY',
      'the call ends in Not Ready (Handling Chat)',
      show,
    );
    const sequence = x.users().map((u) => u.state);
    assert.deepEqual(
      sequence.slice(sequence.indexOf('RESERVED')),
      ['RESERVED', 'TALKING', 'TALKING', 'NOT_READY'],
      'reserved, talking, talking with the pending state, Not Ready',
    );
    assert.equal(puts(x), 1);
    t.diagnostic(assertBounded(x));
  });
});

describe('rule 5: Invalid State means re-read the facts', () => {
  test('a synchronous Invalid State (the agent signed out meanwhile) is answered by re-reading, not by asking again', async (t) => {
    const x = await started();
    await takeChat(x, 'c1');
    w.holdNotifications();
    await w.agentRequest({ state: 'LOGOUT' }, (u) => u.state === 'LOGOUT');
    const mark = x.requests().length;
    x.reconciler.chatEnded('c1'); // the controller still believes Not Ready (Handling Chat): it restores Ready
    await until(() => x.snapshot().voice?.state === 'LOGOUT', 'the re-read shows the sign-out', show);
    const since = x
      .requests()
      .slice(mark)
      .map((r) => `${r.method} ${r.status}`);
    assert.equal(since[0], 'PUT 400', 'Finesse refused the Ready');
    assert.deepEqual(since.slice(1).sort(), ['GET 200', 'GET 200'], 'then User and Dialogs re-read, no second PUT');
    assert.ok(x.snapshot().log.some((e) => e.kind === 'voice-refused'));
    w.releaseNotifications();
    await w.settle();
    assert.equal(availability(x), 'OFFLINE', 'signed out of Finesse: chat OFFLINE');
    assert.equal(puts(x), 2);
    t.diagnostic(assertBounded(x));
  });

  test('an asynchronous Invalid State (<apiErrors> notification) is answered by re-reading', async (t) => {
    const x = await started();
    await takeChat(x, 'c1');
    w.holdNotifications();
    assert.ok((await w.control.markUnknown({ agentId: w.agent.id })).ok);
    const mark = x.requests().length;
    x.reconciler.chatEnded('c1');
    await until(
      () =>
        x
          .requests()
          .slice(mark)
          .some((r) => r.method === 'PUT' && r.status === 202),
      'Ready accepted (202)',
      show,
    );
    w.releaseNotifications();
    await until(
      () => x.snapshot().log.some((e) => e.kind === 'voice-refused') && x.snapshot().voiceRequest === null,
      'refused, re-read',
      show,
    );
    await w.settle();
    assert.equal(x.snapshot().voice?.state, 'UNKNOWN');
    const since = x
      .requests()
      .slice(mark)
      .map((r) => r.method);
    assert.deepEqual(since, ['PUT', 'GET', 'GET'], 'one PUT, then the re-read, no retry');
    assert.equal(availability(x), 'NOT_READY');
    t.diagnostic(assertBounded(x));
  });
});

describe('rule 6: degraded means hold still', () => {
  /** A failover monitor over both simulator nodes, polled by the test (no waiting on its period). */
  function failover(x: () => Blending, active: { url: string }): FailoverMonitor {
    const { primaryUrl, secondaryUrl } = w.world.simulator;
    const systemInfo = new Map(
      [primaryUrl, secondaryUrl].map((url) => [
        url,
        createFinesseClient({
          baseUrl: url,
          auth: { kind: 'basic', id: w.agent.id, password: w.agent.password },
          transport: fetchTransport(),
          timeoutMs: 2000,
        }),
      ]),
    );
    return new FailoverMonitor({
      primary: primaryUrl,
      secondary: secondaryUrl,
      fetchSystemInfo: async (node) => {
        const client = systemInfo.get(node);
        assert.ok(client !== undefined);
        return client.getSystemInfo();
      },
      timers: realTimers,
      random: () => 0.5,
      failuresBeforeDown: 1,
      onEvent: (event: FailoverEvent) => {
        if (event.type === 'switch') {
          active.url = event.node;
          if (event.from !== null) x().reconciler.resync();
        } else {
          x().reconciler.setConnectivity({ finesseInService: event.type === 'recovered' });
        }
      },
    });
  }

  test('both nodes out of service: no voice requests while degraded; after recovery the state is re-read and reconciled', async (t) => {
    const active = { url: w.world.simulator.primaryUrl };
    const x = await started({ node: () => active.url });
    const monitor = failover(() => x, active);
    await monitor.pollNow();
    await takeChat(x, 'c1');

    assert.ok((await w.control.setNodeInService({ node: 'primary', inService: false })).ok);
    assert.ok((await w.control.setNodeInService({ node: 'secondary', inService: false })).ok);
    await monitor.pollNow();
    assert.ok(x.snapshot().degraded !== null, 'degraded');
    assert.equal(availability(x), 'INTERRUPTED');
    const mark = x.requests().length;
    x.reconciler.offerArrived('o2');
    x.reconciler.chatEnded('c1');
    assert.equal(x.snapshot().voiceRequest, null, 'no voice request for the chat that ended');
    await until(() => x.declined().includes('o2'), 'no new chats while degraded', show);
    await w.settle();
    assert.deepEqual(x.requests().slice(mark), [], 'nothing sent to Finesse while degraded');
    assert.ok(w.isHandlingChat(), 'Finesse untouched');

    assert.ok((await w.control.setNodeInService({ node: 'primary', inService: true })).ok);
    assert.ok((await w.control.setNodeInService({ node: 'secondary', inService: true })).ok);
    await monitor.pollNow();
    await until(
      () => w.finesseUser().state === 'READY' && x.snapshot().voiceRequest === null,
      'reconciled after recovery: voice READY',
      show,
    );
    const sinceRecovery = x
      .requests()
      .slice(mark)
      .map((r) => `${r.method} ${r.path.replace(/^.*\/User\/\d+/, 'User')}`);
    assert.deepEqual(
      sinceRecovery.slice(0, 2).sort(),
      ['GET User', 'GET User/Dialogs'],
      'User and Dialogs re-read first',
    );
    assert.deepEqual(sinceRecovery.slice(2), ['PUT User'], 'then one request: Ready');
    await until(() => availability(x) === 'READY', 'chat READY', show);
    t.diagnostic(assertBounded(x));
  });

  test('the primary node out of service: blending carries on against the secondary, and back', async (t) => {
    const active = { url: w.world.simulator.primaryUrl };
    const x = await started({ node: () => active.url });
    const monitor = failover(() => x, active);
    await monitor.pollNow();
    await takeChat(x, 'c1');

    assert.ok((await w.control.setNodeInService({ node: 'primary', inService: false })).ok);
    await monitor.pollNow();
    assert.equal(active.url, w.world.simulator.secondaryUrl);
    assert.equal(x.snapshot().degraded, null, 'one node in service is not degraded');
    await until(
      () => x.snapshot().voiceRequest === null && x.requests().filter((r) => r.node === 'secondary').length >= 2,
      're-read on the secondary',
      show,
    );
    x.reconciler.chatEnded('c1');
    await until(
      () => w.finesseUser().state === 'READY' && x.snapshot().voiceRequest === null,
      'Ready through the secondary',
      show,
    );
    const put = x
      .requests()
      .filter((r) => r.method === 'PUT')
      .at(-1);
    assert.equal(put?.node, 'secondary');
    assert.equal(put?.status, 202);
    assert.ok(
      !x.requests().some((r) => r.node === 'primary' && r.status === 503),
      'nothing sent to the node out of service',
    );

    assert.ok((await w.control.setNodeInService({ node: 'primary', inService: true })).ok);
    await monitor.pollNow();
    assert.equal(active.url, w.world.simulator.primaryUrl, 'back on the primary');
    t.diagnostic(assertBounded(x));
  });
});

describe('rule 7: sign-out hands chats back', () => {
  test('the agent signs out of Finesse with chats open: chats handed back, then chat OFFLINE', async (t) => {
    const x = await started();
    await takeChat(x, 'c1');
    await takeChat(x, 'c2');
    await w.agentRequest({ state: 'LOGOUT' }, (u) => u.state === 'LOGOUT');
    await until(() => availability(x) === 'OFFLINE', 'chat OFFLINE', show);
    const handBack = x.timeline.findIndex((h) => h.type === 'hand-back');
    const offline = x.timeline.findIndex((h) => h.type === 'publish' && h.presence.availability === 'OFFLINE');
    assert.ok(handBack >= 0 && handBack < offline, 'handed back before going offline');
    assert.equal(x.reconciler.facts().activeChats, 0);
    assert.equal(puts(x), 1);
    t.diagnostic(assertBounded(x));
  });
});
