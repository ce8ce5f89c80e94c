// The two-node cluster (a node out of service answers 503, its SystemInfo says OUT_OF_SERVICE and a
// SystemInfo notification goes out; the other node keeps serving the same world), malformed notifications
// injected on purpose, and the JSON control API over HTTP.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { parseSystemInfo } from '../../../src/core/finesse/xml/index.ts';
import { startWorld, type WorldHandle } from '../../../sim/world.ts';
import type { SimulatorAccount } from '../../../sim/server.ts';
import { RestClient, Subscriber, agent, assertAccepted, assertSyncError, resetAndSettle } from './sim-test-kit.ts';

let world: WorldHandle;
let me: SimulatorAccount;
let sub: Subscriber;
let nodes: Map<Subscriber, string[]>;
const extraRouteHits: string[] = [];

before(async () => {
  world = await startWorld({
    routes: [
      (_req, res, url) => {
        if (url.pathname !== '/desktop/hello') return false;
        extraRouteHits.push(url.pathname);
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('hello');
        return true;
      },
    ],
  });
  me = agent(world, 0);
  // Only the automatic subscriptions Finesse makes (User, Dialogs, SystemInfo): no explicit subscribe here.
  sub = await Subscriber.connect(world, me, []);
  nodes = new Map([[sub, [`/finesse/api/User/${me.id}`, '/finesse/api/SystemInfo']]]);
});

after(async () => {
  await sub?.close();
  await world?.stop();
});

beforeEach(() => resetAndSettle(world, [sub], nodes));

async function systemInfo(baseUrl: string): Promise<{ status: number; info: ReturnType<typeof parseSystemInfo> }> {
  const res = await fetch(`${baseUrl}/finesse/api/SystemInfo`);
  return { status: res.status, info: parseSystemInfo(await res.text()) };
}

describe('two nodes over one world', () => {
  test('both nodes answer SystemInfo IN_SERVICE and name each other', async () => {
    for (const url of [world.simulator.primaryUrl, world.simulator.secondaryUrl]) {
      const { status, info } = await systemInfo(url);
      assert.equal(status, 200);
      assert.ok(info.ok);
      assert.equal(info.value.status, 'IN_SERVICE');
      assert.equal(info.value.primaryNode, new URL(world.simulator.primaryUrl).host);
      assert.equal(info.value.secondaryNode, new URL(world.simulator.secondaryUrl).host);
      assert.equal(info.value.xmppPubSubDomain, world.prosody.pubsubDomain);
    }
  });

  test('a node out of service: 503 to API calls, SystemInfo OUT_OF_SERVICE, a notification; the other node serves on', async () => {
    const primary = RestClient.as(world.simulator.primaryUrl, me);
    const secondary = RestClient.as(world.simulator.secondaryUrl, me);
    assert.ok((await world.simulator.control.setNodeInService({ node: 'primary', inService: false })).ok);

    const note = await sub.next((r) => r.node === '/finesse/api/SystemInfo', 'the SystemInfo notification');
    assert.ok(note.update !== null && note.update.data.kind === 'systemInfo');
    assert.equal(note.update.data.systemInfo.status, 'OUT_OF_SERVICE');

    const e = assertSyncError(await primary.call('GET', `User/${me.id}`), 503, 'Service Unavailable');
    assert.equal(e.errorMessage, 'SERVER_OUT_OF_SERVICE');
    assertSyncError(
      await primary.putUser(me.id, { state: 'LOGIN', extension: me.extension }),
      503,
      'Service Unavailable',
    );
    const down = await systemInfo(world.simulator.primaryUrl);
    assert.equal(down.status, 200);
    assert.ok(down.info.ok);
    assert.equal(down.info.value.status, 'OUT_OF_SERVICE');

    // The same agent carries on through the secondary node.
    const login = await secondary.putUser(me.id, { state: 'LOGIN', extension: me.extension });
    assertAccepted(login);
    assert.equal((await sub.nextUser(me.id, 'signed in via the secondary', login.requestId)).user.state, 'NOT_READY');

    assert.ok((await world.simulator.control.setNodeInService({ node: 'primary', inService: true })).ok);
    const back = await sub.next((r) => r.node === '/finesse/api/SystemInfo', 'back in service');
    assert.ok(back.update !== null && back.update.data.kind === 'systemInfo');
    assert.equal(back.update.data.systemInfo.status, 'IN_SERVICE');
    assert.equal((await primary.getUser(me.id)).state, 'NOT_READY');
  });
});

