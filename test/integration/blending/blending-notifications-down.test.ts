// Rule 6 with the notifications down (docs/blending-rules.md): the network under the agent's XMPP notification
// session is cut while blending. The controller must hold still (no voice requests; offers declined), and once the
// session is back re-read User and Dialogs before it reconciles. Checked in the simulator's request log and state.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { RequestLogEntry } from '../../../sim/finesse/control-types.ts';
import {
  assertBounded,
  availability,
  BlendingWorld,
  finesseAndPublished,
  handClient,
  startedIdle,
  takeChat as takeChatShowing,
  until,
  type Blending,
} from './blending-kit.ts';
import { ENGLISH_CAUSES as say } from '../../../src/ui/cause-text.ts';

const w = BlendingWorld.forTestFile(
  {},
  {
    afterEach: async (world) => {
      if (!world.notificationsUp) await world.restoreNotifications();
    },
  },
);

const show = (): string =>
  `${finesseAndPublished(w)}; request: ${JSON.stringify(w.controller?.snapshot().voiceRequest ?? null)}`;
const what = (r: RequestLogEntry): string => `${r.method} ${r.path.replace(/^.*\/User\/\d+/, 'User')}`;

/** A REST request by the supervisor: once answered, the simulator's log holds what the controller sent before it. */
async function restRoundTrip(): Promise<void> {
  assert.ok((await handClient(w.world.simulator.primaryUrl, w.supervisor).getSystemInfo()).ok);
}

const started = (): Promise<Blending> => startedIdle(w, show);

const takeChat = (x: Blending, id: string): Promise<void> => takeChatShowing(x, id, show);

/** Cuts the session and waits until the controller holds still. */
async function cut(x: Blending): Promise<void> {
  await w.cutNotifications();
  assert.equal(w.notificationsUp, false);
  assert.equal(say.hold(x.snapshot().degraded ?? { kind: 'finesse-down' }), 'Finesse notifications are down');
  await until(() => availability(x) === 'INTERRUPTED', 'chat INTERRUPTED while notifications are down', show);
  assert.match(say.chat(x.snapshot().chat.cause), /notifications are down; no new chats until it is back/);
}

describe('rule 6: notifications down', () => {
  test('a chat ends and an offer arrives while the session is cut: no voice request, the offer declined; once back, User and Dialogs are re-read, then Ready', async (t) => {
    const x = await started();
    await takeChat(x, 'c1');
    await cut(x);
    const mark = x.requests().length;
    const usersSeen = x.users().length;
    const attempts = x.reconciler.stats().attempts;

    x.reconciler.chatEnded('c1'); // with notifications up this would restore Ready at once
    x.reconciler.offerArrived('o2');
    assert.equal(x.snapshot().voiceRequest, null, 'no voice request while notifications are down');
    await until(() => x.declined().includes('o2'), 'the offer declined while degraded', show);
    assert.deepEqual(x.accepted(), ['c1']);
    // A change in Finesse meanwhile reaches nobody: the session really is cut.
    assert.ok((await w.control.setWrapUp({ agentId: w.agent.id, enabled: false })).ok);
    await restRoundTrip();
    assert.equal(x.reconciler.stats().attempts, attempts);
    assert.deepEqual(x.requests().slice(mark).map(what), [], 'nothing sent to Finesse while notifications are down');
    assert.ok(w.isHandlingChat(), `Finesse untouched: ${show()}`);
    assert.equal(x.users().length, usersSeen);

    await w.restoreNotifications();
    await until(
      () => w.finesseUser().state === 'READY' && x.snapshot().voiceRequest === null,
      'reconciled after the session is back: voice READY',
      show,
    );
    const since = x.requests().slice(mark).map(what);
    assert.deepEqual(
      since.slice(0, 2).sort(),
      ['GET User', 'GET User/Dialogs'],
      `User and Dialogs re-read first: ${since.join(', ')}`,
    );
    assert.deepEqual(since.slice(2), ['PUT User'], 'then one request: Ready');
    await until(() => availability(x) === 'READY', 'chat READY', show);
    assert.equal(x.snapshot().degraded, null);
    assert.ok(
      x.snapshot().log.some((e) => e.kind === 'recovered'),
      'the recovery is in the decision log',
    );
    t.diagnostic(assertBounded(x));
  });

  test('while the session is cut the agent picks Ready and the router reserves them for a call: only the re-read shows it, and the call is made to end in Not Ready (Handling Chat)', async (t) => {
    const x = await started();
    await takeChat(x, 'c1');
    await cut(x);
    const mark = x.requests().length;
    const usersSeen = x.users().length;

    await w.agentRequest({ state: 'READY' }, (u) => u.state === 'READY');
    const placed = await w.control.placeAcdCall({ agentId: w.agent.id });
    assert.ok(placed.ok, 'the router reserves the READY agent');
    const dialogId = placed.value.dialogId;
    x.reconciler.offerArrived('o2');
    await until(() => x.declined().includes('o2'), 'the offer declined while degraded', show);
    assert.equal(x.users().length, usersSeen, 'no notification reached the controller');
    assert.equal(x.snapshot().voice?.state, 'NOT_READY', 'the controller still believes Not Ready (Handling Chat)');
    assert.equal(x.snapshot().voiceRequest, null);
    await restRoundTrip();
    assert.deepEqual(x.requests().slice(mark).map(what), [], 'nothing sent while notifications are down');

    await w.restoreNotifications();
    await until(
      () => w.finesseUser().pendingState === 'NOT_READY' && x.snapshot().voiceRequest === null,
      'after the re-read: Not Ready (Handling Chat) asked as the pending state',
      show,
    );
    const since = x.requests().slice(mark).map(what);
    assert.deepEqual(since.slice(0, 2).sort(), ['GET User', 'GET User/Dialogs'], `re-read first: ${since.join(', ')}`);
    assert.deepEqual(since.slice(2), ['PUT User'], 'then one request: the pending Not Ready (Handling Chat)');
    assert.equal(x.snapshot().voice?.state, 'RESERVED', 'the re-read User');
    assert.deepEqual(
      x.reconciler.facts().calls.map((c) => [c.id, c.kind]),
      [[dialogId, 'acd']],
      'the re-read Dialogs',
    );
    assert.equal(availability(x), 'INTERRUPTED');
    assert.equal(x.snapshot().chatRule, 'acd-call');

    await w.dialogAction(dialogId, 'ANSWER', (s) => s === 'ACTIVE');
    assert.ok((await w.control.endCall({ dialogId })).ok);
    await until(
      () => w.isHandlingChat() && x.snapshot().voice?.state === 'NOT_READY',
      'the call ends in Not Ready (Handling Chat)',
      show,
    );
    await until(() => availability(x) === 'ACTIVE', 'chat ACTIVE again', show);
    assert.deepEqual(x.accepted(), ['c1']);
    t.diagnostic(assertBounded(x));
  });

  test('a session cut and back with nothing changed: one re-read, no voice request', async (t) => {
    const x = await started();
    await takeChat(x, 'c1');
    await cut(x);
    const mark = x.requests().length;
    await w.restoreNotifications();
    await until(() => availability(x) === 'ACTIVE' && x.snapshot().voiceRequest === null, 'chat ACTIVE again', show);
    await w.settle();
    assert.deepEqual(x.requests().slice(mark).map(what).sort(), ['GET User', 'GET User/Dialogs']);
    assert.ok(w.isHandlingChat());
    t.diagnostic(assertBounded(x));
  });
});
