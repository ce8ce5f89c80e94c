// Calls as Finesse shows them: dialog notifications with participants and allowed actions, internal calls
// from the control API, and consult / transfer / conference between two simulated agents, each watched by
// their own XMPP subscriber.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Dialog } from '../../../src/core/finesse/types.ts';
import { startWorld, type WorldHandle } from '../../../sim/world.ts';
import type { SimulatorAccount } from '../../../sim/server.ts';
import { RestClient, Subscriber, agent, assertAccepted, resetAndSettle } from './sim-test-kit.ts';

let world: WorldHandle;
let a: SimulatorAccount;
let b: SimulatorAccount;
let restA: RestClient;
let restB: RestClient;
let subA: Subscriber;
let subB: Subscriber;
let nodes: Map<Subscriber, string[]>;

const nodesOf = (x: SimulatorAccount): string[] => [`/finesse/api/User/${x.id}`, `/finesse/api/User/${x.id}/Dialogs`];

before(async () => {
  world = await startWorld();
  a = agent(world, 0);
  b = agent(world, 1);
  restA = RestClient.as(world.simulator.primaryUrl, a);
  restB = RestClient.as(world.simulator.primaryUrl, b);
  subA = await Subscriber.connect(world, a, nodesOf(a));
  subB = await Subscriber.connect(world, b, nodesOf(b));
  nodes = new Map([
    [subA, nodesOf(a)],
    [subB, nodesOf(b)],
  ]);
});

after(async () => {
  await subA?.close();
  await subB?.close();
  await world?.stop();
});

beforeEach(() => resetAndSettle(world, [subA, subB], nodes));

async function signIn(
  rest: RestClient,
  sub: Subscriber,
  who: SimulatorAccount,
  then: 'READY' | 'NOT_READY',
): Promise<void> {
  const steps = [
    { state: 'LOGIN' as const, extension: who.extension },
    then === 'READY' ? { state: 'READY' as const } : { state: 'NOT_READY' as const, reasonCodeId: '1' },
  ];
  for (const req of steps) {
    const answer = await rest.putUser(who.id, req);
    assertAccepted(answer);
    await sub.nextUser(who.id, req.state, answer.requestId);
  }
}

const actionsOf = (dialog: Dialog, extension: string): readonly string[] | undefined =>
  dialog.participants.find((p) => p.mediaAddress === extension)?.actions;
const stateOf = (dialog: Dialog, extension: string): string | undefined =>
  dialog.participants.find((p) => p.mediaAddress === extension)?.state;

async function act(
  rest: RestClient,
  sub: Subscriber,
  who: SimulatorAccount,
  dialogId: string,
  requestedAction: string,
  toAddress?: string,
): Promise<string> {
  const answer = await rest.putDialog(dialogId, {
    requestedAction,
    targetMediaAddress: who.extension,
    ...(toAddress !== undefined ? { toAddress } : {}),
  });
  assertAccepted(answer);
  void sub;
  return answer.requestId;
}

async function talkingOnAcdCall(): Promise<string> {
  await signIn(restA, subA, a, 'READY');
  const placed = await world.simulator.control.placeAcdCall({
    agentId: a.id,
    callVariables: { callVariable1: 'order 42' },
  });
  assert.ok(placed.ok);
  const { dialog } = await subA.nextDialog(a.id, 'POST', 'ringing');
  assert.equal(dialog.callType, 'ACD_IN');
  assert.deepEqual(dialog.callVariables, [{ name: 'callVariable1', value: 'order 42' }]);
  await act(restA, subA, a, placed.value.dialogId, 'ANSWER');
  const answered = await subA.nextDialog(a.id, 'PUT', 'answered', placed.value.dialogId);
  assert.equal(answered.dialog.state, 'ACTIVE');
  assert.deepEqual(actionsOf(answered.dialog, a.extension), [
    'HOLD',
    'DROP',
    'TRANSFER_SST',
    'CONSULT_CALL',
    'UPDATE_CALL_DATA',
  ]);
  return placed.value.dialogId;
}

