import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Result } from '../../../src/core/result.ts';
import type { ParseError, Update } from '../../../src/core/finesse/types.ts';
import { isTeamUsersAddress, parseUpdate, updateToXml } from '../../../src/core/finesse/xml/index.ts';
import { readFixture } from '../../fixtures/finesse/fixture-files.ts';

function valueOf<T>(result: Result<T, ParseError>): T {
  if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function updateFrom(file: string, node?: string): Update {
  return valueOf(parseUpdate(readFixture(file), node === undefined ? undefined : { node }));
}

describe('notification envelopes', () => {
  it('a User PUT with <user> data and a requestId', () => {
    const update = updateFrom('update-user-put.xml');
    assert.equal(update.event, 'PUT');
    assert.equal(update.requestId, 'c3f1a2b4-0001');
    assert.equal(update.source, '/finesse/api/User/1001001');
    assert.equal(update.data.kind, 'user');
    if (update.data.kind !== 'user') return;
    assert.equal(update.data.user.state, 'NOT_READY');
    assert.equal(update.data.user.reasonCode?.label, 'Handling Chat');
  });

  it("Finesse's own sample: event 'put', <User>, a ReasonCode without id or category", () => {
    const update = updateFrom('update-user-doc-sample.xml');
    assert.equal(update.event, 'PUT', 'event is normalized to upper case');
    assert.equal(update.requestId, null);
    assert.equal(update.data.kind, 'user');
    if (update.data.kind !== 'user') return;
    const { user } = update.data;
    assert.equal(user.state, 'LOGOUT');
    assert.equal(user.stateChangeTime, null);
    assert.equal(user.extension, null);
    assert.deepEqual(user.reasonCode, {
      id: '2',
      code: 10,
      label: 'Team Meeting',
      category: 'LOGOUT',
      systemCode: false,
      forAll: false,
      uri: '/finesse/api/ReasonCode/2',
    });
  });

  it('a lower-case <update> envelope: a new dialog POSTed alone from the Dialogs collection', () => {
    const update = updateFrom('update-lowercase-dialogs-post.xml');
    assert.equal(update.event, 'POST');
    assert.equal(update.source, '/finesse/api/User/1001001/Dialogs');
    assert.equal(update.data.kind, 'dialogs');
    if (update.data.kind !== 'dialogs') return;
    assert.equal(update.data.dialogs.length, 1, 'a single Dialog is a list');
    assert.equal(update.data.dialogs[0]?.state, 'ALERTING');
    assert.deepEqual(update.data.dialogs[0]?.participants[0]?.actions, ['ANSWER']);
  });

  it('the <dialogs> data root is read in any case (<Dialogs>)', () => {
    const xml = readFixture('update-lowercase-dialogs-post.xml')
      .replace('<dialogs>', '<Dialogs>')
      .replace('</dialogs>', '</Dialogs>');
    const update = valueOf(parseUpdate(xml));
    assert.equal(update.data.kind, 'dialogs');
  });

  it('a Dialogs DELETE comes from the collection and carries the dialog that went away', () => {
    const update = updateFrom('update-dialogs-delete.xml');
    assert.equal(update.event, 'DELETE');
    assert.equal(update.source, '/finesse/api/User/1001001/Dialogs');
    assert.equal(update.data.kind, 'dialogs');
    if (update.data.kind !== 'dialogs') return;
    assert.equal(update.data.dialogs.length, 1);
    assert.equal(update.data.dialogs[0]?.id, '16777301');
    assert.equal(update.data.dialogs[0]?.state, 'DROPPED');
  });

  it('a dialog change: PUT from /finesse/api/Dialog/{id} with one <Dialog>', () => {
    const update = updateFrom('update-dialog-put.xml');
    assert.equal(update.event, 'PUT');
    assert.equal(update.source, '/finesse/api/Dialog/16777301');
    assert.equal(update.data.kind, 'dialog');
    if (update.data.kind !== 'dialog') return;
    assert.equal(update.data.dialog.id, '16777301');
    assert.equal(update.data.dialog.state, 'ACTIVE');
    assert.deepEqual(update.data.dialog.callVariables, [{ name: 'callVariable1', value: 'Chuck Smith' }]);
  });

  it('a dialog change written <dialog> (another case) is read the same', () => {
    const xml = readFixture('update-dialog-put.xml').replace('<Dialog>', '<dialog>').replace('</Dialog>', '</dialog>');
    assert.deepEqual(valueOf(parseUpdate(xml)), updateFrom('update-dialog-put.xml'));
  });

  it("a <user> arriving on the Team/{id}/Users node is a team member, though its source is the member's own URI", () => {
    const update = updateFrom('update-team-user.xml', '/finesse/api/Team/2001/Users');
    assert.equal(update.event, 'PUT');
    assert.equal(update.source, '/finesse/api/User/1001002');
    assert.equal(update.data.kind, 'teamUser');
    if (update.data.kind !== 'teamUser') return;
    const member = update.data.user;
    assert.equal(member.loginId, '1001002');
    assert.equal(member.state, 'NOT_READY');
    assert.equal(member.pendingState, null);
    assert.equal(member.extension, '1001002');
    assert.equal(member.reasonCode?.label, 'Lunch Break');
    assert.equal(member.reasonCode?.id, '1');
  });

  it('the node decides, in slash (XMPP) or dot (hub topic) form; without it the same document is a User', () => {
    const xml = readFixture('update-team-user.xml');
    assert.equal(valueOf(parseUpdate(xml, { node: 'finesse.api.Team.2001.Users' })).data.kind, 'teamUser');
    assert.equal(valueOf(parseUpdate(xml, { node: '/finesse/api/User/1001002' })).data.kind, 'user');
    assert.equal(valueOf(parseUpdate(xml)).data.kind, 'user');
  });

  it('a team member sent with a Team/{id}/Users source (not what Finesse sends) is still read as one', () => {
    const xml = readFixture('update-team-user.xml').replace(
      '<source>/finesse/api/User/1001002</source>',
      '<source>/finesse/api/Team/2001/Users</source>',
    );
    assert.equal(valueOf(parseUpdate(xml)).data.kind, 'teamUser');
  });

  it('a Team PUT with lower-case <team>', () => {
    const update = updateFrom('update-team.xml');
    assert.equal(update.data.kind, 'team');
    if (update.data.kind !== 'team') return;
    assert.equal(update.data.team.name, 'Shiny');
    assert.deepEqual(
      update.data.team.users.map((user) => user.state),
      ['LOGOUT', 'NOT_READY'],
    );
  });

  it('a SystemInfo change', () => {
    const update = updateFrom('update-system-info.xml');
    assert.equal(update.data.kind, 'systemInfo');
    if (update.data.kind !== 'systemInfo') return;
    assert.equal(update.data.systemInfo.status, 'OUT_OF_SERVICE');
  });

  it('an async CF_INVALID_OBJECT_STATE error for a state change', () => {
    const update = updateFrom('update-api-errors-cf-invalid-object-state.xml');
    assert.equal(update.requestId, 'c3f1a2b4-0003');
    assert.equal(update.data.kind, 'apiErrors');
    if (update.data.kind !== 'apiErrors') return;
    assert.equal(update.data.errors[0]?.errorMessage, 'CF_INVALID_OBJECT_STATE');
    assert.equal(update.data.errors[0]?.peripheralErrorCode, '10001');
  });

  it('a dialog CTI error written with <ApiErrors>', () => {
    const update = updateFrom('update-dialog-cti-error.xml');
    assert.equal(update.data.kind, 'apiErrors');
    if (update.data.kind !== 'apiErrors') return;
    assert.equal(update.data.errors[0]?.errorType, 'Call Operation Failure');
    assert.equal(update.data.errors[0]?.errorData, '34');
  });

  it('an unknown but well-formed data root is kept by name, not an error', () => {
    assert.deepEqual(updateFrom('update-unknown-root.xml').data, { kind: 'unknown', root: 'Queue' });
  });

  it('a DELETE with no data (user removed)', () => {
    const update = updateFrom('update-user-deleted-no-data.xml');
    assert.equal(update.event, 'DELETE');
    assert.deepEqual(update.data, { kind: 'unknown', root: '' });
  });
});

describe('writing notifications', () => {
  it('writes the envelope in Finesse order with the data root Finesse uses', () => {
    const update = updateFrom('update-api-errors-cf-invalid-object-state.xml');
    const xml = updateToXml(update);
    assert.match(
      xml,
      /^<Update><event>PUT<\/event><requestId>c3f1a2b4-0003<\/requestId><source>\/finesse\/api\/User\/1001001<\/source><data><apiErrors><apiError>/,
    );
  });

  it("a team member is written as <user> with its URI, from the member's own source, and read back as one with the node", () => {
    const node = '/finesse/api/Team/2001/Users';
    const update = updateFrom('update-team-user.xml', node);
    const xml = updateToXml(update);
    assert.match(
      xml,
      /<source>\/finesse\/api\/User\/1001002<\/source><data><user><uri>\/finesse\/api\/User\/1001002<\/uri><loginId>1001002<\/loginId>/,
    );
    assert.deepEqual(valueOf(parseUpdate(xml, { node })), update);
  });

  it('a dialog change is written as one <Dialog>', () => {
    const xml = updateToXml(updateFrom('update-dialog-put.xml'));
    assert.match(xml, /<source>\/finesse\/api\/Dialog\/16777301<\/source><data><Dialog><associatedDialogUri>/);
  });
});

describe('Team/{id}/Users addresses', () => {
  it('recognizes node and hub topic forms only', () => {
    assert.equal(isTeamUsersAddress('/finesse/api/Team/2001/Users'), true);
    assert.equal(isTeamUsersAddress('finesse.api.Team.2001.Users'), true);
    assert.equal(isTeamUsersAddress('/finesse/api/User/1001001'), false);
    assert.equal(isTeamUsersAddress('/finesse/api/Team/2001'), false);
    assert.equal(isTeamUsersAddress('Users'), false);
  });
});
