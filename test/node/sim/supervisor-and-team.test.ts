// Supervisor actions on team members as the developer guide states them (User—Change Agent State: only members of
// a team they supervise; only READY, NOT_READY or LOGOUT; NOT_READY only from READY, WORK or WORK_READY; no reason
// code, Finesse records 999 on UCCE and 33 on UCCX) and the Team resource and its notifications (a PUT from the
// member's own /finesse/api/User/{id} with one <user>), seen by a supervisor subscribed to the team node over XMPP.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { parseTeam, parseUpdate } from '../../../src/core/finesse/xml/index.ts';
import { startWorld, type WorldHandle } from '../../../sim/world.ts';
import type { SimulatorAccount } from '../../../sim/server.ts';
import {
  RestClient,
  Subscriber,
  agent,
  assertAccepted,
  assertSyncError,
  resetAndSettle,
  supervisor,
} from './sim-test-kit.ts';

describe('supervisor actions (UCCE)', () => {
  let world: WorldHandle;
  let member: SimulatorAccount;
  let boss: SimulatorAccount;
  let agentRest: RestClient;
  let bossRest: RestClient;
  let agentSub: Subscriber;
  let bossSub: Subscriber;
  let nodes: Map<Subscriber, string[]>;
  const teamNode = (): string => `/finesse/api/Team/${boss.supervises[0] ?? ''}/Users`;

  before(async () => {
    world = await startWorld();
    member = agent(world, 0);
    boss = supervisor(world, 0);
    assert.ok(boss.supervises.includes(member.teamId));
    agentRest = RestClient.as(world.simulator.primaryUrl, member);
    bossRest = RestClient.as(world.simulator.primaryUrl, boss);
    const agentNodes = [`/finesse/api/User/${member.id}`, `/finesse/api/User/${member.id}/Dialogs`];
    agentSub = await Subscriber.connect(world, member, agentNodes);
    // Team nodes are not subscribed automatically: the supervisor's desktop subscribes explicitly.
    bossSub = await Subscriber.connect(world, boss, [teamNode()]);
    nodes = new Map([
      [agentSub, agentNodes],
      [bossSub, [teamNode()]],
    ]);
  });

  after(async () => {
    await agentSub?.close();
    await bossSub?.close();
    await world?.stop();
  });

  beforeEach(() => resetAndSettle(world, [agentSub, bossSub], nodes));

  async function memberReady(): Promise<void> {
    for (const req of [{ state: 'LOGIN' as const, extension: member.extension }, { state: 'READY' as const }]) {
      const answer = await agentRest.putUser(member.id, req);
      assertAccepted(answer);
      await agentSub.nextUser(member.id, req.state, answer.requestId);
    }
  }

  /** The router reserves the READY member for an ACD call; resolves with the call's dialog id once reserved. */
  async function memberReserved(): Promise<string> {
    const placed = await world.simulator.control.placeAcdCall({ agentId: member.id });
    assert.ok(placed.ok);
    await agentSub.nextUser(member.id, 'RESERVED');
    return placed.value.dialogId;
  }

  /** The member answers the call from their own desktop: TALKING. */
  async function memberAnswers(dialogId: string): Promise<void> {
    const answered = await agentRest.putDialog(dialogId, {
      requestedAction: 'ANSWER',
      targetMediaAddress: member.extension,
    });
    assertAccepted(answered);
    await agentSub.nextUser(member.id, 'TALKING', answered.requestId);
  }

  async function nextTeamMember(
    what: string,
  ): Promise<{ state: string; code: number | null; requestId: string | null }> {
    const r = await bossSub.next((x) => x.node === teamNode() && x.update?.data.kind === 'teamUser', what);
    assert.ok(r.update !== null && r.update.data.kind === 'teamUser');
    // Finesse's shape: a PUT whose source is the member's own User URI, so only the node makes it a team member.
    assert.equal(r.update.event, 'PUT');
    assert.equal(r.update.source, `/finesse/api/User/${member.id}`);
    const withoutNode = parseUpdate(r.raw);
    assert.ok(withoutNode.ok);
    assert.equal(withoutNode.value.data.kind, 'user', 'nothing but the node tells the team member apart');
    const user = r.update.data.user;
    return { state: user.state, code: user.reasonCode?.code ?? null, requestId: r.update.requestId };
  }

  /** A supervisor's request refused on the response (400 Invalid State) with the member's state left as it was. */
  async function refusedNow(request: Parameters<RestClient['putUser']>[1], stateBefore: string): Promise<string> {
    const e = assertSyncError(await bossRest.putUser(member.id, request), 400, 'Invalid State');
    assert.equal((await agentRest.getUser(member.id)).state, stateBefore);
    return e.errorMessage;
  }

  test('the team node tells the supervisor each change of a member', async () => {
    await memberReady();
    assert.equal((await nextTeamMember('member signed in')).state, 'NOT_READY');
    assert.equal((await nextTeamMember('member ready')).state, 'READY');
  });

  test('every state change of a member reaches the team node, in order, as one <user> with the documented fields', async () => {
    await memberReady();
    const dialogId = await memberReserved();
    await memberAnswers(dialogId);
    const pending = await agentRest.putUser(member.id, { state: 'NOT_READY', reasonCodeId: '1' });
    assertAccepted(pending);
    await agentSub.nextUser(member.id, 'pending NOT_READY', pending.requestId);
    assert.ok((await world.simulator.control.endCall({ dialogId })).ok);
    await agentSub.nextUser(member.id, 'NOT_READY at call end');
    const seen: string[] = [];
    for (const what of ['signed in', 'ready', 'reserved', 'talking', 'pending', 'call end']) {
      const r = await bossSub.next((x) => x.node === teamNode(), what);
      assert.ok(r.update !== null && r.update.data.kind === 'teamUser', r.raw);
      assert.equal(r.update.source, `/finesse/api/User/${member.id}`);
      for (const field of [
        'uri',
        'loginId',
        'firstName',
        'lastName',
        'state',
        'pendingState',
        'stateChangeTime',
        'extension',
      ]) {
        assert.match(r.raw, new RegExp(`<${field}>|<${field}/>`), `${what}: <user> has <${field}>`);
      }
      assert.doesNotMatch(r.raw, /<loginName>|<reasonCodeId>/, `${what}: only the team summary's fields`);
      const u = r.update.data.user;
      seen.push(
        `${u.state}${u.pendingState === null ? '' : `>${u.pendingState}`}${u.reasonCode === null ? '' : ` ${u.reasonCode.label}`}`,
      );
    }
    assert.deepEqual(seen, ['NOT_READY', 'READY', 'RESERVED', 'TALKING', 'TALKING>NOT_READY', 'NOT_READY Break']);
  });

  test('a supervisor may act only on members of a team they supervise (401 Invalid Supervisor)', async () => {
    await memberReady();
    const otherBoss = supervisor(world, 1);
    assert.ok(!otherBoss.supervises.includes(member.teamId));
    assertSyncError(
      await RestClient.as(world.simulator.primaryUrl, otherBoss).putUser(member.id, { state: 'NOT_READY' }),
      401,
      'Invalid Supervisor',
    );
    assert.equal((await agentRest.getUser(member.id)).state, 'READY');
  });

  test('a supervisor may ask only for READY, NOT_READY or LOGOUT: anything else is 400 Invalid State at once', async () => {
    await memberReady();
    for (const state of ['WORK', 'WORK_READY', 'TALKING', 'LOGIN'] as const) {
      assert.match(
        await refusedNow(state === 'LOGIN' ? { state, extension: member.extension } : { state }, 'READY'),
        /only to READY, NOT_READY or LOGOUT/,
        state,
      );
    }
  });

  test('a supervisor sets READY on a Not Ready member', async () => {
    await memberReady();
    const down = await agentRest.putUser(member.id, { state: 'NOT_READY', reasonCodeId: '1' });
    assertAccepted(down);
    await agentSub.nextUser(member.id, 'NOT_READY', down.requestId);
    const answer = await bossRest.putUser(member.id, { state: 'READY' });
    assertAccepted(answer);
    const { user } = await agentSub.nextUser(member.id, 'READY by the supervisor', answer.requestId);
    assert.equal(user.state, 'READY');
    assert.equal(user.reasonCode, null);
  });

  test('a supervisor cannot force Not Ready on a member who is already NOT_READY (only from READY, WORK or WORK_READY)', async () => {
    await memberReady();
    const down = await agentRest.putUser(member.id, { state: 'NOT_READY', reasonCodeId: '1' });
    assertAccepted(down);
    await agentSub.nextUser(member.id, 'NOT_READY', down.requestId);
    assert.match(
      await refusedNow({ state: 'NOT_READY' }, 'NOT_READY'),
      /only when the agent is READY, WORK or WORK_READY/,
    );
    assert.equal((await agentRest.getUser(member.id)).reasonCode?.code, 1, "the member's own reason is kept");
  });

  test('a supervisor forces Not Ready during wrap-up (WORK_READY): 999', async () => {
    await memberReady();
    assert.ok((await world.simulator.control.setWrapUp({ agentId: member.id, enabled: true })).ok);
    const dialogId = await memberReserved();
    await memberAnswers(dialogId);
    assert.ok((await world.simulator.control.endCall({ dialogId })).ok);
    assert.equal((await agentSub.nextUser(member.id, 'wrap-up')).user.state, 'WORK_READY');
    const answer = await bossRest.putUser(member.id, { state: 'NOT_READY' });
    assertAccepted(answer);
    const { user } = await agentSub.nextUser(member.id, 'forced Not Ready from WORK_READY', answer.requestId);
    assert.equal(user.state, 'NOT_READY');
    assert.equal(user.reasonCode?.code, 999);
  });

  test('a supervisor cannot sign out a member who is signed out (400 Invalid State)', async () => {
    assertSyncError(await bossRest.putUser(member.id, { state: 'LOGOUT' }), 400, 'Invalid State');
    assertSyncError(await bossRest.putUser(member.id, { state: 'READY' }), 400, 'Invalid State');
  });

  test('a supervisor forces a member Not Ready: 202, and Finesse uses the system code 999', async () => {
    await memberReady();
    const answer = await bossRest.putUser(member.id, { state: 'NOT_READY' });
    assertAccepted(answer);
    const { user } = await agentSub.nextUser(member.id, 'forced Not Ready', answer.requestId);
    assert.equal(user.state, 'NOT_READY');
    assert.equal(user.reasonCode?.code, 999);
    assert.equal(user.reasonCode?.systemCode, true);
    await nextTeamMember('signed in');
    await nextTeamMember('ready');
    const seen = await nextTeamMember('forced');
    assert.deepEqual(seen, { state: 'NOT_READY', code: 999, requestId: answer.requestId });
  });

  test('a supervisor may not pick the reason code: 400 Invalid Input, the member stays as they were', async () => {
    await memberReady();
    for (const state of ['NOT_READY', 'LOGOUT', 'READY'] as const) {
      const e = assertSyncError(
        await bossRest.putUser(member.id, { state, reasonCodeId: state === 'LOGOUT' ? '11' : '1' }),
        400,
        'Invalid Input',
      );
      assert.equal(e.errorData, 'finesse.api.reasoncode.not_allowed', state);
    }
    assert.equal((await agentRest.getUser(member.id)).state, 'READY');
  });

  test('a supervisor signs a member out', async () => {
    await memberReady();
    const answer = await bossRest.putUser(member.id, { state: 'LOGOUT' });
    assertAccepted(answer);
    const { user } = await agentSub.nextUser(member.id, 'signed out by the supervisor', answer.requestId);
    assert.equal(user.state, 'LOGOUT');
  });

  test("a supervisor's sign-out during a call waits for the call to end", async () => {
    await memberReady();
    const dialogId = await memberReserved();
    await memberAnswers(dialogId);
    const answer = await bossRest.putUser(member.id, { state: 'LOGOUT' });
    assertAccepted(answer);
    const pending = await agentSub.nextUser(member.id, 'pending sign-out', answer.requestId);
    assert.equal(pending.user.state, 'TALKING');
    assert.equal(pending.user.pendingState, 'LOGOUT');
    assert.ok((await world.simulator.control.endCall({ dialogId })).ok);
    const { user } = await agentSub.nextUser(member.id, 'signed out at call end');
    assert.equal(user.state, 'LOGOUT');
  });

  test('a supervisor cannot force Not Ready during a call (only from READY, WORK or WORK_READY): 400 Invalid State at once', async () => {
    await memberReady();
    const dialogId = await memberReserved();
    assert.match(await refusedNow({ state: 'NOT_READY' }, 'RESERVED'), /the agent is RESERVED/);
    await memberAnswers(dialogId);
    assert.match(await refusedNow({ state: 'NOT_READY' }, 'TALKING'), /the agent is TALKING/);
    assert.equal((await agentRest.getUser(member.id)).pendingState, null, 'nothing left pending');
  });

  test('GET Team lists the members for its supervisor only', async () => {
    await memberReady();
    const answer = await bossRest.call('GET', `Team/${member.teamId}`);
    assert.equal(answer.status, 200);
    const team = parseTeam(answer.body);
    assert.ok(team.ok);
    const listed = team.value.users.find((u) => u.loginId === member.id);
    assert.equal(listed?.state, 'READY');
    assertSyncError(await agentRest.call('GET', `Team/${member.teamId}`), 401, 'Authorization Failure');
    assertSyncError(await bossRest.call('GET', 'Team/404'), 404, 'Not Found');
  });

  test("a supervisor may read a member's User and Dialogs", async () => {
    await memberReady();
    assert.equal((await bossRest.getUser(member.id)).state, 'READY');
    assert.deepEqual(await bossRest.getDialogs(member.id), []);
  });
});

