// The team session at its seams (a recording hub, the real REST client over a scripted transport): the teams come
// from the supervisor's User, the team's members from GET Team/{id}, then live from notifications on the team
// topic after an explicit SubscribeNodeReq; a reconnect subscribes again and re-reads the team; the supervisor's
// actions are PUTs without a reason code, and Finesse's refusals become error kinds the UI puts in words.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createFinesseClient } from '../../../src/core/finesse/rest/index.ts';
import type { HttpRequest, HttpResponse, HttpTransport } from '../../../src/core/finesse/rest/http-transport.ts';
import { Secret } from '../../../src/core/container/secret.ts';
import { startTeamSession, type TeamSessionView } from '../../../src/app/team-session.ts';
import { teamToXml, userToXml } from '../../../src/core/finesse/xml/index.ts';
import { updateToXml } from '../../../src/core/finesse/xml/update-xml.ts';
import type { AgentState, Team, TeamUser, User } from '../../../src/core/finesse/types.ts';
import { FakeHub } from '../agent-boot/fakes.ts';
import type { DecisionsProblem, TeamChatFeed, TeamChatRow, TeamFeedStatus } from '../../../src/app/team-model.ts';
import type { DecisionEntry } from '../../../src/core/blending/decision-log.ts';
import { err, ok, type Result } from '../../../src/core/result.ts';

const SUP = '2001';

function member(loginId: string, state: AgentState, firstName = `F${loginId}`): TeamUser {
  return {
    loginId,
    loginName: null,
    firstName,
    lastName: 'X',
    state,
    pendingState: null,
    reasonCodeId: null,
    reasonCode: null,
    stateChangeTime: '2024-01-01T10:00:00.000Z',
    extension: null,
  };
}

function supervisor(teams: { id: string; name: string }[]): User {
  return {
    ...member(SUP, 'READY', 'Sam'),
    roles: ['Agent', 'Supervisor'],
    teamId: null,
    teamName: null,
    teams: teams.map((t) => ({ ...t, uri: `/finesse/api/Team/${t.id}` })),
    uri: `/finesse/api/User/${SUP}`,
  };
}

const team = (id: string, users: TeamUser[]): Team => ({ id, name: `Team ${id}`, users, uri: null });

const apiErrors = (status: number, type: string) =>
  `<ApiErrors><ApiError><ErrorType>${type}</ErrorType><ErrorData>state</ErrorData><ErrorMessage>no</ErrorMessage></ApiError></ApiErrors>`;

/** Answers by "METHOD path"; records every request. */
class ScriptedTransport implements HttpTransport {
  readonly requests: HttpRequest[] = [];
  readonly answers = new Map<string, () => HttpResponse | Promise<HttpResponse>>();

  on(key: string, status: number, body = ''): void {
    this.answers.set(key, () => ({ status, headers: {}, body }));
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    this.requests.push(req);
    const path = new URL(req.url, 'http://finesse').pathname.replace('/finesse/api', '');
    const answer = this.answers.get(`${req.method} ${path}`);
    return answer ? answer() : { status: 404, headers: {}, body: '' };
  }
}

/** A chat feed the test drives: which teams are watched, and rows pushed to them. */
class FakeChatFeed implements TeamChatFeed {
  readonly watching = new Map<string, (row: TeamChatRow) => void>();
  watch(teamId: string, onRow: (row: TeamChatRow) => void): () => void {
    this.watching.set(teamId, onRow);
    return () => this.watching.delete(teamId);
  }
}

function setup(teams = [{ id: '10', name: 'Team 10' }], chatFeed: TeamChatFeed | null = null) {
  const hub = new FakeHub();
  const transport = new ScriptedTransport();
  transport.on('GET /User/2001', 200, userToXml(supervisor(teams)));
  transport.on(
    'GET /Team/10',
    200,
    teamToXml(team('10', [member('1', 'READY', 'Ava'), member('2', 'TALKING', 'Ben')])),
  );
  transport.on('GET /Team/20', 200, teamToXml(team('20', [member('4', 'NOT_READY', 'Dev')])));
  const client = createFinesseClient({
    baseUrl: '',
    auth: { kind: 'header', value: new Secret('Basic eA==') },
    transport,
  });
  const views: TeamSessionView[] = [];
  const problems: string[] = [];
  let n = 0;
  const session = startTeamSession({
    hub,
    client,
    supervisorId: SUP,
    chatFeed,
    newInvokeId: () => `id${++n}`,
    onView: (v) => views.push(v),
    onProblem: (p) => problems.push(p),
  });
  return { hub, transport, session, views, problems };
}

async function until<T>(what: string, check: () => T | null | undefined | false): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = check();
    if (v !== null && v !== undefined && v !== false) return v;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error(`never: ${what}`);
}

const subscribeRequests = (hub: FakeHub) =>
  hub.published.filter(
    (p) => p.topic === 'finesse.info.requests' && (p.payload as { type?: string }).type === 'SubscribeNodeReq',
  ) as { topic: string; payload: { data: { node: string }; invokeID: string } }[];

