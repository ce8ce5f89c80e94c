import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Result } from '../../../src/core/result.ts';
import type { ParseError } from '../../../src/core/finesse/types.ts';
import { parseDialog, parseDialogs } from '../../../src/core/finesse/xml/index.ts';
import { readFixture } from '../../fixtures/finesse/fixture-files.ts';

function valueOf<T>(result: Result<T, ParseError>): T {
  if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('Dialogs documents (UCCE call types)', () => {
  const dialogs = valueOf(parseDialogs(readFixture('dialogs-ucce-call-types.xml')));

  it('keeps every call type as sent', () => {
    assert.deepEqual(
      dialogs.map((dialog) => dialog.callType),
      ['ACD_IN', 'PREROUTE_ACD_IN', 'TRANSFER', 'CONSULT', 'CONFERENCE', 'AGENT_INSIDE', 'OTHER_IN'],
    );
  });

  it('an alerting ACD_IN call with call variables and ECC variables', () => {
    const call = dialogs[0];
    assert.equal(call?.id, '16777301');
    assert.equal(call?.state, 'ALERTING');
    assert.equal(call?.mediaType, 'Voice');
    assert.equal(call?.fromAddress, '+4930123456');
    assert.equal(call?.toAddress, '1001001');
    assert.equal(call?.dialedNumber, '8001');
    assert.equal(call?.associatedDialogUri, null);
    assert.deepEqual(call?.callVariables, [
      { name: 'callVariable1', value: 'Chuck Smith' },
      { name: 'callVariable2', value: 'Cisco Systems, Inc. & Partners' },
      { name: 'callVariable3', value: '' },
      { name: 'user.chat.topic', value: '  order #4711 <urgent>  ' },
      { name: 'user.myarray[2]', value: 'ABC' },
    ]);
    assert.deepEqual(call?.participants[0], {
      mediaAddress: '1001001',
      mediaAddressType: 'AGENT_DEVICE',
      state: 'ALERTING',
      stateCause: null,
      actions: ['ANSWER'],
      startTime: '2024-03-01T18:10:23.121Z',
      stateChangeTime: '2024-03-01T18:10:23.121Z',
    });
    assert.deepEqual(call?.participants[1]?.actions, [], '<actions/> is an empty list');
    assert.equal(call?.participants[1]?.mediaAddressType, null);
  });

  it('a consult call points at the original call', () => {
    const consult = dialogs[3];
    assert.equal(consult?.associatedDialogUri, '/finesse/api/Dialog/16777302');
    assert.equal(consult?.state, 'INITIATED');
    assert.deepEqual(consult?.callVariables, [], '<callvariables/> is an empty list');
    assert.deepEqual(consult?.participants[0]?.actions, ['TRANSFER', 'CONFERENCE', 'DROP']);
  });

  it('a conference has three participants, one held', () => {
    const conference = dialogs[4];
    assert.equal(conference?.participants.length, 3);
    assert.deepEqual(
      conference?.participants.map((participant) => participant.state),
      ['ACTIVE', 'ACTIVE', 'HELD'],
    );
  });

  it('an OTHER_IN call dropped busy keeps its state cause', () => {
    assert.equal(dialogs[6]?.state, 'DROPPED');
    assert.equal(dialogs[6]?.participants[0]?.stateCause, 'BUSY');
  });
});

describe('single children are still lists', () => {
  it('one Dialog with one call variable, one participant and one action', () => {
    const dialog = valueOf(parseDialog(readFixture('dialog-single-everything.xml')));
    assert.deepEqual(dialog.callVariables, [{ name: 'callVariable1', value: 'only one' }]);
    assert.equal(dialog.participants.length, 1);
    assert.deepEqual(dialog.participants[0]?.actions, ['DROP']);
  });

  it('a Dialogs list with one Dialog', () => {
    const dialogs = valueOf(parseDialogs(readFixture('dialogs-one.xml')));
    assert.equal(dialogs.length, 1);
    assert.equal(dialogs[0]?.callType, 'OUT');
    assert.equal(dialogs[0]?.participants[0]?.startTime, null);
  });

  it('an empty Dialogs list', () => {
    assert.deepEqual(valueOf(parseDialogs(readFixture('dialogs-empty.xml'))), []);
  });

  it('a Dialog without mediaProperties has no call data', () => {
    const dialog = valueOf(parseDialog('<Dialog><id>1</id><state>ACTIVE</state></Dialog>'));
    assert.equal(dialog.callType, null);
    assert.equal(dialog.dialedNumber, null);
    assert.deepEqual(dialog.callVariables, []);
    assert.deepEqual(dialog.participants, []);
    assert.equal(dialog.mediaType, '');
  });
});