describe('supervisor actions (UCCX)', () => {
  let world: WorldHandle;

  before(async () => {
    world = await startWorld({ deployment: 'UCCX' });
  });

  after(async () => {
    await world?.stop();
  });

  test('a forced Not Ready carries the UCCX supervisor code 33, and SystemInfo says UCCX', async () => {
    const member = agent(world, 0);
    const boss = supervisor(world, 0);
    const sub = await Subscriber.connect(world, member, [`/finesse/api/User/${member.id}`]);
    try {
      const rest = RestClient.as(world.simulator.primaryUrl, member);
      for (const req of [{ state: 'LOGIN' as const, extension: member.extension }, { state: 'READY' as const }]) {
        const answer = await rest.putUser(member.id, req);
        assertAccepted(answer);
        await sub.nextUser(member.id, req.state, answer.requestId);
      }
      const forced = await RestClient.as(world.simulator.primaryUrl, boss).putUser(member.id, { state: 'NOT_READY' });
      assertAccepted(forced);
      const { user } = await sub.nextUser(member.id, 'forced Not Ready', forced.requestId);
      assert.equal(user.reasonCode?.code, 33);
      const info = await fetch(`${world.simulator.primaryUrl}/finesse/api/SystemInfo`);
      assert.match(await info.text(), /<deploymentType>UCCX<\/deploymentType>/);
    } finally {
      await sub.close();
    }
  });
});
