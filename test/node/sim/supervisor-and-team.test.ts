// Supervisor actions on team members (forced Not Ready with the system code, sign-out, pending during a call)
// and the Team resource and its notifications, seen by a supervisor subscribed to the team node over XMPP.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { parseTeam } from '../../../src/core/finesse/xml/index.ts';
import { startWorld, type WorldHandle } from '../../../sim/world.ts';
import type { SimulatorAccount } from '../../../sim/server.ts';
import { RestClient, Subscriber, agent, assertAccepted, assertSyncError, resetAndSettle, supervisor } from './sim-test-kit.ts';

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

  async function nextTeamMember(what: string): Promise<{ state: string; code: number | null; requestId: string | null }> {
    const r = await bossSub.next((x) => x.node === teamNode() && x.update?.data.kind === 'teamUser', what);
    assert.ok(r.update !== null && r.update.data.kind === 'teamUser');
    assert.equal(r.update.source, `/finesse/api/User/${member.id}`);
    const user = r.update.data.user;
    return { state: user.state, code: user.reasonCode?.code ?? null, requestId: r.update.requestId };
  }

  test('the team node tells the supervisor each change of a member', async () => {
    await memberReady();
    assert.equal((await nextTeamMember('member signed in')).state, 'NOT_READY');
    assert.equal((await nextTeamMember('member ready')).state, 'READY');
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

  test('a supervisor may not pick the reason code', async () => {
    await memberReady();
    const e = assertSyncError(await bossRest.putUser(member.id, { state: 'NOT_READY', reasonCodeId: '1' }), 400, 'Invalid Input');
    assert.equal(e.errorData, 'finesse.api.reasoncode.not_allowed');
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
    const placed = await world.simulator.control.placeAcdCall({ agentId: member.id });
    assert.ok(placed.ok);
    await agentSub.nextUser(member.id, 'RESERVED');
    const answered = await agentRest.putDialog(placed.value.dialogId, { requestedAction: 'ANSWER', targetMediaAddress: member.extension });
    assertAccepted(answered);
    await agentSub.nextUser(member.id, 'TALKING', answered.requestId);
    const answer = await bossRest.putUser(member.id, { state: 'LOGOUT' });
    assertAccepted(answer);
    const pending = await agentSub.nextUser(member.id, 'pending sign-out', answer.requestId);
    assert.equal(pending.user.state, 'TALKING');
    assert.equal(pending.user.pendingState, 'LOGOUT');
    assert.ok((await world.simulator.control.endCall({ dialogId: placed.value.dialogId })).ok);
    const { user } = await agentSub.nextUser(member.id, 'signed out at call end');
    assert.equal(user.state, 'LOGOUT');
  });

  test('a supervisor cannot force Not Ready during a call (only from READY, WORK or WORK_READY)', async () => {
    await memberReady();
    const placed = await world.simulator.control.placeAcdCall({ agentId: member.id });
    assert.ok(placed.ok);
    await agentSub.nextUser(member.id, 'RESERVED');
    const answer = await bossRest.putUser(member.id, { state: 'NOT_READY' });
    assertAccepted(answer);
    const { errors } = await agentSub.nextApiErrors(answer.requestId, 'the refused forced Not Ready');
    assert.equal(errors[0]?.errorMessage, 'CF_INVALID_OBJECT_STATE');
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

  test('a supervisor may read a member\'s User and Dialogs', async () => {
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
