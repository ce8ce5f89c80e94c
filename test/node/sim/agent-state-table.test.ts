// Every row of the guide's agent state transition table, driven through the simulator's REST API (and the
// control API for what only the far side or the system does), observed as notifications by a real XMPP
// subscriber logged in as the agent.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { AGENT_STATE_TRANSITIONS } from '../../../sim/finesse/agent-state-table.ts';
import type { User } from '../../../src/core/finesse/types.ts';
import type { UserRequest } from '../../../src/core/finesse/xml/index.ts';
import type { WorldHandle } from '../../../sim/world.ts';
import type { SimulatorAccount } from '../../../sim/server.ts';
import { assertAccepted, type RestClient, type Subscriber } from './sim-test-kit.ts';
import { startOneAgentWorld, type OneAgentWorld } from './one-agent-world.ts';

let setup: OneAgentWorld;
let world: WorldHandle;
let me: SimulatorAccount;
let rest: RestClient;
let sub: Subscriber;

before(async () => {
  setup = await startOneAgentWorld();
  ({ world, me, rest, sub } = setup);
});

after(() => setup?.stop());

beforeEach(() => setup.reset());

const control = (): WorldHandle['simulator']['control'] => world.simulator.control;

/** Sends a state request, expects 202, and returns the User from the notification carrying its requestId. */
async function request(req: UserRequest): Promise<User> {
  const answer = await rest.putUser(me.id, req);
  assertAccepted(answer);
  return (await sub.nextUser(me.id, `the result of ${req.state ?? ''}`, answer.requestId)).user;
}

/** The next User notification, which must show `state`. */
async function expectState(state: string): Promise<User> {
  const { user } = await sub.nextUser(me.id, `state ${state}`);
  assert.equal(user.state, state);
  return user;
}

const signIn = (): Promise<User> => request({ state: 'LOGIN', extension: me.extension });
const notReady = (reasonCodeId = '1'): Promise<User> => request({ state: 'NOT_READY', reasonCodeId });
const ready = (): Promise<User> => request({ state: 'READY' });

async function acdCallRinging(): Promise<string> {
  await signIn();
  await ready();
  const placed = await control().placeAcdCall({ agentId: me.id });
  assert.ok(placed.ok);
  await expectState('RESERVED');
  const { dialog } = await sub.nextDialog(me.id, 'POST', 'the ringing ACD call');
  assert.equal(dialog.state, 'ALERTING');
  return placed.value.dialogId;
}

async function dialogAction(dialogId: string, requestedAction: string): Promise<User> {
  const answer = await rest.putDialog(dialogId, { requestedAction, targetMediaAddress: me.extension });
  assertAccepted(answer);
  await sub.nextDialog(me.id, 'PUT', `${requestedAction} applied`, dialogId);
  return (await sub.nextUser(me.id, `state after ${requestedAction}`, answer.requestId)).user;
}

async function acdCallTalking(): Promise<string> {
  const dialogId = await acdCallRinging();
  assert.equal((await dialogAction(dialogId, 'ANSWER')).state, 'TALKING');
  return dialogId;
}

/** Signs in Not Ready and places a call (MAKE_CALL) to an outside number: TALKING from NOT_READY. */
async function outboundTalking(): Promise<string> {
  await signIn();
  await notReady('3');
  const answer = await rest.postDialog(me.id, {
    requestedAction: 'MAKE_CALL',
    fromAddress: me.extension,
    toAddress: '6175550000',
  });
  assertAccepted(answer);
  const { dialog } = await sub.nextDialog(me.id, 'POST', 'the placed call');
  const { user } = await sub.nextUser(me.id, 'TALKING after MAKE_CALL', answer.requestId);
  assert.equal(user.state, 'TALKING');
  return dialog.id;
}

async function farSideHangsUp(dialogId: string): Promise<void> {
  const ended = await control().endCall({ dialogId });
  assert.ok(ended.ok);
}

async function pendingNotReady(reasonCodeId = '2'): Promise<User> {
  const user = await notReady(reasonCodeId);
  assert.equal(user.pendingState, 'NOT_READY');
  return user;
}

