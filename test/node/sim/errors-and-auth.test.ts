// Synchronous errors (answered on the response), asynchronous errors (an <apiErrors> notification carrying
// the requestId), and who may act on whom, through the simulator's REST API and a real XMPP subscriber.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { parseReasonCodes } from '../../../src/core/finesse/xml/index.ts';
import type { WorldHandle } from '../../../sim/world.ts';
import { ADMINISTRATORS } from '../../../sim/finesse/seed.ts';
import type { SimulatorAccount } from '../../../sim/server.ts';
import { RestClient, agent, assertAccepted, assertSyncError, supervisor, type Subscriber } from './sim-test-kit.ts';
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

async function signedInReady(): Promise<void> {
  const login = await rest.putUser(me.id, { state: 'LOGIN', extension: me.extension });
  assertAccepted(login);
  await sub.nextUser(me.id, 'signed in', login.requestId);
  const ready = await rest.putUser(me.id, { state: 'READY' });
  assertAccepted(ready);
  await sub.nextUser(me.id, 'READY', ready.requestId);
}

describe('authentication and authorization', () => {
  test('wrong or missing credentials get 401 with an ApiErrors body', async () => {
    const wrong = await new RestClient(world.simulator.primaryUrl, me.id, 'not-the-password').call(
      'GET',
      `User/${me.id}`,
    );
    assertSyncError(wrong, 401, 'Authorization Failure');
    const none = await fetch(`${world.simulator.primaryUrl}/finesse/api/User/${me.id}`);
    assert.equal(none.status, 401);
  });

  test('the loginName works as the Basic username as well as the loginId', async () => {
    const byName = new RestClient(world.simulator.primaryUrl, me.loginName, me.password);
    const user = await byName.getUser(me.id);
    assert.equal(user.loginId, me.id);
    assert.equal(user.state, 'LOGOUT');
  });

  test('an agent may not read or change another agent', async () => {
    const other = agent(world, 1);
    assertSyncError(await rest.call('GET', `User/${other.id}`), 401, 'Invalid Authorization User Specified');
    assertSyncError(
      await rest.putUser(other.id, { state: 'LOGIN', extension: other.extension }),
      401,
      'Invalid Authorization User Specified',
    );
  });

  test('a supervisor may not act on an agent outside their teams', async () => {
    const otherTeamsSupervisor = RestClient.as(world.simulator.primaryUrl, supervisor(world, 1));
    assertSyncError(await otherTeamsSupervisor.putUser(me.id, { state: 'LOGOUT' }), 401, 'Invalid Supervisor');
  });
});

describe('synchronous errors', () => {
  test('NOT_READY without a reason code is "Parameter Missing"', async () => {
    await signedInReady();
    const e = assertSyncError(await rest.putUser(me.id, { state: 'NOT_READY' }), 400, 'Parameter Missing');
    assert.equal(e.errorData, 'finesse.api.reasoncode.require_reasoncode');
  });

  test('an unknown reason code, or one of the wrong category, is "Invalid Input"', async () => {
    await signedInReady();
    assertSyncError(await rest.putUser(me.id, { state: 'NOT_READY', reasonCodeId: '999999' }), 400, 'Invalid Input');
    assertSyncError(await rest.putUser(me.id, { state: 'NOT_READY', reasonCodeId: '11' }), 400, 'Invalid Input');
  });

  test('a request with no state is "Parameter Missing"; an unknown state value is "Invalid Input"', async () => {
    assertSyncError(await rest.putUser(me.id, {}), 400, 'Parameter Missing');
    assertSyncError(
      await rest.call('PUT', `User/${me.id}`, '<User><state>DANCING</state></User>'),
      400,
      'Invalid Input',
    );
  });

  test('an unreadable body is "Bad Request"', async () => {
    assertSyncError(await rest.call('PUT', `User/${me.id}`, '<User><state>READY'), 400, 'Bad Request');
  });

  test('signing in without an extension is "Parameter Missing"; a signed-in agent signing in again is "Invalid State"', async () => {
    assertSyncError(await rest.putUser(me.id, { state: 'LOGIN' }), 400, 'Parameter Missing');
    await signedInReady();
    assertSyncError(await rest.putUser(me.id, { state: 'LOGIN', extension: me.extension }), 400, 'Invalid State');
  });

  test('a signed-out agent asking for LOGOUT or READY gets "Invalid State"', async () => {
    assertSyncError(await rest.putUser(me.id, { state: 'LOGOUT' }), 400, 'Invalid State');
    assertSyncError(await rest.putUser(me.id, { state: 'READY' }), 400, 'Invalid State');
  });

  test('a dialog action on a dialog that does not exist is 404; a missing targetMediaAddress is "Parameter Missing"', async () => {
    await signedInReady();
    assertSyncError(
      await rest.putDialog('123', { requestedAction: 'ANSWER', targetMediaAddress: me.extension }),
      404,
      'Not Found',
    );
    const placed = await world.simulator.control.placeAcdCall({ agentId: me.id });
    assert.ok(placed.ok);
    assertSyncError(
      await rest.putDialog(placed.value.dialogId, { requestedAction: 'ANSWER' }),
      400,
      'Parameter Missing',
    );
    assertSyncError(
      await rest.putDialog(placed.value.dialogId, { requestedAction: 'DANCE', targetMediaAddress: me.extension }),
      400,
      'Invalid Input',
    );
  });

  test('another agent cannot act on my dialog', async () => {
    await signedInReady();
    const placed = await world.simulator.control.placeAcdCall({ agentId: me.id });
    assert.ok(placed.ok);
    const other = RestClient.as(world.simulator.primaryUrl, agent(world, 1));
    assertSyncError(
      await other.putDialog(placed.value.dialogId, { requestedAction: 'ANSWER', targetMediaAddress: me.extension }),
      401,
      'Invalid Authorization User Specified',
    );
  });
});

