// The team feed against a real Prosody (docs/xmpp-chat-profile.md, "Team feed"): who may subscribe (a supervisor of
// the team, as the directory says; never an agent, nor another team's supervisor, nor anyone without a directory),
// the snapshot, the pushes of availability, load and decisions, the recent decisions, and a subscriber that goes away.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ChatProsodyHandle } from '../../../sim/prosody/start-prosody.ts';
import { signInAgent, startTestRouter, unique, waitFor } from '../chat/chat-test-kit.ts';
import { buildDirectory } from '../../../server/directory/directory.ts';
import { directoryUser as user } from './directory-user.ts';
import { Secret } from '../../../src/core/container/secret.ts';
import { XmppTeamFeed, type TeamFeedStatus } from '../../../src/core/chat/xmpp/team-feed.ts';
import type { TeamMemberChat } from '../../../src/core/chat/xmpp/profile/team-stanzas.ts';
import type { ChatRouterHandle } from '../../../server/router/start-chat-router.ts';
import { createStropheConnection, type XmppConnection } from '../../../src/core/chat/xmpp/xmpp-connection.ts';

let prosody: ChatProsodyHandle;
before(async () => {
  prosody = await startProsody({ chat: true });
});
after(async () => {
  await prosody.stop();
});

interface Watcher {
  readonly feed: XmppTeamFeed;
  readonly rows: Map<string, TeamMemberChat>;
  readonly statuses: TeamFeedStatus[];
}

async function watchTeam(
  router: ChatRouterHandle,
  id: string,
  teamId: string,
  onConnection: (conn: XmppConnection) => void = () => undefined,
): Promise<Watcher> {
  const feed = new XmppTeamFeed({
    websocketUrl: prosody.websocketUrl,
    boshUrl: prosody.boshUrl,
    domain: prosody.domain,
    routerJid: router.jid,
    createConnection: (request) => {
      const conn = createStropheConnection(request);
      onConnection(conn);
      return conn;
    },
  });
  feed.start({ kind: 'password', username: id, password: new Secret('pw') });
  const rows = new Map<string, TeamMemberChat>();
  const statuses: TeamFeedStatus[] = [];
  feed.follow(
    teamId,
    (row) => rows.set(row.agentId, row),
    (status) => statuses.push(status),
  );
  await waitFor(`the feed of ${id} to be answered`, () => statuses.some((s) => s === 'live' || s === 'refused'));
  return { feed, rows, statuses };
}