async function inWork(): Promise<void> {
  assert.ok((await control().setWrapUp({ agentId: me.id, enabled: true })).ok);
  const dialogId = await acdCallTalking();
  await pendingNotReady();
  await farSideHangsUp(dialogId);
  await expectState('WORK');
}

async function inWorkReady(): Promise<void> {
  assert.ok((await control().setWrapUp({ agentId: me.id, enabled: true })).ok);
  const dialogId = await acdCallTalking();
  await farSideHangsUp(dialogId);
  await expectState('WORK_READY');
}

/** For each table row: reach `from`, make the move, and return the User the notification showed. */
const SCENARIOS: Readonly<Record<string, () => Promise<User>>> = {
  '* -> UNKNOWN': async () => {
    await signIn();
    await ready();
    assert.ok((await control().markUnknown({ agentId: me.id })).ok);
    return expectState('UNKNOWN');
  },
  // LOGIN is transient: the sign-in request's notification already shows NOT_READY.
  'LOGOUT -> LOGIN': async () => {
    const user = await signIn();
    assert.equal(user.extension, me.extension);
    return { ...user, state: user.state === 'NOT_READY' ? 'LOGIN' : user.state };
  },
  'LOGIN -> NOT_READY': () => signIn(),
  'NOT_READY -> LOGOUT': async () => {
    await signIn();
    await notReady();
    const user = await request({ state: 'LOGOUT', reasonCodeId: '11' });
    assert.equal(user.reasonCode?.label, 'End of Shift');
    return user;
  },
  'NOT_READY -> NOT_READY': async () => {
    await signIn();
    await notReady('1');
    const user = await notReady('2');
    assert.equal(user.reasonCode?.label, 'Lunch');
    return user;
  },
  'NOT_READY -> READY': async () => {
    await signIn();
    return ready();
  },
  'NOT_READY -> TALKING': async () => {
    await outboundTalking();
    return await rest.getUser(me.id);
  },
  'READY -> RESERVED': async () => {
    await acdCallRinging();
    return rest.getUser(me.id);
  },
  'READY -> RESERVED_OUTBOUND': async () => {
    await signIn();
    await ready();
    assert.ok((await control().reserveOutbound({ agentId: me.id })).ok);
    return expectState('RESERVED_OUTBOUND');
  },
  'READY -> RESERVED_OUTBOUND_PREVIEW': async () => {
    await signIn();
    await ready();
    assert.ok((await control().reserveOutbound({ agentId: me.id, preview: true })).ok);
    return expectState('RESERVED_OUTBOUND_PREVIEW');
  },
  'READY -> NOT_READY': async () => {
    await signIn();
    await ready();
    return notReady();
  },
  'RESERVED -> READY': async () => {
    const dialogId = await acdCallRinging();
    await farSideHangsUp(dialogId);
    await sub.nextDialog(me.id, 'DELETE', 'the abandoned call', dialogId);
    return expectState('READY');
  },
  'RESERVED -> TALKING': async () => {
    const dialogId = await acdCallRinging();
    return dialogAction(dialogId, 'ANSWER');
  },
  'RESERVED_OUTBOUND -> READY': async () => {
    await signIn();
    await ready();
    assert.ok((await control().reserveOutbound({ agentId: me.id })).ok);
    await expectState('RESERVED_OUTBOUND');
    return ready();
  },
  'RESERVED_OUTBOUND -> NOT_READY': async () => {
    await signIn();
    await ready();
    assert.ok((await control().reserveOutbound({ agentId: me.id })).ok);
    await expectState('RESERVED_OUTBOUND');
    return notReady();
  },
  'RESERVED_OUTBOUND -> TALKING': async () => {
    await signIn();
    await ready();
    assert.ok((await control().reserveOutbound({ agentId: me.id })).ok);
    await expectState('RESERVED_OUTBOUND');
    assert.ok((await control().connectOutbound({ agentId: me.id })).ok);
    await sub.nextDialog(me.id, 'POST', 'the campaign call');
    return expectState('TALKING');
  },
  'RESERVED_OUTBOUND_PREVIEW -> READY': async () => {
    await signIn();
    await ready();
    assert.ok((await control().reserveOutbound({ agentId: me.id, preview: true })).ok);
    await expectState('RESERVED_OUTBOUND_PREVIEW');
    assert.ok((await control().closeOutboundReservation({ agentId: me.id })).ok);
    return expectState('READY');
  },
  'RESERVED_OUTBOUND_PREVIEW -> NOT_READY': async () => {
    await signIn();
    await ready();
    assert.ok((await control().reserveOutbound({ agentId: me.id, preview: true })).ok);
    await expectState('RESERVED_OUTBOUND_PREVIEW');
    const pending = await pendingNotReady('4');
    assert.equal(pending.state, 'RESERVED_OUTBOUND_PREVIEW');
    assert.ok((await control().closeOutboundReservation({ agentId: me.id })).ok);
    const user = await expectState('NOT_READY');
    assert.equal(user.reasonCode?.label, 'Training');
    assert.equal(user.pendingState, null);
    return user;
  },
  'RESERVED_OUTBOUND_PREVIEW -> TALKING': async () => {
    await signIn();
    await ready();
    assert.ok((await control().reserveOutbound({ agentId: me.id, preview: true })).ok);
    await expectState('RESERVED_OUTBOUND_PREVIEW');
    assert.ok((await control().connectOutbound({ agentId: me.id })).ok);
    return expectState('TALKING');
  },
  'TALKING -> READY': async () => {
    const dialogId = await acdCallTalking();
    await farSideHangsUp(dialogId);
    await sub.nextDialog(me.id, 'DELETE', 'the ended call', dialogId);
    return expectState('READY');
  },
  'TALKING -> NOT_READY': async () => {
    const dialogId = await outboundTalking();
    await farSideHangsUp(dialogId);
    const user = await expectState('NOT_READY');
    assert.equal(user.reasonCode?.label, 'Meeting', 'the reason from before the call comes back');
    return user;
  },
  'TALKING -> WORK': async () => {
    await inWork();
    return rest.getUser(me.id);
  },
  'TALKING -> WORK_READY': async () => {
    await inWorkReady();
    return rest.getUser(me.id);
  },
  'TALKING -> HOLD': async () => {
    const dialogId = await acdCallTalking();
    return dialogAction(dialogId, 'HOLD');
  },
  'HOLD -> READY': async () => {
    const dialogId = await acdCallTalking();
    await dialogAction(dialogId, 'HOLD');
    await farSideHangsUp(dialogId);
    return expectState('READY');
  },
  'HOLD -> NOT_READY': async () => {
    const dialogId = await outboundTalking();
    await dialogAction(dialogId, 'HOLD');
    await farSideHangsUp(dialogId);
    return expectState('NOT_READY');
  },
  'HOLD -> WORK': async () => {
    assert.ok((await control().setWrapUp({ agentId: me.id, enabled: true })).ok);
    const dialogId = await acdCallTalking();
    await dialogAction(dialogId, 'HOLD');
    await pendingNotReady();
    await farSideHangsUp(dialogId);
    return expectState('WORK');
  },
  'HOLD -> WORK_READY': async () => {
    assert.ok((await control().setWrapUp({ agentId: me.id, enabled: true })).ok);
    const dialogId = await acdCallTalking();
    await dialogAction(dialogId, 'HOLD');
    await farSideHangsUp(dialogId);
    return expectState('WORK_READY');
  },
  'HOLD -> TALKING': async () => {
    const dialogId = await acdCallTalking();
    await dialogAction(dialogId, 'HOLD');
    return dialogAction(dialogId, 'RETRIEVE');
  },
  'WORK -> READY': async () => {
    await inWork();
    return ready();
  },
  'WORK -> NOT_READY': async () => {
    await inWork();
    return notReady('1');
  },
  'WORK_READY -> READY': async () => {
    await inWorkReady();
    return ready();
  },
  'WORK_READY -> NOT_READY': async () => {
    await inWorkReady();
    return notReady('1');
  },
};

