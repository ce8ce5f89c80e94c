import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HubPort } from '../../../src/core/container/hub.ts';
import { watchUser } from '../../../src/core/finesse/user-feed.ts';
import type { FinesseClient } from '../../../src/core/finesse/rest/index.ts';
import type { FinesseError } from '../../../src/core/finesse/rest/index.ts';
import type { User } from '../../../src/core/finesse/types.ts';
import { updateToXml } from '../../../src/core/finesse/xml/index.ts';
import { ok, err, type Result } from '../../../src/core/result.ts';

const user = (state: User['state']): User => ({
  loginId: '1001', loginName: 'agent1', firstName: 'Ada', lastName: 'Agent', state, pendingState: null,
  reasonCodeId: null, reasonCode: null, stateChangeTime: null, extension: '1001001', roles: ['Agent'],
  teamId: '1', teamName: 'Team 1', teams: [], uri: '/finesse/api/User/1001',
});

/** A hub that records subscriptions and lets the test deliver payloads. */
function fakeHub() {
  const subs = new Map<string, Set<(p: unknown) => void>>();
  const hub: HubPort = {
    subscribe(topic, cb) {
      if (!subs.has(topic)) subs.set(topic, new Set());
      subs.get(topic)!.add(cb);
      return () => subs.get(topic)!.delete(cb);
    },
    publish() {},
  };
  return { hub, deliver: (topic: string, payload: unknown) => subs.get(topic)?.forEach((cb) => cb(payload)), count: (topic: string) => subs.get(topic)?.size ?? 0 };
}

function deferredClient() {
  let resolve!: (r: Result<User, FinesseError>) => void;
  const pending = new Promise<Result<User, FinesseError>>((r) => (resolve = r));
  const client: Pick<FinesseClient, 'getUser'> = { getUser: () => pending };
  return { client, resolve };
}

const userUpdate = (u: User) => updateToXml({ event: 'PUT', requestId: null, source: '/finesse/api/User/1001', data: { kind: 'user', user: u } });
const topic = 'finesse.api.User.1001';

test('the REST read gives the first User, then notifications keep it current', async () => {
  const { hub, deliver } = fakeHub();
  const { client, resolve } = deferredClient();
  const seen: string[] = [];
  watchUser({ client, hub, agentId: '1001' }, { onUser: (u) => seen.push(u.state), onProblem: (m) => seen.push(`problem: ${m}`) });
  resolve(ok(user('NOT_READY')));
  await new Promise((r) => setImmediate(r));
  deliver(topic, userUpdate(user('READY')));
  assert.deepEqual(seen, ['NOT_READY', 'READY']);
});

test('a notification that beats the REST read is not overwritten by the older read', async () => {
  const { hub, deliver } = fakeHub();
  const { client, resolve } = deferredClient();
  const seen: string[] = [];
  watchUser({ client, hub, agentId: '1001' }, { onUser: (u) => seen.push(u.state), onProblem: () => {} });
  deliver(topic, userUpdate(user('READY')));
  resolve(ok(user('NOT_READY')));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(seen, ['READY']);
});

test('wrapped payloads ({content}) are read like plain XML strings', async () => {
  const { hub, deliver } = fakeHub();
  const { client } = deferredClient();
  const seen: string[] = [];
  watchUser({ client, hub, agentId: '1001' }, { onUser: (u) => seen.push(u.state), onProblem: () => {} });
  deliver(topic, { content: userUpdate(user('TALKING')), object: {} });
  assert.deepEqual(seen, ['TALKING']);
});

test('a malformed notification is reported and ignored; the feed keeps working', async () => {
  const { hub, deliver } = fakeHub();
  const { client } = deferredClient();
  const seen: string[] = [];
  watchUser({ client, hub, agentId: '1001' }, { onUser: (u) => seen.push(u.state), onProblem: (m) => seen.push(`problem: ${m}`) });
  deliver(topic, '<Update><event>PUT</ev');
  deliver(topic, 42);
  deliver(topic, userUpdate(user('READY')));
  assert.equal(seen.length, 3);
  assert.match(seen[0]!, /^problem: A Finesse notification could not be read/);
  assert.match(seen[1]!, /^problem: A Finesse notification arrived without content/);
  assert.equal(seen[2], 'READY');
});

test('an async apiErrors notification becomes words the agent can act on', async () => {
  const { hub, deliver } = fakeHub();
  const { client } = deferredClient();
  const problems: string[] = [];
  watchUser({ client, hub, agentId: '1001' }, { onUser: () => {}, onProblem: (m) => problems.push(m) });
  deliver(topic, updateToXml({ event: 'PUT', requestId: 'r1', source: '/finesse/api/User/1001', data: { kind: 'apiErrors', errors: [
    { errorType: 'Invalid State', errorMessage: 'CF_INVALID_OBJECT_STATE', errorData: '1001', peripheralErrorCode: null, peripheralErrorMsg: 'CF_INVALID_OBJECT_STATE', peripheralErrorText: null },
  ] } }));
  assert.equal(problems.length, 1);
  assert.ok(problems[0]!.length > 10 && !problems[0]!.includes('undefined'), problems[0]);
});

test('a failed REST read is reported; stopping releases the hub subscription and ignores late results', async () => {
  const { hub, deliver, count } = fakeHub();
  const { client, resolve } = deferredClient();
  const seen: string[] = [];
  const stop = watchUser({ client, hub, agentId: '1001' }, { onUser: (u) => seen.push(u.state), onProblem: (m) => seen.push(`problem: ${m}`) });
  assert.equal(count(topic), 1);
  stop();
  assert.equal(count(topic), 0);
  deliver(topic, userUpdate(user('READY')));
  resolve(err({ kind: 'unavailable', method: 'GET', url: '/finesse/api/User/1001', status: 503, retryable: true,
    description: { code: 'HTTP_503', message: 'Finesse is out of service.', actor: 'automatic', retryable: true, known: true } } as FinesseError));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(seen, []);
});

test('a failed REST read while running is reported with the catalogue message', async () => {
  const { hub } = fakeHub();
  const { client, resolve } = deferredClient();
  const problems: string[] = [];
  watchUser({ client, hub, agentId: '1001' }, { onUser: () => {}, onProblem: (m) => problems.push(m) });
  resolve(err({ kind: 'unavailable', method: 'GET', url: '/finesse/api/User/1001', status: 503, retryable: true,
    description: { code: 'HTTP_503', message: 'Finesse is out of service.', actor: 'automatic', retryable: true, known: true } } as FinesseError));
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(problems, ['Finesse is out of service.']);
});
