import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Result } from '../../../src/core/result.ts';
import type { ParseError } from '../../../src/core/finesse/types.ts';
import { parseReasonCodes, parseTeam, parseUser } from '../../../src/core/finesse/xml/index.ts';
import { readFixture } from '../../fixtures/finesse/fixture-files.ts';

function valueOf<T>(result: Result<T, ParseError>): T {
  if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('User documents', () => {
  it('a UCCE agent in NOT_READY carries the full reason code', () => {
    const user = valueOf(parseUser(readFixture('user-ucce-agent.xml')));
    assert.equal(user.loginId, '1001001');
    assert.equal(user.loginName, 'csmith');
    assert.equal(user.state, 'NOT_READY');
    assert.equal(user.pendingState, null, '<pendingState></pendingState> is null');
    assert.equal(user.reasonCodeId, '16');
    assert.deepEqual(user.reasonCode, {
      id: '16',
      code: 10,
      label: 'Team Meeting & Coaching',
      category: 'NOT_READY',
      systemCode: false,
      forAll: true,
      uri: '/finesse/api/ReasonCode/16',
    });
    assert.deepEqual(user.roles, ['Agent'], 'a single <role> is still a list');
    assert.equal(user.extension, '1001001');
    assert.equal(user.firstName, 'Chris');
    assert.equal(user.lastName, 'Smith');
    assert.equal(user.teamId, '500');
    assert.equal(user.teamName, 'Sales');
    assert.equal(user.stateChangeTime, '2024-03-01T17:58:21.234Z');
    assert.deepEqual(user.teams, []);
    assert.equal(user.uri, '/finesse/api/User/1001001');
  });

  it('a UCCE supervisor lists roles and supervised teams', () => {
    const user = valueOf(parseUser(readFixture('user-ucce-supervisor.xml')));
    assert.deepEqual(user.roles, ['Agent', 'Supervisor']);
    assert.equal(user.state, 'READY');
    assert.equal(user.pendingState, null, '<pendingState/> is null');
    assert.equal(user.reasonCode, null);
    assert.equal(user.reasonCodeId, '-1', 'kept as sent');
    assert.deepEqual(user.teams, [
      { id: '2001', name: 'First Line Support', uri: '/finesse/api/Team/2001' },
      { id: '2002', name: 'Second Line Support', uri: '/finesse/api/Team/2002' },
      { id: '2003', name: 'Billing <EMEA>', uri: '/finesse/api/Team/2003' },
    ]);
  });

  it('a UCCX agent talking with a pending NOT_READY', () => {
    const user = valueOf(parseUser(readFixture('user-uccx-agent.xml')));
    assert.equal(user.loginId, 'agent0042');
    assert.equal(user.state, 'TALKING');
    assert.equal(user.pendingState, 'NOT_READY');
    assert.equal(user.reasonCodeId, null, 'empty reasonCodeId is null');
    assert.equal(user.firstName, 'Ana María');
    assert.equal(user.lastName, "O'Neill");
    assert.deepEqual(user.teams, [], '<teams/> is an empty list');
  });

  it('a UCCX supervisor-forced NOT_READY keeps systemCode=true', () => {
    const user = valueOf(parseUser(readFixture('user-uccx-supervisor-forced.xml')));
    assert.equal(user.reasonCode?.code, 33);
    assert.equal(user.reasonCode?.systemCode, true);
    assert.equal(user.loginName, null);
  });

  it('numbers stay strings: loginId 0012 is not 12', () => {
    const user = valueOf(parseUser(readFixture('user-numeric-strings.xml')));
    assert.equal(user.loginId, '0012');
    assert.equal(user.loginName, '000');
    assert.equal(user.reasonCodeId, '0007');
    assert.equal(user.extension, '0012e3');
    assert.equal(user.firstName, '1e5');
    assert.equal(user.lastName, '0x1F');
    assert.equal(user.teamId, '00500');
    assert.equal(user.teamName, 'true');
    assert.equal(user.state, 'LOGOUT');
  });

  it('the root may be written <user> as in notifications', () => {
    const user = valueOf(parseUser('<user><loginId>7</loginId><state>WORK_READY</state></user>'));
    assert.equal(user.state, 'WORK_READY');
    assert.equal(user.firstName, '');
    assert.deepEqual(user.roles, []);
  });
});

describe('ReasonCodes documents', () => {
  it('reads every code with numbers converted and text decoded', () => {
    const codes = valueOf(parseReasonCodes(readFixture('reason-codes-not-ready.xml')));
    assert.equal(codes.length, 4);
    assert.deepEqual(codes[0], {
      id: '1',
      code: 32001,
      label: 'Lunch Break',
      category: 'NOT_READY',
      systemCode: false,
      forAll: true,
      uri: '/finesse/api/ReasonCode/1',
    });
    assert.equal(codes[2]?.label, `R&D <Training> "Q3" '24`);
    assert.equal(codes[2]?.forAll, false);
    assert.equal(codes[3]?.code, 999);
    assert.equal(codes[3]?.systemCode, true);
  });

  it('a single LOGOUT code is still a list, and "0007" is the number 7', () => {
    const codes = valueOf(parseReasonCodes(readFixture('reason-codes-logout-one.xml')));
    assert.equal(codes.length, 1);
    assert.equal(codes[0]?.category, 'LOGOUT');
    assert.equal(codes[0]?.code, 7);
  });

  it('an empty list is an empty array', () => {
    assert.deepEqual(valueOf(parseReasonCodes(readFixture('reason-codes-empty.xml'))), []);
  });
});

describe('Team documents', () => {
  it('lists members with their states and lower-case <reasonCode>', () => {
    const team = valueOf(parseTeam(readFixture('team-ucce.xml')));
    assert.equal(team.id, '2001');
    assert.equal(team.name, 'First Line Support');
    assert.equal(team.uri, '/finesse/api/Team/2001');
    assert.equal(team.users.length, 3);
    const [chris, jack, mia] = team.users;
    assert.equal(chris?.state, 'NOT_READY');
    assert.equal(chris?.reasonCode?.label, 'Handling Chat');
    assert.equal(chris?.reasonCode?.code, 32002);
    assert.equal(chris?.reasonCodeId, null);
    assert.equal(jack?.state, 'TALKING');
    assert.equal(jack?.pendingState, 'NOT_READY');
    assert.equal(mia?.state, 'LOGOUT');
    assert.equal(mia?.extension, null);
    assert.equal(mia?.stateChangeTime, null);
  });

  it('a team with one member still has a users list', () => {
    const team = valueOf(parseTeam(readFixture('team-one-member.xml')));
    assert.equal(team.users.length, 1);
    assert.equal(team.users[0]?.loginId, 'agent0042');
    assert.equal(team.users[0]?.state, 'READY');
  });
});