describe('the simulator follows every row of the agent state transition table', () => {
  for (const row of AGENT_STATE_TRANSITIONS) {
    const name = `${row.from} -> ${row.to}`;
    test(name, async () => {
      const scenario = SCENARIOS[name];
      assert.ok(scenario, `no scenario drives the table row ${name}`);
      const user = await scenario();
      assert.equal(user.state, row.to);
    });
  }
});

describe('state rules around calls', () => {
  test('wrap-up ends by the timer: WORK goes to NOT_READY with the reason chosen during the call', async () => {
    await inWork();
    assert.ok((await control().expireWrapUp({ agentId: me.id })).ok);
    const user = await expectState('NOT_READY');
    assert.equal(user.reasonCode?.label, 'Lunch');
  });

  test('wrap-up ends by the timer: WORK_READY goes to READY', async () => {
    await inWorkReady();
    assert.ok((await control().expireWrapUp({ agentId: me.id })).ok);
    await expectState('READY');
  });

  test('a READY request during a call becomes pendingState and applies when the call ends', async () => {
    await signIn();
    await ready();
    await notReady('1');
    const dialogId = await (async () => {
      await ready();
      const placed = await control().placeAcdCall({ agentId: me.id });
      assert.ok(placed.ok);
      await expectState('RESERVED');
      return placed.value.dialogId;
    })();
    await dialogAction(dialogId, 'ANSWER');
    const pending = await pendingNotReady('5');
    assert.equal(pending.state, 'TALKING');
    const back = await request({ state: 'READY' });
    assert.equal(back.state, 'TALKING');
    assert.equal(back.pendingState, 'READY', 'a later request replaces the earlier pending one');
    await farSideHangsUp(dialogId);
    const user = await expectState('READY');
    assert.equal(user.pendingState, null);
  });

  test('a pending NOT_READY during a call ends the call straight into NOT_READY with that reason', async () => {
    const dialogId = await acdCallTalking();
    await pendingNotReady('5');
    await farSideHangsUp(dialogId);
    const user = await expectState('NOT_READY');
    assert.equal(user.reasonCode?.label, 'Handling Chat');
    assert.equal(user.pendingState, null);
  });

  test('a ringing ACD call not answered in time makes the agent NOT_READY with the system code 32767', async () => {
    const dialogId = await acdCallRinging();
    assert.ok((await control().ringNoAnswer({ dialogId })).ok);
    await sub.nextDialog(me.id, 'DELETE', 'the call taken back', dialogId);
    const user = await expectState('NOT_READY');
    assert.equal(user.reasonCode?.code, 32767);
    assert.equal(user.reasonCode?.systemCode, true);
  });

  test('a system Not Ready (device failure 50002) is reported with systemCode true', async () => {
    await signIn();
    await ready();
    assert.ok((await control().systemNotReady({ agentId: me.id, reason: 'DEVICE_FAILURE' })).ok);
    const user = await expectState('NOT_READY');
    assert.equal(user.reasonCode?.code, 50002);
    assert.equal(user.reasonCode?.systemCode, true);
  });

  test('the wrap-up dialog stays (participant WRAP_UP) until the agent leaves wrap-up, then is deleted', async () => {
    assert.ok((await control().setWrapUp({ agentId: me.id, enabled: true })).ok);
    const dialogId = await acdCallTalking();
    await farSideHangsUp(dialogId);
    const { dialog } = await sub.nextDialog(me.id, 'PUT', 'the call in wrap-up', dialogId);
    const mine = dialog.participants.find((p) => p.mediaAddress === me.extension);
    assert.equal(mine?.state, 'WRAP_UP');
    assert.deepEqual(mine?.actions, ['UPDATE_CALL_DATA']);
    await expectState('WORK_READY');
    assertAccepted(
      await rest.putDialog(dialogId, {
        requestedAction: 'UPDATE_CALL_DATA',
        targetMediaAddress: me.extension,
        wrapUpReason: 'Sale',
      }),
    );
    await sub.nextDialog(me.id, 'PUT', 'the wrap-up reason saved', dialogId);
    await ready();
    await sub.nextDialog(me.id, 'DELETE', 'the wrap-up dialog removed', dialogId);
    assert.deepEqual(await rest.getDialogs(me.id), []);
  });
});