describe('dialogs', () => {
  test('an ACD call carries the same requestId on the dialog and user notifications of the ANSWER', async () => {
    await signIn(restA, subA, a, 'READY');
    const placed = await world.simulator.control.placeAcdCall({ agentId: a.id });
    assert.ok(placed.ok);
    const ringing = await subA.nextDialog(a.id, 'POST', 'ringing');
    assert.deepEqual(actionsOf(ringing.dialog, a.extension), ['ANSWER']);
    assert.equal(ringing.update.source, `/finesse/api/User/${a.id}/Dialogs`);
    const requestId = await act(restA, subA, a, placed.value.dialogId, 'ANSWER');
    const put = await subA.nextDialog(a.id, 'PUT', 'answered', placed.value.dialogId);
    assert.equal(put.update.requestId, requestId);
    const { user } = await subA.nextUser(a.id, 'TALKING', requestId);
    assert.equal(user.state, 'TALKING');
    assert.equal((await restA.getDialogs(a.id))[0]?.state, 'ACTIVE');
  });

  test('the agent drops the call: DELETE, and back to READY', async () => {
    const dialogId = await talkingOnAcdCall();
    const requestId = await act(restA, subA, a, dialogId, 'DROP');
    const gone = await subA.nextDialog(a.id, 'DELETE', 'dropped', dialogId);
    assert.equal(gone.update.requestId, requestId);
    assert.equal((await subA.nextUser(a.id, 'READY', requestId)).user.state, 'READY');
  });

  for (const [kind, callType] of [
    ['direct', 'OTHER_IN'],
    ['transfer', 'TRANSFER'],
    ['consult', 'CONSULT'],
    ['conference', 'CONFERENCE'],
  ] as const) {
    test(`an internal ${kind} call alerts without reserving the agent (callType ${callType})`, async () => {
      await signIn(restA, subA, a, 'NOT_READY');
      const placed = await world.simulator.control.placeInternalCall({ agentId: a.id, kind });
      assert.ok(placed.ok);
      const { dialog } = await subA.nextDialog(a.id, 'POST', `${kind} call`);
      assert.equal(dialog.callType, callType);
      assert.equal(stateOf(dialog, a.extension), 'ALERTING');
      assert.equal((await restA.getUser(a.id)).state, 'NOT_READY', 'no RESERVED for a non-ACD call');
      const requestId = await act(restA, subA, a, placed.value.dialogId, 'ANSWER');
      assert.equal((await subA.nextUser(a.id, 'TALKING', requestId)).user.state, 'TALKING');
      assert.ok((await world.simulator.control.endCall({ dialogId: placed.value.dialogId })).ok);
      const back = await subA.nextUser(a.id, 'back to NOT_READY');
      assert.equal(back.user.state, 'NOT_READY');
      assert.equal(back.user.reasonCode?.label, 'Break');
    });
  }

  test('an agent calls another agent directly: both see the one dialog', async () => {
    await signIn(restA, subA, a, 'NOT_READY');
    await signIn(restB, subB, b, 'NOT_READY');
    const made = await restA.postDialog(a.id, {
      requestedAction: 'MAKE_CALL',
      fromAddress: a.extension,
      toAddress: b.extension,
    });
    assertAccepted(made);
    const atA = await subA.nextDialog(a.id, 'POST', 'the call at A');
    assert.equal(atA.update.requestId, made.requestId);
    assert.equal(stateOf(atA.dialog, a.extension), 'INITIATED');
    const atB = await subB.nextDialog(b.id, 'POST', 'the call at B', atA.dialog.id);
    assert.equal(atB.dialog.callType, 'AGENT_INSIDE');
    assert.equal(stateOf(atB.dialog, b.extension), 'ALERTING');
    await act(restB, subB, b, atA.dialog.id, 'ANSWER');
    const connected = await subA.nextDialog(a.id, 'PUT', 'connected at A', atA.dialog.id);
    assert.equal(stateOf(connected.dialog, a.extension), 'ACTIVE');
    assert.equal(stateOf(connected.dialog, b.extension), 'ACTIVE');
    await act(restB, subB, b, atA.dialog.id, 'DROP');
    await subA.nextDialog(a.id, 'DELETE', 'ended at A', atA.dialog.id);
    await subB.nextDialog(b.id, 'DELETE', 'ended at B', atA.dialog.id);
  });
});

