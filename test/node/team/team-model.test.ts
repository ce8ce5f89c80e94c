// The team model: rows from the Team document and from each shape of Team/{id}/Users notification (one member's
// <user> from the member's own URI, a whole <team>), summary counts, sorting by every column, filtering and search.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTeam, parseUpdate } from '../../../src/core/finesse/xml/index.ts';
import type { AgentState, TeamUser } from '../../../src/core/finesse/types.ts';
import {
  applyTeamChange,
  DEFAULT_TEAM_QUERY,
  memberRow,
  queryRows,
  reasonLabels,
  rowsOfTeam,
  teamChangeOf,
  teamCounts,
  TEAM_COLUMNS,
  type TeamChatRow,
  type TeamMemberRow,
} from '../../../src/app/team-model.ts';
import { readFixture } from '../../fixtures/finesse/fixture-files.ts';

const NODE = '/finesse/api/Team/1004/Users';
const labels = reasonLabels([
  { id: '7', code: 7, label: 'Coffee', category: 'NOT_READY', systemCode: false, forAll: true, uri: null },
]);

function user(loginId: string, state: AgentState, extra: Partial<TeamUser> = {}): TeamUser {
  return {
    loginId,
    loginName: null,
    firstName: `F${loginId}`,
    lastName: `L${loginId}`,
    state,
    pendingState: null,
    reasonCodeId: null,
    reasonCode: null,
    stateChangeTime: null,
    extension: null,
    ...extra,
  };
}

function update(xml: string) {
  const parsed = parseUpdate(xml, { node: NODE });
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
  return parsed.value;
}

describe('rows from Finesse documents', () => {
  test('the Team document gives one row per member, with the reason label and the time it entered the state', () => {
    const team = parseTeam(readFixture('team-ucce.xml'));
    assert.ok(team.ok);
    const rows = rowsOfTeam(team.value, labels);
    assert.equal(rows.size, team.value.users.length);
    for (const u of team.value.users) {
      const row = rows.get(u.loginId);
      assert.ok(row);
      assert.equal(row.state, u.state);
      if (u.stateChangeTime !== null) assert.equal(row.since, Date.parse(u.stateChangeTime));
    }
  });

  test("a member's <user> from the member's own URI replaces that member's row only", () => {
    const before = new Map([
      ['1001002', memberRow(user('1001002', 'READY'), labels)],
      ['1001003', memberRow(user('1001003', 'TALKING'), labels)],
    ]);
    const change = teamChangeOf(update(readFixture('update-team-user.xml')), '1004', labels);
    assert.equal(change.kind, 'member');
    const after = applyTeamChange(before, change);
    assert.deepEqual(after.get('1001002'), {
      id: '1001002',
      name: 'Jack Brawn',
      state: 'NOT_READY',
      pendingState: null,
      reasonCodeId: null,
      reasonLabel: 'Lunch Break',
      reasonSystem: false,
      since: Date.parse('2024-03-01T18:25:00.000Z'),
    });
    assert.equal(after.get('1001003'), before.get('1001003'));
    assert.equal(before.get('1001002')?.state, 'READY', 'the old rows are left as they were');
  });

  test('a whole <team> with <users> (the guide sample) replaces every row', () => {
    const before = new Map([['1', memberRow(user('1', 'READY'), labels)]]);
    const change = teamChangeOf(update(readFixture('update-team.xml')), '1004', labels);
    assert.equal(change.kind, 'team');
    const after = applyTeamChange(before, change);
    assert.deepEqual([...after.keys()].sort(), ['1234', '9876']);
    assert.equal(after.get('9876')?.reasonLabel, 'Team Meeting');
    assert.equal(after.get('1234')?.state, 'LOGOUT');
  });

  test('a <team> of another team, errors, or an unknown root change nothing and say why', () => {
    const rows = new Map([['1', memberRow(user('1', 'READY'), labels)]]);
    for (const [xml, why] of [
      [readFixture('update-team.xml'), /team 1004/],
      [readFixture('update-unknown-root.xml'), /<\w+>/],
      [readFixture('update-api-errors-cf-invalid-object-state.xml'), /errors/],
    ] as const) {
      const change = teamChangeOf(update(xml), '99', labels);
      assert.equal(change.kind, 'ignored');
      assert.match(change.kind === 'ignored' ? change.why : '', why);
      assert.equal(applyTeamChange(rows, change), rows);
    }
  });

  test('a reason without an embedded ReasonCode is named from the team reason codes; Ready has no reason', () => {
    assert.equal(memberRow(user('1', 'NOT_READY', { reasonCodeId: '7' }), labels).reasonLabel, 'Coffee');
    assert.equal(memberRow(user('1', 'NOT_READY', { reasonCodeId: '8' }), labels).reasonLabel, null);
    assert.equal(memberRow(user('1', 'READY', { reasonCodeId: '7' }), labels).reasonLabel, null);
    assert.equal(memberRow(user('1', 'READY', { firstName: '', lastName: '' }), labels).name, '1');
    assert.equal(memberRow(user('1', 'READY', { stateChangeTime: 'yesterday' }), labels).since, null);
  });

  test('a system reason (the supervisor code) is marked as such', () => {
    const forced = memberRow(
      user('1', 'NOT_READY', {
        reasonCodeId: '999',
        reasonCode: {
          id: '999',
          code: 999,
          label: 'Supervisor Initiated',
          category: 'NOT_READY',
          systemCode: true,
          forAll: true,
          uri: null,
        },
      }),
      labels,
    );
    assert.equal(forced.reasonSystem, true);
    assert.equal(forced.reasonLabel, 'Supervisor Initiated');
  });
});

