import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import {
  createFinesseClient,
  type FinesseClient,
  type FinesseClientOptions,
  type FinesseRequestLog,
} from '../../../src/core/finesse/rest/finesse-client.ts';
import type { FinesseError } from '../../../src/core/finesse/rest/finesse-error.ts';
import {
  TransportError,
  type HttpRequest,
  type HttpResponse,
  type HttpTransport,
} from '../../../src/core/finesse/rest/http-transport.ts';
import { Secret } from '../../../src/core/container/secret.ts';
import type { ApiError, ReasonCode, SystemInfo, Team, User } from '../../../src/core/finesse/types.ts';
import {
  apiErrorsToXml,
  parseDialogRequest,
  parseUserRequest,
  reasonCodesToXml,
  systemInfoToXml,
  teamToXml,
  userToXml,
} from '../../../src/core/finesse/xml/index.ts';

const PASSWORD = 'pa55-Wörd';
const BASIC = `Basic ${Buffer.from(`1001001:${PASSWORD}`, 'utf8').toString('base64')}`;
const BASE64_ONLY = BASIC.slice('Basic '.length);

type Script = (req: HttpRequest) => HttpResponse | Promise<HttpResponse>;

/** A transport that records every request and answers from a script; the fake lives here, in test code. */
class FakeTransport implements HttpTransport {
  readonly requests: HttpRequest[] = [];
  constructor(private readonly script: Script) {}
  async request(req: HttpRequest): Promise<HttpResponse> {
    this.requests.push(req);
    return this.script(req);
  }
}

const answer = (status: number, body = '', headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  body,
});

function clientWith(
  script: Script,
  extra: Partial<FinesseClientOptions> = {},
): { client: FinesseClient; transport: FakeTransport; logs: FinesseRequestLog[] } {
  const transport = new FakeTransport(script);
  const logs: FinesseRequestLog[] = [];
  let n = 0;
  const client = createFinesseClient({
    baseUrl: 'https://finesse1.example.com:8445/',
    auth: { kind: 'basic', id: '1001001', password: PASSWORD },
    transport,
    timeoutMs: 2000,
    newRequestId: () => `req-${++n}`,
    log: (entry) => logs.push(entry),
    ...extra,
  });
  return { client, transport, logs };
}

const apiError = (errorType: string, errorMessage: string, errorData: string | null = null): ApiError => ({
  errorType,
  errorMessage,
  errorData,
  peripheralErrorCode: null,
  peripheralErrorMsg: null,
  peripheralErrorText: null,
});
const apiErrorsBody = (...errors: ApiError[]): string => apiErrorsToXml(errors, { form: 'sync' });

const USER: User = {
  loginId: '1001001',
  loginName: 'jsmith',
  firstName: 'John',
  lastName: 'Smith',
  state: 'NOT_READY',
  pendingState: null,
  reasonCodeId: '12',
  reasonCode: null,
  stateChangeTime: '2024-05-01T10:00:00.000Z',
  extension: '1001',
  roles: ['Agent'],
  teamId: '7',
  teamName: 'Blended',
  teams: [],
  uri: '/finesse/api/User/1001001',
};

const LUNCH: ReasonCode = {
  id: '12',
  code: 12,
  label: 'Lunch',
  category: 'NOT_READY',
  systemCode: false,
  forAll: true,
  uri: '/finesse/api/ReasonCode/12',
};
const CHAT: ReasonCode = {
  id: '31',
  code: 31,
  label: 'Handling Chat',
  category: 'NOT_READY',
  systemCode: false,
  forAll: true,
  uri: '/finesse/api/ReasonCode/31',
};

function expectError(result: { ok: boolean; error?: FinesseError }): FinesseError {
  assert.equal(result.ok, false, 'expected a failure');
  assert.ok(result.error);
  return result.error;
}

