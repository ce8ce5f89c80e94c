import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Result } from '../../../src/core/result.ts';
import type { ParseError } from '../../../src/core/finesse/types.ts';
import {
  dialogRequestToXml,
  parseDialogRequest,
  parseUserRequest,
  userRequestToXml,
} from '../../../src/core/finesse/xml/index.ts';
import { readFixture } from '../../fixtures/finesse/fixture-files.ts';

function valueOf<T>(result: Result<T, ParseError>): T {
  if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('User requests (what the gadget PUTs)', () => {
  it('going NOT_READY with a reason code writes the documented body', () => {
    assert.equal(
      userRequestToXml({ state: 'NOT_READY', reasonCodeId: '12' }),
      '<User><state>NOT_READY</state><reasonCodeId>12</reasonCodeId></User>',
    );
  });

  it('signing in writes state LOGIN and the extension', () => {
    assert.equal(
      userRequestToXml({ state: 'LOGIN', extension: '1001001' }),
      '<User><state>LOGIN</state><extension>1001001</extension></User>',
    );
  });

  it('reads both request fixtures', () => {
    assert.deepEqual(valueOf(parseUserRequest(readFixture('request-user-not-ready.xml'))), {
      state: 'NOT_READY',
      reasonCodeId: '12',
    });
    assert.deepEqual(valueOf(parseUserRequest(readFixture('request-user-login.xml'))), {
      state: 'LOGIN',
      extension: '1001001',
    });
  });

  it('an unknown requested state is refused', () => {
    const result = parseUserRequest('<User><state>AWAY</state></User>');
    assert.equal(result.ok ? 'ok' : result.error.code, 'INVALID_VALUE');
  });
});

describe('Dialog requests', () => {
  it('ANSWER targets the agent device', () => {
    assert.deepEqual(valueOf(parseDialogRequest(readFixture('request-dialog-answer.xml'))), {
      requestedAction: 'ANSWER',
      targetMediaAddress: '1001001',
    });
    assert.equal(
      dialogRequestToXml({ requestedAction: 'ANSWER', targetMediaAddress: '1001001' }),
      '<Dialog><requestedAction>ANSWER</requestedAction><targetMediaAddress>1001001</targetMediaAddress></Dialog>',
    );
  });

  it('MAKE_CALL posts fromAddress and toAddress (any characters kept)', () => {
    assert.deepEqual(valueOf(parseDialogRequest(readFixture('request-dialog-make-call.xml'))), {
      requestedAction: 'MAKE_CALL',
      fromAddress: '1001001',
      toAddress: '9 (408) 555-0199',
    });
    assert.equal(
      dialogRequestToXml({ requestedAction: 'MAKE_CALL', fromAddress: '1001001', toAddress: '1002002' }),
      '<Dialog><requestedAction>MAKE_CALL</requestedAction><fromAddress>1001001</fromAddress><toAddress>1002002</toAddress></Dialog>',
    );
  });

  it('CONSULT_CALL carries toAddress and targetMediaAddress', () => {
    assert.deepEqual(valueOf(parseDialogRequest(readFixture('request-dialog-consult.xml'))), {
      requestedAction: 'CONSULT_CALL',
      toAddress: '1001002',
      targetMediaAddress: '1001001',
    });
  });

  it('a wrap-up reason travels under mediaProperties', () => {
    assert.deepEqual(valueOf(parseDialogRequest(readFixture('request-dialog-wrap-up.xml'))), {
      requestedAction: 'UPDATE_CALL_DATA',
      wrapUpReason: 'Sale & upsell',
    });
    assert.equal(
      dialogRequestToXml({ requestedAction: 'UPDATE_CALL_DATA', wrapUpReason: 'Sale & upsell' }),
      '<Dialog><requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><wrapUpReason>Sale &amp; upsell</wrapUpReason></mediaProperties></Dialog>',
    );
  });
});