function rowsOf(...users: TeamUser[]): TeamMemberRow[] {
  return users.map((u) => memberRow(u, labels));
}

const TEAM = rowsOf(
  user('1', 'READY', { firstName: 'Cleo', lastName: 'C', stateChangeTime: '2024-01-01T10:00:00Z' }),
  user('2', 'TALKING', { firstName: 'Ava', lastName: 'A', stateChangeTime: '2024-01-01T09:00:00Z' }),
  user('3', 'NOT_READY', { firstName: 'Ben', lastName: 'B', reasonCodeId: '7' }),
  user('4', 'NOT_READY', { firstName: 'Dev', lastName: 'D', stateChangeTime: '2024-01-01T11:00:00Z' }),
  user('5', 'LOGOUT', { firstName: 'Eli', lastName: 'E' }),
  user('6', 'WORK', { firstName: 'Fay', lastName: 'F', pendingState: 'NOT_READY' }),
  user('7', 'HOLD', { firstName: 'Gus', lastName: 'G' }),
  user('8', 'RESERVED', { firstName: 'Hal', lastName: 'H' }),
  user('9', 'NOT_READY', { firstName: 'Ivy', lastName: 'I', reasonCodeId: '7' }),
);

describe('summary counts', () => {
  test('ready, on a call (reserved, talking, hold, wrap-up), not ready by reason, signed out', () => {
    const counts = teamCounts(TEAM);
    assert.equal(counts.total, 9);
    assert.equal(counts.ready, 1);
    assert.equal(counts.onCall, 4);
    assert.equal(counts.notReady, 3);
    assert.deepEqual(counts.notReadyByReason, [
      { label: 'Coffee', count: 2 },
      { label: null, count: 1 },
    ]);
    assert.equal(counts.signedOut, 1);
    assert.equal(counts.handlingChats, null, 'no chat feed: no chat count at all, rather than 0');
  });

  test('with a chat feed, members with chats in progress are counted', () => {
    const chat = new Map<string, TeamChatRow>([
      ['1', { agentId: '1', chat: 'available', active: 2, max: 3, latest: null }],
      ['2', { agentId: '2', chat: 'not-available', active: 0, max: 3, latest: null }],
    ]);
    assert.equal(teamCounts(TEAM, chat).handlingChats, 1);
  });
});