describe('consult, transfer and conference between two agents', () => {
  async function consultB(original: string): Promise<string> {
    await signIn(restB, subB, b, 'NOT_READY');
    await act(restA, subA, a, original, 'CONSULT_CALL', b.extension);
    const held = await subA.nextDialog(a.id, 'PUT', 'original held', original);
    assert.equal(stateOf(held.dialog, a.extension), 'HELD');
    const consultAtA = await subA.nextDialog(a.id, 'POST', 'the consult call at A');
    assert.equal(consultAtA.dialog.callType, 'CONSULT');
    assert.equal(consultAtA.dialog.associatedDialogUri, `/finesse/api/Dialog/${original}`);
    const consultAtB = await subB.nextDialog(b.id, 'POST', 'the consult call at B', consultAtA.dialog.id);
    assert.equal(stateOf(consultAtB.dialog, b.extension), 'ALERTING');
    await act(restB, subB, b, consultAtA.dialog.id, 'ANSWER');
    const live = await subA.nextDialog(a.id, 'PUT', 'consult connected', consultAtA.dialog.id);
    assert.deepEqual(actionsOf(live.dialog, a.extension), [
      'HOLD',
      'DROP',
      'TRANSFER',
      'CONFERENCE',
      'UPDATE_CALL_DATA',
    ]);
    return consultAtA.dialog.id;
  }

  test('consult then TRANSFER: the caller ends up with B, A leaves both calls', async () => {
    const original = await talkingOnAcdCall();
    const consult = await consultB(original);
    await act(restA, subA, a, consult, 'TRANSFER');
    await subA.nextDialog(a.id, 'DELETE', 'consult gone at A', consult);
    await subA.nextDialog(a.id, 'DELETE', 'original gone at A', original);
    const atB = await subB.nextDialog(b.id, 'POST', 'the transferred call at B', original);
    assert.equal(atB.dialog.callType, 'TRANSFER');
    assert.equal(stateOf(atB.dialog, b.extension), 'ACTIVE');
    assert.deepEqual(
      (await restA.getDialogs(a.id)).map((d) => d.id),
      [],
    );
    assert.equal((await restA.getUser(a.id)).state, 'READY');
    assert.equal((await restB.getUser(b.id)).state, 'TALKING');
  });

  test('consult then CONFERENCE: one dialog with the caller, A and B', async () => {
    const original = await talkingOnAcdCall();
    const consult = await consultB(original);
    await act(restA, subA, a, consult, 'CONFERENCE');
    await subA.nextDialog(a.id, 'DELETE', 'consult gone at A', consult);
    const atA = await subA.nextDialog(a.id, 'PUT', 'the conference at A', original);
    assert.equal(atA.dialog.callType, 'CONFERENCE');
    assert.equal(atA.dialog.participants.filter((p) => p.state === 'ACTIVE').length, 3);
    const atB = await subB.nextDialog(b.id, 'POST', 'the conference at B', original);
    assert.equal(atB.dialog.callType, 'CONFERENCE');
    // The caller hangs up: with two agents left the conference goes on.
    assert.ok((await world.simulator.control.endCall({ dialogId: original })).ok);
    const twoLeft = await subA.nextDialog(a.id, 'PUT', 'caller left', original);
    assert.equal(twoLeft.dialog.participants.filter((p) => p.state === 'ACTIVE').length, 2);
  });

  test('single-step transfer to B: B is offered the caller, A is free', async () => {
    const original = await talkingOnAcdCall();
    await signIn(restB, subB, b, 'NOT_READY');
    const requestId = await act(restA, subA, a, original, 'TRANSFER_SST', b.extension);
    const gone = await subA.nextDialog(a.id, 'DELETE', 'gone at A', original);
    assert.equal(gone.update.requestId, requestId);
    const atB = await subB.nextDialog(b.id, 'POST', 'offered to B', original);
    assert.equal(stateOf(atB.dialog, b.extension), 'ALERTING');
    assert.equal(atB.dialog.callType, 'TRANSFER');
  });
});