function teamUserNotification(teamId: string, user: TeamUser): { content: string } {
  const xml = updateToXml({
    event: 'PUT',
    requestId: null,
    source: `/finesse/api/User/${user.loginId}`,
    data: { kind: 'teamUser', user },
  });
  return { content: `/finesse/api/Team/${teamId}/Users${xml}` };
}

describe('team session', () => {
  test('reads the supervised teams, subscribes explicitly to the first team node and shows its members', async () => {
    const { hub, session } = setup();
    const view = await until('the team shown', () => (session.view().phase === 'ready' ? session.view() : null));
    assert.equal(view.teamId, '10');
    assert.deepEqual([...view.rows.keys()], ['1', '2']);
    assert.equal(view.chat, null, 'no chat feed: the chat side is absent, not empty');
    const [req] = subscribeRequests(hub);
    assert.equal(req?.payload.data.node, '/finesse/api/Team/10/Users');
    assert.ok(hub.subs.get(`finesse.info.responses.${req?.payload.invokeID}`)?.size, 'waits on the reply topic');
    assert.ok(hub.subs.get('finesse.api.Team.10.Users')?.size, 'follows the team topic');
    session.stop();
  });

  test("a member's notification changes that row; a refused subscription is shown as a problem", async () => {
    const { hub, session, problems } = setup();
    await until('ready', () => session.view().phase === 'ready');
    hub.deliver('finesse.api.Team.10.Users', teamUserNotification('10', member('1', 'NOT_READY', 'Ava')));
    assert.equal(session.view().rows.get('1')?.state, 'NOT_READY');
    assert.equal(session.view().rows.get('2')?.state, 'TALKING');
    hub.deliver('finesse.api.Team.10.Users', { content: '/finesse/api/Team/10/Users<Update><event>PUT</ev' });
    assert.equal(problems.length, 1);
    assert.doesNotMatch(problems[0] ?? '', /<Update>/, 'never the content');
    const [req] = subscribeRequests(hub);
    hub.deliver(`finesse.info.responses.${req?.payload.invokeID}`, { error: { errorType: 'Subscription Failed' } });
    assert.deepEqual(session.view().problem, { kind: 'subscribe-failed' });
    session.stop();
    assert.equal(hub.live, 0, 'stop releases every subscription');
  });

  test('a change that arrives while the team is being read is kept on top of the answer', async () => {
    const { hub, transport, session } = setup();
    let release: (() => void) | null = null;
    transport.answers.set(
      'GET /Team/10',
      () =>
        new Promise((resolve) => {
          release = () =>
            resolve({
              status: 200,
              headers: {},
              body: teamToXml(team('10', [member('1', 'READY', 'Ava'), member('2', 'TALKING', 'Ben')])),
            });
        }),
    );
    await until('GET in flight', () => release !== null);
    hub.deliver('finesse.api.Team.10.Users', teamUserNotification('10', member('2', 'WORK', 'Ben')));
    (release as unknown as () => void)();
    await until('ready', () => session.view().phase === 'ready');
    await until('kept', () => session.view().rows.get('2')?.state === 'WORK');
    session.stop();
  });

  test('after the notification connection drops and comes back: subscribes again and re-reads the team', async () => {
    const { hub, transport, session } = setup();
    await until('ready', () => session.view().phase === 'ready');
    hub.deliver('finesse.info.connection', { status: 'connected' });
    const gets = () => transport.requests.filter((r) => r.method === 'GET' && r.url.endsWith('/Team/10')).length;
    assert.equal(gets(), 1);
    hub.deliver('finesse.info.connection', { status: 'disconnected' });
    assert.deepEqual(session.view().problem, { kind: 'notifications-down' });
    transport.on('GET /Team/10', 200, teamToXml(team('10', [member('1', 'LOGOUT', 'Ava'), member('3', 'READY')])));
    hub.deliver('finesse.info.connection', { status: 'connected' });
    assert.equal(subscribeRequests(hub).length, 2);
    await until('re-read', () => session.view().rows.has('3'));
    assert.equal(gets(), 2);
    assert.equal(session.view().problem, null);
    assert.equal(session.view().rows.get('1')?.state, 'LOGOUT');
    assert.ok(!session.view().rows.has('2'), 'a member gone from the team is gone from the rows');
    session.stop();
  });

  test('another team is shown only if the supervisor supervises it; the old team topic is released', async () => {
    const { hub, session } = setup([
      { id: '10', name: 'A' },
      { id: '20', name: 'B' },
    ]);
    await until('ready', () => session.view().phase === 'ready');
    session.selectTeam('30');
    assert.equal(session.view().teamId, '10');
    session.selectTeam('20');
    await until('team 20', () => session.view().phase === 'ready' && session.view().rows.has('4'));
    assert.ok(!session.view().rows.has('1'));
    assert.equal(hub.subs.get('finesse.api.Team.10.Users')?.size ?? 0, 0);
    // A late notification of the old team changes nothing.
    hub.deliver('finesse.api.Team.10.Users', teamUserNotification('10', member('1', 'READY')));
    assert.ok(!session.view().rows.has('1'));
    session.stop();
  });

  test('a chat feed fills the chat side of the shown team only, and is released with it', async () => {
    const feed = new FakeChatFeed();
    const { session } = setup(
      [
        { id: '10', name: 'A' },
        { id: '20', name: 'B' },
      ],
      feed,
    );
    await until('ready', () => session.view().phase === 'ready');
    assert.deepEqual(session.view().chat, new Map(), 'a feed: an empty chat side until it reports');
    const row: TeamChatRow = { agentId: '1', chat: 'available', active: 2, max: 3, latest: null };
    feed.watching.get('10')?.(row);
    assert.deepEqual(session.view().chat?.get('1'), row);
    const old = feed.watching.get('10');
    session.selectTeam('20');
    assert.ok(!feed.watching.has('10'), 'the old team is no longer watched');
    assert.ok(feed.watching.has('20'));
    old?.({ ...row, active: 3 });
    assert.equal(session.view().chat?.get('1'), undefined, 'a late row of the old team changes nothing');
    session.stop();
    assert.equal(feed.watching.size, 0);
  });

  test('a supervisor of no team is told so', async () => {
    const { session } = setup([]);
    await until('no teams', () => session.view().phase === 'no-teams');
    session.stop();
  });

  test('make Not Ready is a PUT of NOT_READY with no reason code; accepted', async () => {
    const { transport, session } = setup();
    await until('ready', () => session.view().phase === 'ready');
    transport.on('PUT /User/1', 202);
    const outcome = await session.act('1', 'make-not-ready');
    assert.equal(outcome.phase, 'accepted');
    const put = transport.requests.find((r) => r.method === 'PUT');
    assert.match(put?.body ?? '', /<state>NOT_READY<\/state>/);
    assert.doesNotMatch(put?.body ?? '', /reasonCode/);
    assert.equal(session.view().action?.phase, 'accepted');
    session.dismissAction();
    assert.equal(session.view().action, null);
    session.stop();
  });

  test("Finesse's refusals become error kinds: on a call, not allowed, not the supervisor, unreachable", async () => {
    const { transport, session } = setup();
    await until('ready', () => session.view().phase === 'ready');
    transport.on('PUT /User/2', 400, apiErrors(400, 'Invalid State'));
    assert.equal((await session.act('2', 'make-not-ready')).error, 'on-call');
    transport.on('PUT /User/1', 400, apiErrors(400, 'Invalid State'));
    assert.equal((await session.act('1', 'make-ready')).error, 'not-allowed');
    transport.on('PUT /User/1', 401, apiErrors(401, 'Invalid Supervisor'));
    assert.equal((await session.act('1', 'sign-out')).error, 'not-supervisor');
    transport.answers.set('PUT /User/1', () => Promise.reject(new Error('down')));
    assert.equal((await session.act('1', 'sign-out')).error, 'network');
    assert.equal(session.view().action?.phase, 'refused');
    session.stop();
  });

  test("the feed's status reaches the view; a member's decisions open, follow the row, and close", async () => {
    const statuses = new Map<string, (status: TeamFeedStatus) => void>();
    const rows = new Map<string, (row: TeamChatRow) => void>();
    const asked: string[] = [];
    let answer: Result<readonly DecisionEntry[], DecisionsProblem> = ok([]);
    const feed: TeamChatFeed = {
      watch(teamId, onRow, onStatus) {
        rows.set(teamId, onRow);
        if (onStatus) statuses.set(teamId, onStatus);
        return () => undefined;
      },
      decisions: (agentId) => {
        asked.push(agentId);
        return Promise.resolve(answer);
      },
    };
    const { session } = setup(undefined, feed);
    await until('ready', () => session.view().phase === 'ready');
    assert.equal(session.view().chatFeed, 'connecting');
    statuses.get('10')?.('refused');
    assert.equal(session.view().chatFeed, 'refused');
    statuses.get('10')?.('live');
    assert.equal(session.view().chatFeed, 'live');

    const first: DecisionEntry = { seq: 1, at: 1, kind: 'ownership', cause: { kind: 'owner-here' } };
    answer = ok([first]);
    await session.openDecisions('1');
    assert.deepEqual(asked, ['1']);
    assert.deepEqual(session.view().decisions, {
      agentId: '1',
      name: 'Ava X',
      phase: 'ready',
      entries: [first],
      problem: null,
    });
    // A newer decision the row brings joins the open log; another member's does not.
    const next: DecisionEntry = { seq: 2, at: 2, kind: 'recovered', cause: { kind: 'finesse-back' } };
    rows.get('10')?.({ agentId: '1', chat: 'available', active: 0, max: 5, latest: next });
    rows.get('10')?.({ agentId: '2', chat: 'available', active: 0, max: 5, latest: { ...next, seq: 9 } });
    assert.deepEqual(
      session.view().decisions?.entries.map((e) => e.seq),
      [1, 2],
    );
    session.closeDecisions();
    assert.equal(session.view().decisions, null);

    answer = err('refused');
    await session.openDecisions('2');
    assert.equal(session.view().decisions?.phase, 'failed');
    assert.equal(session.view().decisions?.problem, 'refused');
    session.stop();
  });
});