describe('sort, filter and search', () => {
  const names = (rows: TeamMemberRow[]) => rows.map((r) => r.name.split(' ')[0]);

  test('by name both ways', () => {
    assert.deepEqual(names(queryRows(TEAM, DEFAULT_TEAM_QUERY)), [
      'Ava',
      'Ben',
      'Cleo',
      'Dev',
      'Eli',
      'Fay',
      'Gus',
      'Hal',
      'Ivy',
    ]);
    assert.deepEqual(names(queryRows(TEAM, { ...DEFAULT_TEAM_QUERY, direction: 'descending' })), [
      'Ivy',
      'Hal',
      'Gus',
      'Fay',
      'Eli',
      'Dev',
      'Cleo',
      'Ben',
      'Ava',
    ]);
  });

  test('by state: grouped as the summary groups them, Not Ready members together by reason, signed out last', () => {
    const sorted = queryRows(TEAM, { ...DEFAULT_TEAM_QUERY, sort: 'state' });
    assert.deepEqual(
      sorted.map((r) => r.state),
      ['READY', 'HOLD', 'RESERVED', 'TALKING', 'WORK', 'NOT_READY', 'NOT_READY', 'NOT_READY', 'LOGOUT'],
    );
    assert.deepEqual(names(sorted).slice(5, 8), ['Dev', 'Ben', 'Ivy']);
  });

  test('by time in state: the earliest entry first, members with no time last in both directions', () => {
    const up = queryRows(TEAM, { ...DEFAULT_TEAM_QUERY, sort: 'time' });
    assert.deepEqual(names(up).slice(0, 3), ['Ava', 'Cleo', 'Dev']);
    const down = queryRows(TEAM, { ...DEFAULT_TEAM_QUERY, sort: 'time', direction: 'descending' });
    assert.deepEqual(names(down).slice(0, 3), ['Dev', 'Cleo', 'Ava']);
    assert.equal(down.at(-1)?.since, null);
  });

  test('by pending state, and by chat columns without a feed (all tie: by name)', () => {
    assert.equal(queryRows(TEAM, { ...DEFAULT_TEAM_QUERY, sort: 'pending' })[0]?.name, 'Fay F');
    for (const sort of ['chat', 'chats', 'decision'] as const) {
      assert.deepEqual(
        names(queryRows(TEAM, { ...DEFAULT_TEAM_QUERY, sort })),
        names(queryRows(TEAM, DEFAULT_TEAM_QUERY)),
      );
    }
  });

  test('by chats from a feed: most chats last ascending, members the feed does not know last', () => {
    const chat = new Map<string, TeamChatRow>([
      ['1', { agentId: '1', chat: 'available', active: 2, max: 3, latest: null }],
      ['2', { agentId: '2', chat: 'available', active: 0, max: 3, latest: null }],
    ]);
    const sorted = queryRows(TEAM, { ...DEFAULT_TEAM_QUERY, sort: 'chats' }, chat);
    assert.deepEqual(names(sorted).slice(0, 2), ['Ava', 'Cleo']);
  });

  test('every column sorts without throwing and keeps every row', () => {
    for (const sort of TEAM_COLUMNS) {
      for (const direction of ['ascending', 'descending'] as const) {
        assert.equal(queryRows(TEAM, { ...DEFAULT_TEAM_QUERY, sort, direction }).length, TEAM.length);
      }
    }
  });

  test('filter by state group and search by name (any case) or id', () => {
    assert.deepEqual(names(queryRows(TEAM, { ...DEFAULT_TEAM_QUERY, filter: 'on-call' })), [
      'Ava',
      'Fay',
      'Gus',
      'Hal',
    ]);
    assert.deepEqual(names(queryRows(TEAM, { ...DEFAULT_TEAM_QUERY, filter: 'signed-out' })), ['Eli']);
    assert.deepEqual(names(queryRows(TEAM, { ...DEFAULT_TEAM_QUERY, search: ' cLEo ' })), ['Cleo']);
    assert.deepEqual(names(queryRows(TEAM, { ...DEFAULT_TEAM_QUERY, search: '9' })), ['Ivy']);
    assert.deepEqual(queryRows(TEAM, { ...DEFAULT_TEAM_QUERY, filter: 'ready', search: 'ava' }), []);
  });
});