test('only a supervisor of the team subscribes; it gets the snapshot, then every change, and the recent decisions', async () => {
  const [a, b, c, sup10, sup20] = ['a', 'b', 'c', 'sup10', 'sup20'].map((p) => unique(p)) as [
    string,
    string,
    string,
    string,
    string,
  ];
  for (const id of [a, b, c, sup10, sup20]) await prosody.register(id, 'pw');
  const directory = buildDirectory(
    [
      user(a, ['Agent'], '10'),
      user(b, ['Agent'], '10'),
      user(c, ['Agent'], '10'),
      user(sup10, ['Agent', 'Supervisor'], '10', ['10']),
      user(sup20, ['Agent', 'Supervisor'], '20', ['20']),
    ],
    Date.now(),
  );
  const lines: string[] = [];
  const router = await startTestRouter(prosody, {
    directory: { current: () => directory },
    log: (line: string) => lines.push(line),
  });
  const agentA = await signInAgent(prosody, router, { account: { id: a, password: 'pw' }, max: 3 });
  const agentB = await signInAgent(prosody, router, { account: { id: b, password: 'pw' }, state: 'NOT_READY' });
  const watchers: Watcher[] = [];
  try {
    // An agent cannot subscribe to anyone's state, not even its own team's.
    const asAgent = await watchTeam(router, a, '10');
    watchers.push(asAgent);
    assert.deepEqual(asAgent.statuses.at(-1), 'refused');
    assert.equal(asAgent.rows.size, 0);
    // A supervisor of team 20 cannot follow team 10, nor read the decisions of its agents.
    const other = await watchTeam(router, sup20, '10');
    watchers.push(other);
    assert.deepEqual(other.statuses.at(-1), 'refused');
    assert.equal(other.rows.size, 0);
    const otherLog = await other.feed.decisions(a);
    assert.equal(!otherLog.ok && otherLog.error, 'refused');

    // The supervisor of team 10: every member, signed in or not (the supervisor is a member of its team here too).
    const sup = await watchTeam(router, sup10, '10');
    watchers.push(sup);
    assert.equal(sup.statuses.at(-1), 'live');
    assert.deepEqual(
      [...sup.rows.values()].map((r) => [r.agentId, r.state, r.active, r.max]).sort(),
      [
        [a, 'READY', 0, 3],
        [b, 'NOT_READY', 0, 5],
        [c, 'OFFLINE', 0, 0],
        [sup10, 'OFFLINE', 0, 0],
      ].sort(),
    );

    // A decision and the availability it led to reach the supervisor as one row.
    agentA.channel.publishDecision?.({
      seq: 7,
      at: Date.parse('2026-01-05T10:00:00Z'),
      kind: 'offer-accepted',
      cause: { kind: 'chat-accepted', label: 'Handling Chat', count: 1 },
    });
    agentA.channel.publishAvailability({ state: 'ACTIVE', active: 1, max: 3 });
    const pushed = await waitFor('the push of the accepted chat', () => {
      const row = sup.rows.get(a);
      return row?.state === 'ACTIVE' && row.active === 1 && row.latest?.seq === 7 ? row : null;
    });
    assert.deepEqual(pushed.latest?.cause, { kind: 'chat-accepted', label: 'Handling Chat', count: 1 });
    // A decision on its own (no availability change) is pushed too.
    agentA.channel.publishDecision?.({
      seq: 8,
      at: Date.parse('2026-01-05T10:00:01Z'),
      kind: 'voice-request',
      cause: {
        kind: 'voice-request',
        intent: { kind: 'reserve-for-chat', label: 'Handling Chat' },
        attempt: 1,
        maxAttempts: 3,
      },
    });
    await waitFor('the push of the decision alone', () => sup.rows.get(a)?.latest?.seq === 8);
    // Another member's change reaches the row of that member only; the other team's supervisor hears nothing.
    agentB.channel.publishAvailability({ state: 'READY', active: 0, max: 5 });
    await waitFor("the push of b's availability", () => sup.rows.get(b)?.state === 'READY');
    assert.equal(other.rows.size, 0);
    assert.equal(asAgent.rows.size, 0);

    const log = await sup.feed.decisions(a);
    assert.ok(log.ok);
    assert.deepEqual(
      log.value.map((d) => [d.seq, d.kind, d.cause.kind]),
      [
        [7, 'offer-accepted', 'chat-accepted'],
        [8, 'voice-request', 'voice-request'],
      ],
    );

    // A subscriber that goes away is forgotten.
    sup.feed.stop();
    await waitFor('the router to forget the subscriber', () => lines.some((l) => l.includes('subscriber went away')));
  } finally {
    for (const w of watchers) w.feed.stop();
    await agentA.channel.signOut();
    await agentB.channel.signOut();
    await router.stop();
  }
});

test('without a Finesse directory no one may subscribe, and the refusal says why', async () => {
  const sup = unique('sup');
  await prosody.register(sup, 'pw');
  const router = await startTestRouter(prosody);
  try {
    const watcher = await watchTeam(router, sup, '10');
    assert.equal(watcher.statuses.at(-1), 'refused');
    const log = await watcher.feed.decisions('1001');
    assert.equal(!log.ok && log.error, 'refused');
    watcher.feed.stop();
  } finally {
    await router.stop();
  }
});

test('after its link drops, the feed subscribes again and the snapshot brings what changed meanwhile', async () => {
  const [a, sup] = [unique('a'), unique('sup')];
  for (const id of [a, sup]) await prosody.register(id, 'pw');
  const directory = buildDirectory(
    [user(a, ['Agent'], '10'), user(sup, ['Agent', 'Supervisor'], '1', ['10'])],
    Date.now(),
  );
  const router = await startTestRouter(prosody, { directory: { current: () => directory } });
  const agent = await signInAgent(prosody, router, { account: { id: a, password: 'pw' } });
  let conn: XmppConnection | null = null;
  const watcher = await watchTeam(router, sup, '10', (c) => (conn = c));
  try {
    assert.equal(watcher.rows.get(a)?.state, 'READY');
    const live = watcher.statuses.length;
    // The supervisor's stream drops; while it is down the agent changes.
    (conn as XmppConnection | null)?._doDisconnect('test drops the link');
    await waitFor('the feed to say it is down', () => watcher.statuses.slice(live).includes('down'));
    agent.channel.publishAvailability({ state: 'NOT_READY', active: 0, max: 5 });
    await waitFor('the router to take the change in', () =>
      router.snapshot().agents.some((x) => x.jid.startsWith(`${a}@`) && x.state === 'NOT_READY'),
    );
    // Back: subscribed again, and the snapshot has the change the pushes could not bring.
    await waitFor(
      'the feed live again',
      () => watcher.statuses.at(-1) === 'live' && watcher.statuses.length > live + 1,
    );
    assert.equal(watcher.rows.get(a)?.state, 'NOT_READY');
  } finally {
    watcher.feed.stop();
    await agent.channel.signOut();
    await router.stop();
  }
});