test('state change: PUT User/{id} with XML body, Accept/Content-Type, Basic auth and a requestId; 202 is accepted', async () => {
  const { client, transport } = clientWith(() => answer(202));
  const result = await client.setUserState('1001001', { state: 'NOT_READY', reasonCodeId: '31' });
  assert.deepEqual(result, { ok: true, value: { accepted: true, requestId: 'req-1' } });

  const [req] = transport.requests;
  assert.ok(req);
  assert.equal(req.method, 'PUT');
  assert.equal(req.url, 'https://finesse1.example.com:8445/finesse/api/User/1001001');
  assert.equal(req.headers['Accept'], 'application/xml');
  assert.equal(req.headers['Content-Type'], 'application/xml');
  assert.equal(req.headers['Authorization'], BASIC);
  assert.equal(req.headers['requestId'], 'req-1');
  assert.equal(req.timeoutMs, 2000);
  assert.deepEqual(parseUserRequest(req.body ?? ''), { ok: true, value: { state: 'NOT_READY', reasonCodeId: '31' } });
});

test('each request carries its own requestId; by default a random UUID', async () => {
  const { client, transport } = clientWith(() => answer(202), { newRequestId: undefined });
  const a = await client.setUserState('1001001', { state: 'READY' });
  const b = await client.setUserState('1001001', { state: 'READY' });
  assert.ok(a.ok && b.ok);
  assert.notEqual(a.value.requestId, b.value.requestId);
  assert.match(a.value.requestId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(transport.requests[1]?.headers['requestId'], b.value.requestId);
});

test('sign in sends LOGIN with the extension; sign out sends LOGOUT with the reason', async () => {
  const { client, transport } = clientWith(() => answer(202));
  await client.signIn('1001001', '1001');
  await client.signOut('1001001', '40');
  await client.signOut('1001001');
  const bodies = transport.requests.map((r) => parseUserRequest(r.body ?? ''));
  assert.deepEqual(bodies, [
    { ok: true, value: { state: 'LOGIN', extension: '1001' } },
    { ok: true, value: { state: 'LOGOUT', reasonCodeId: '40' } },
    { ok: true, value: { state: 'LOGOUT' } },
  ]);
});

test("a supervisor's Not Ready for a team member is a PUT on the member's User without a reason code", async () => {
  const { client, transport } = clientWith(() => answer(202));
  const result = await client.setTeamMemberState('1001002', { state: 'NOT_READY' });
  assert.ok(result.ok);
  assert.equal(transport.requests[0]?.url, 'https://finesse1.example.com:8445/finesse/api/User/1001002');
  assert.deepEqual(parseUserRequest(transport.requests[0]?.body ?? ''), { ok: true, value: { state: 'NOT_READY' } });
  await client.setTeamMemberState('1001002', { state: 'LOGOUT', reasonCodeId: '999' });
  assert.deepEqual(parseUserRequest(transport.requests[1]?.body ?? ''), {
    ok: true,
    value: { state: 'LOGOUT', reasonCodeId: '999' },
  });
});

test('a dialog action is a PUT on Dialog/{id} and is accepted on 202', async () => {
  const { client, transport } = clientWith(() => answer(202));
  const result = await client.dialogAction('16777236', { requestedAction: 'ANSWER', targetMediaAddress: '1001' });
  assert.deepEqual(result, { ok: true, value: { accepted: true, requestId: 'req-1' } });
  assert.equal(transport.requests[0]?.url, 'https://finesse1.example.com:8445/finesse/api/Dialog/16777236');
  assert.deepEqual(parseDialogRequest(transport.requests[0]?.body ?? ''), {
    ok: true,
    value: { requestedAction: 'ANSWER', targetMediaAddress: '1001' },
  });
});

test('GET User returns the typed User; GETs send no body and no Content-Type', async () => {
  const { client, transport } = clientWith(() => answer(200, userToXml(USER)));
  const result = await client.getUser('1001001');
  assert.ok(result.ok);
  assert.equal(result.value.loginId, '1001001');
  assert.equal(result.value.state, 'NOT_READY');
  assert.equal(result.value.teamId, '7');
  const [req] = transport.requests;
  assert.equal(req?.method, 'GET');
  assert.equal(req?.body, undefined);
  assert.equal(req?.headers['Content-Type'], undefined);
  assert.equal(req?.headers['Accept'], 'application/xml');
});

test('GET SystemInfo, Team, Dialogs and ReasonCodes go to the documented resources', async () => {
  const info: SystemInfo = {
    status: 'IN_SERVICE',
    statusReason: null,
    deploymentType: 'UCCE',
    primaryNode: 'finesse1',
    secondaryNode: 'finesse2',
    xmppDomain: 'finesse1.example.com',
    xmppPubSubDomain: 'pubsub.finesse1.example.com',
    currentTimestamp: null,
    timezoneOffset: null,
  };
  const team: Team = { id: '7', name: 'Blended', users: [], uri: '/finesse/api/Team/7' };
  const bodies: Record<string, string> = {
    '/finesse/api/SystemInfo': systemInfoToXml(info),
    '/finesse/api/Team/7': teamToXml(team),
    '/finesse/api/User/1001001/Dialogs': '<Dialogs></Dialogs>',
    '/finesse/api/User/1001001/ReasonCodes?category=NOT_READY': reasonCodesToXml([LUNCH, CHAT]),
  };
  const { client, transport } = clientWith((req) => {
    const path = new URL(req.url).pathname + new URL(req.url).search;
    const body = bodies[path];
    return body === undefined ? answer(404) : answer(200, body);
  });
  const sys = await client.getSystemInfo();
  assert.ok(sys.ok);
  assert.equal(sys.value.status, 'IN_SERVICE');
  const t = await client.getTeam('7');
  assert.ok(t.ok);
  assert.equal(t.value.name, 'Blended');
  const dialogs = await client.getDialogs('1001001');
  assert.deepEqual(dialogs, { ok: true, value: [] });
  const codes = await client.getReasonCodes('1001001', 'NOT_READY');
  assert.ok(codes.ok);
  assert.deepEqual(
    codes.value.map((c) => c.label),
    ['Lunch', 'Handling Chat'],
  );
  assert.equal(transport.requests.length, 4);
});

test('ids are URL-encoded and a trailing slash on the base URL is not doubled', async () => {
  const { client, transport } = clientWith(() => answer(202));
  await client.setUserState('a/b?c', { state: 'READY' });
  assert.equal(transport.requests[0]?.url, 'https://finesse1.example.com:8445/finesse/api/User/a%2Fb%3Fc');
});

test('reason codes: the team resource first, then the User resource when the team resource is 404', async () => {
  const { client, transport } = clientWith((req) =>
    req.url.includes('/TeamResource/') ? answer(404) : answer(200, reasonCodesToXml([LUNCH])),
  );
  const result = await client.getAgentReasonCodes('1001001', '7', 'NOT_READY');
  assert.ok(result.ok);
  assert.deepEqual(
    result.value.map((c) => c.id),
    ['12'],
  );
  assert.deepEqual(
    transport.requests.map((r) => r.url),
    [
      'https://finesse1.example.com:8445/finesse/api/TeamResource/7/ReasonCodes?category=NOT_READY',
      'https://finesse1.example.com:8445/finesse/api/User/1001001/ReasonCodes?category=NOT_READY',
    ],
  );
});

test('reason codes: no fallback when the team resource answers, or fails for another reason', async () => {
  const ok = clientWith(() => answer(200, reasonCodesToXml([CHAT])));
  const fromTeam = await ok.client.getAgentReasonCodes('1001001', '7', 'LOGOUT');
  assert.ok(fromTeam.ok);
  assert.equal(ok.transport.requests.length, 1);

  const down = clientWith(() => answer(503));
  const failed = await down.client.getAgentReasonCodes('1001001', '7', 'NOT_READY');
  assert.equal(expectError(failed).kind, 'unavailable');
  assert.equal(down.transport.requests.length, 1);

  const noTeam = clientWith(() => answer(200, reasonCodesToXml([LUNCH])));
  await noTeam.client.getAgentReasonCodes('1001001', null, 'NOT_READY');
  assert.match(noTeam.transport.requests[0]?.url ?? '', /\/User\/1001001\/ReasonCodes\?category=NOT_READY$/);
});

test('400 Invalid State: an api error carrying the parsed ApiErrors and the catalogue description, retryable', async () => {
  const { client } = clientWith(() =>
    answer(400, apiErrorsBody(apiError('Invalid State', 'Invalid state transition', 'READY'))),
  );
  const e = expectError(await client.setUserState('1001001', { state: 'READY' }));
  assert.equal(e.kind, 'api');
  assert.equal(e.status, 400);
  assert.equal(e.apiErrors?.[0]?.errorType, 'Invalid State');
  assert.equal(e.description.code, 'Invalid State');
  assert.equal(e.retryable, true);
});

test('400 Invalid Input is an api error that is not retryable', async () => {
  const { client } = clientWith(() =>
    answer(400, apiErrorsBody(apiError('Invalid Input', 'reasonCodeId is not valid'))),
  );
  const e = expectError(await client.setUserState('1001001', { state: 'NOT_READY', reasonCodeId: '404' }));
  assert.equal(e.kind, 'api');
  assert.equal(e.retryable, false);
});

test('401 without ApiErrors is an auth error telling the agent to sign in again', async () => {
  const { client } = clientWith(() => answer(401, '', { 'www-authenticate': 'Basic realm="Finesse"' }));
  const e = expectError(await client.getUser('1001001'));
  assert.equal(e.kind, 'auth');
  assert.equal(e.retryable, false);
  assert.equal(e.description.actor, 'agent');
  assert.match(e.description.message, /sign in/i);
});

test('401 "Authorization Failure" is auth; 401 "Invalid Supervisor" is an api refusal, not a sign-in problem', async () => {
  const auth = clientWith(() =>
    answer(401, apiErrorsBody(apiError('Authorization Failure', 'UNAUTHORIZED', '1001001'))),
  );
  assert.equal(expectError(await auth.client.getUser('1001001')).kind, 'auth');
  const sup = clientWith(() => answer(401, apiErrorsBody(apiError('Invalid Supervisor', 'Agent is not on your team'))));
  const e = expectError(await sup.client.setTeamMemberState('2002', { state: 'NOT_READY' }));
  assert.equal(e.kind, 'api');
  assert.equal(e.description.code, 'Invalid Supervisor');
});

test('503 is unavailable and retryable, with or without a body', async () => {
  for (const body of ['', apiErrorsBody(apiError('Service Unavailable', 'Finesse is OUT_OF_SERVICE'))]) {
    const { client } = clientWith(() => answer(503, body));
    const e = expectError(await client.getSystemInfo());
    assert.equal(e.kind, 'unavailable');
    assert.equal(e.status, 503);
    assert.equal(e.retryable, true);
  }
});

test('404 is not-found', async () => {
  const { client } = clientWith(() => answer(404, '<html><body>Not Found</body></html>'));
  const e = expectError(await client.getTeam('99'));
  assert.equal(e.kind, 'not-found');
  assert.equal(e.retryable, false);
});

test('other statuses without ApiErrors are http errors: 500 and 409 retry, 403 does not', async () => {
  const cases: Array<[number, boolean]> = [
    [500, true],
    [409, true],
    [403, false],
    [400, false],
  ];
  for (const [status, retryable] of cases) {
    const { client } = clientWith(() => answer(status, '<html>oops</html>'));
    const e = expectError(await client.getUser('1001001'));
    assert.equal(e.kind, 'http', `status ${status}`);
    assert.equal(e.status, status);
    assert.equal(e.retryable, retryable, `status ${status}`);
  }
});

test('an unreadable 200 body is a parse error, not a throw', async () => {
  const { client } = clientWith(() => answer(200, '<html>login page</html>'));
  const e = expectError(await client.getUser('1001001'));
  assert.equal(e.kind, 'parse');
  assert.equal(e.status, 200);
  assert.equal(e.retryable, false);
  if (e.kind === 'parse') assert.equal(e.parseError.kind, 'parse');
});

test('network failures (typed or not) are network errors and retryable', async () => {
  for (const failure of [new TransportError('network'), new Error('socket hang up')]) {
    const { client } = clientWith(() => Promise.reject(failure));
    const e = expectError(await client.getUser('1001001'));
    assert.equal(e.kind, 'network');
    assert.equal(e.retryable, true);
    assert.equal(e.status, undefined);
  }
});

test('a transport that never answers ends in a timeout after timeoutMs', async () => {
  const { client, transport } = clientWith(() => new Promise<HttpResponse>(() => {}), { timeoutMs: 40 });
  const e = expectError(await client.setUserState('1001001', { state: 'READY' }));
  assert.equal(e.kind, 'timeout');
  assert.equal(e.retryable, true);
  assert.ok(transport.requests[0]?.signal?.aborted, 'the transport is told to stop');
});

test("the caller's AbortSignal ends the call as aborted (not retried by the client)", async () => {
  const { client } = clientWith(() => new Promise<HttpResponse>(() => {}), { timeoutMs: 5000 });
  const controller = new AbortController();
  const pending = client.getDialogs('1001001', { signal: controller.signal });
  controller.abort();
  const e = expectError(await pending);
  assert.equal(e.kind, 'aborted');
  assert.equal(e.retryable, false);
});

test('bearer tokens and a ready header from the container are sent as given', async () => {
  const bearer = clientWith(() => answer(202), { auth: { kind: 'bearer', token: new Secret('tok-123') } });
  await bearer.client.setUserState('1001001', { state: 'READY' });
  assert.equal(bearer.transport.requests[0]?.headers['Authorization'], 'Bearer tok-123');
  const header = clientWith(() => answer(202), { auth: { kind: 'header', value: new Secret('Basic QUJDOkRFRg==') } });
  await header.client.setUserState('1001001', { state: 'READY' });
  assert.equal(header.transport.requests[0]?.headers['Authorization'], 'Basic QUJDOkRFRg==');
});

test('credentials never appear in errors, logs or the client object', async () => {
  const scripts: Script[] = [
    () => answer(400, apiErrorsBody(apiError('Invalid State', 'x'))),
    () => answer(401),
    () => answer(404),
    () => answer(500, 'err'),
    () => answer(503),
    () => answer(200, 'not xml'),
    () => Promise.reject(new Error(`failed with ${BASIC}`)),
    () => Promise.reject(new TransportError('timeout')),
    () => new Promise<HttpResponse>(() => {}),
  ];
  const seen: unknown[] = [];
  for (const script of scripts) {
    const { client, logs } = clientWith(script, { timeoutMs: 30 });
    const put = await client.setUserState('1001001', { state: 'READY' });
    const get = await client.getUser('1001001');
    assert.equal(get.ok, false);
    seen.push(put, get, logs, client);
  }
  for (const value of seen) {
    for (const text of [JSON.stringify(value), inspect(value, { depth: 10, showHidden: true })]) {
      assert.ok(!text.includes(PASSWORD), 'password leaked');
      assert.ok(!text.includes(BASE64_ONLY), 'Basic credentials leaked');
      assert.ok(!/authorization/i.test(text), 'an Authorization header leaked');
    }
  }
});

test('the log gets one entry per request with method, URL, requestId, outcome and status only', async () => {
  const { client, logs } = clientWith((req) => (req.method === 'GET' ? answer(503) : answer(202)));
  await client.setUserState('1001001', { state: 'READY' });
  await client.getSystemInfo();
  assert.deepEqual(logs, [
    {
      method: 'PUT',
      url: 'https://finesse1.example.com:8445/finesse/api/User/1001001',
      requestId: 'req-1',
      outcome: 'ok',
      status: 202,
    },
    {
      method: 'GET',
      url: 'https://finesse1.example.com:8445/finesse/api/SystemInfo',
      requestId: 'req-2',
      outcome: 'unavailable',
      status: 503,
    },
  ]);
});

test('a base URL holding user:password@ never shows them in errors or logs', async () => {
  const { client, logs } = clientWith(() => answer(503), { baseUrl: `https://agent:${PASSWORD}@finesse1.example.com` });
  const e = expectError(await client.getSystemInfo());
  assert.equal(e.url, 'https://finesse1.example.com/finesse/api/SystemInfo');
  assert.ok(!JSON.stringify(logs).includes(PASSWORD));
});