describe('malformed notifications', () => {
  test('raw text injected on a node reaches subscribers as is', async () => {
    const payload = '<Update><event>PUT</event><data><user><state>READY</st';
    assert.ok((await world.simulator.control.injectNotification({ node: `/finesse/api/User/${me.id}`, payload })).ok);
    const r = await sub.next((x) => x.raw === payload, 'the malformed notification');
    assert.equal(r.update, null);
  });

  test('injecting on a node that does not exist is refused', async () => {
    const result = await world.simulator.control.injectNotification({ node: '/finesse/api/User/nobody', payload: 'x' });
    assert.equal(result.ok, false);
  });
});

describe('the JSON control API', () => {
  const control = async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: Record<string, unknown> }> => {
    const res = await fetch(`${world.simulator.primaryUrl}/control/${path}`, {
      method,
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } } : {}),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  test('places a call, ends it, reads the state, and says what is wrong with bad requests', async () => {
    const rest = RestClient.as(world.simulator.primaryUrl, me);
    for (const req of [{ state: 'LOGIN' as const, extension: me.extension }, { state: 'READY' as const }]) {
      const answer = await rest.putUser(me.id, req);
      assertAccepted(answer);
      await sub.nextUser(me.id, req.state, answer.requestId);
    }
    const placed = await control('POST', 'calls/acd', { agentId: me.id, callVariables: { account: '42' } });
    assert.equal(placed.status, 201);
    const dialogId = placed.json['dialogId'];
    assert.equal(typeof dialogId, 'string');
    const state = await control('GET', 'state');
    const dialogs = state.json['dialogs'] as Array<{ id: string }>;
    assert.deepEqual(
      dialogs.map((d) => d.id),
      [dialogId],
    );
    const requests = state.json['requests'] as Array<{ path: string; user: string | null }>;
    assert.ok(requests.some((r) => r.path === `/finesse/api/User/${me.id}` && r.user === me.id));
    assert.equal((await control('POST', `calls/${String(dialogId)}/end`)).status, 200);
    assert.equal((await control('POST', `calls/${String(dialogId)}/end`)).status, 404);
    assert.equal(
      (await control('POST', 'calls/acd', { agentId: me.id })).status,
      201,
      'the unanswered call left the agent READY',
    );
    assert.equal(
      (await control('POST', 'calls/acd', { agentId: me.id })).status,
      409,
      'a RESERVED agent gets no second routed call',
    );

    assert.equal((await control('POST', 'calls/internal', { agentId: me.id, kind: 'sideways' })).status, 400);
    assert.equal((await control('PUT', 'nodes/tertiary', { inService: false })).status, 400);
    assert.equal((await control('PUT', `agents/${me.id}/wrap-up`, { enabled: 'yes' })).status, 400);
    assert.equal((await control('GET', 'nothing-here')).status, 404);
  });

  test('routes passed to the simulator are tried first on the primary listener only', async () => {
    const res = await fetch(`${world.simulator.primaryUrl}/desktop/hello`);
    assert.equal(await res.text(), 'hello');
    const onSecondary = await fetch(`${world.simulator.secondaryUrl}/desktop/hello`);
    assert.equal(onSecondary.status, 404);
    assert.deepEqual(extraRouteHits, ['/desktop/hello']);
    const controlOnSecondary = await fetch(`${world.simulator.secondaryUrl}/control/state`);
    assert.equal(controlOnSecondary.status, 404);
  });
});