describe('asynchronous errors', () => {
  test('READY -> LOGOUT is accepted (202) and then refused by the CTI layer with CF_INVALID_OBJECT_STATE', async () => {
    await signedInReady();
    const answer = await rest.putUser(me.id, { state: 'LOGOUT' });
    assertAccepted(answer);
    const { errors, update } = await sub.nextApiErrors(answer.requestId, 'the refused sign-out');
    assert.equal(update.source, `/finesse/api/User/${me.id}`);
    assert.equal(errors[0]?.errorMessage, 'CF_INVALID_OBJECT_STATE');
    assert.equal(errors[0]?.errorType, 'Invalid State');
    assert.equal((await rest.getUser(me.id)).state, 'READY');
  });

  test('asking for a state nobody may request (WORK) is refused asynchronously', async () => {
    await signedInReady();
    const answer = await rest.putUser(me.id, { state: 'WORK' });
    assertAccepted(answer);
    const { errors } = await sub.nextApiErrors(answer.requestId, 'the refused WORK');
    assert.equal(errors[0]?.errorMessage, 'CF_INVALID_OBJECT_STATE');
  });

  test('a call operation the participant may not do now (HOLD while ringing) comes back on the Dialogs node', async () => {
    await signedInReady();
    const placed = await world.simulator.control.placeAcdCall({ agentId: me.id });
    assert.ok(placed.ok);
    const answer = await rest.putDialog(placed.value.dialogId, {
      requestedAction: 'HOLD',
      targetMediaAddress: me.extension,
    });
    assertAccepted(answer);
    const r = await sub.next((x) => x.update?.requestId === answer.requestId, 'the refused HOLD');
    assert.equal(r.node, `/finesse/api/User/${me.id}/Dialogs`);
    assert.equal(r.update?.source, `/finesse/api/Dialog/${placed.value.dialogId}`);
    assert.equal(r.update?.data.kind, 'apiErrors');
    if (r.update?.data.kind !== 'apiErrors') return;
    // The guide's Dialog CTI Error Notification: errorType "Call Operation Failure", the CTI constant as message.
    assert.equal(r.update.data.errors[0]?.errorType, 'Call Operation Failure');
    assert.equal(r.update.data.errors[0]?.errorMessage, 'CF_INVALID_OBJECT_STATE');
  });

  test('MAKE_CALL while READY is refused asynchronously (calls are placed from NOT_READY)', async () => {
    await signedInReady();
    const answer = await rest.postDialog(me.id, {
      requestedAction: 'MAKE_CALL',
      fromAddress: me.extension,
      toAddress: '6175550000',
    });
    assertAccepted(answer);
    const { errors } = await sub.nextApiErrors(answer.requestId, 'the refused MAKE_CALL');
    assert.equal(errors[0]?.errorMessage, 'CF_INVALID_OBJECT_STATE');
  });
});

describe('reason codes', () => {
  test('the user and team resources list the configured codes by category, never the system codes', async () => {
    const user = await rest.call('GET', `User/${me.id}/ReasonCodes?category=NOT_READY`);
    assert.equal(user.status, 200);
    const parsed = parseReasonCodes(user.body);
    assert.ok(parsed.ok);
    assert.ok(parsed.value.some((r) => r.label === 'Handling Chat'));
    assert.ok(parsed.value.every((r) => r.category === 'NOT_READY' && !r.systemCode));
    const team = await rest.call('GET', `TeamResource/${me.teamId}/ReasonCodes?category=LOGOUT`);
    const teamCodes = parseReasonCodes(team.body);
    assert.ok(teamCodes.ok);
    assert.deepEqual(
      teamCodes.value.map((r) => r.label),
      ['End of Shift', 'Personal'],
    );
    assertSyncError(await rest.call('GET', `User/${me.id}/ReasonCodes`), 400, 'Bad Request');
  });
});

describe('an administrator deletes a reason code (ReasonCode—Delete)', () => {
  const notReadyLabels = async (): Promise<string[]> => {
    const answer = await rest.call('GET', `User/${me.id}/ReasonCodes?category=NOT_READY`);
    const parsed = parseReasonCodes(answer.body);
    assert.ok(parsed.ok, answer.body);
    return parsed.value.map((r) => r.label);
  };

  test('the administrator deletes Handling Chat: agents no longer get it; a reset brings it back', async () => {
    const admin = ADMINISTRATORS[0];
    assert.ok(admin);
    assert.ok((await notReadyLabels()).includes('Handling Chat'));
    const deleted = await new RestClient(world.simulator.primaryUrl, admin.loginName, admin.password).call(
      'DELETE',
      'ReasonCode/5',
    );
    assert.equal(deleted.status, 200, deleted.body);
    assert.deepEqual(await notReadyLabels(), ['Break', 'Lunch', 'Meeting', 'Training']);
    const again = await new RestClient(world.simulator.primaryUrl, admin.loginName, admin.password).call(
      'DELETE',
      'ReasonCode/5',
    );
    assertSyncError(again, 404, 'Not Found');
    await setup.reset();
    assert.ok((await notReadyLabels()).includes('Handling Chat'));
  });

  test('an agent may not delete one, nor may anyone on the secondary node', async () => {
    assertSyncError(await rest.call('DELETE', 'ReasonCode/5'), 401, 'Authorization Failure');
    const admin = ADMINISTRATORS[0];
    assert.ok(admin);
    const secondary = new RestClient(world.simulator.secondaryUrl, admin.loginName, admin.password);
    assertSyncError(await secondary.call('DELETE', 'ReasonCode/5'), 403, 'Forbidden');
    assert.ok((await notReadyLabels()).includes('Handling Chat'));
  });
});
