import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Result } from '../../../src/core/result.ts';
import type { ApiError, ParseError } from '../../../src/core/finesse/types.ts';
import { apiErrorsToXml, parseApiErrors, parseSystemInfo } from '../../../src/core/finesse/xml/index.ts';
import { readFixture } from '../../fixtures/finesse/fixture-files.ts';

function valueOf<T>(result: Result<T, ParseError>): T {
  if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('SystemInfo documents', () => {
  it('a UCCE cluster in service, with both nodes', () => {
    assert.deepEqual(valueOf(parseSystemInfo(readFixture('system-info-ucce.xml'))), {
      status: 'IN_SERVICE',
      statusReason: null,
      deploymentType: 'UCCE',
      primaryNode: 'finesse-a.example.com',
      secondaryNode: 'finesse-b.example.com',
      xmppDomain: 'finesse-a.example.com',
      xmppPubSubDomain: 'pubsub.finesse-a.example.com',
      currentTimestamp: '2024-03-01T18:00:00.000Z',
      timezoneOffset: -300,
    });
  });

  it('a UCCX pair', () => {
    const info = valueOf(parseSystemInfo(readFixture('system-info-uccx.xml')));
    assert.equal(info.deploymentType, 'UCCX');
    assert.equal(info.primaryNode, 'uccx-pub.example.com');
    assert.equal(info.secondaryNode, 'uccx-sub.example.com');
    assert.equal(info.timezoneOffset, 120);
  });

  it('out of service, single node, node host written as plain text', () => {
    const info = valueOf(parseSystemInfo(readFixture('system-info-out-of-service-single-node.xml')));
    assert.equal(info.status, 'OUT_OF_SERVICE');
    assert.equal(info.statusReason, 'CTI server connection lost');
    assert.equal(info.primaryNode, 'finesse-a.example.com');
    assert.equal(info.secondaryNode, null);
    assert.equal(info.timezoneOffset, 0);
  });

  it('no deploymentType is UNKNOWN (the model has that value); an unknown one is an error', () => {
    assert.equal(
      valueOf(parseSystemInfo('<SystemInfo><status>IN_SERVICE</status></SystemInfo>')).deploymentType,
      'UNKNOWN',
    );
    const other = parseSystemInfo(
      '<SystemInfo><status>IN_SERVICE</status><deploymentType>WEBEX</deploymentType></SystemInfo>',
    );
    assert.equal(other.ok ? 'ok' : other.error.code, 'INVALID_VALUE');
  });
});

describe('ApiErrors in both shapes', () => {
  it('the sync REST body', () => {
    assert.deepEqual(valueOf(parseApiErrors(readFixture('api-errors-sync.xml'))), [
      {
        errorType: 'Invalid State',
        errorMessage: 'Cannot change state from TALKING to READY',
        errorData: 'READY',
        peripheralErrorCode: null,
        peripheralErrorMsg: null,
        peripheralErrorText: null,
      },
    ]);
  });

  it('two sync errors, one with empty ErrorData', () => {
    const errors = valueOf(parseApiErrors(readFixture('api-errors-sync-two.xml')));
    assert.deepEqual(
      errors.map((error) => error.errorType),
      ['Authorization Failure', 'Parameter Missing'],
    );
    assert.equal(errors[1]?.errorData, null);
  });

  it('the async CF_INVALID_OBJECT_STATE error with peripheral details', () => {
    assert.deepEqual(valueOf(parseApiErrors(readFixture('api-errors-async.xml'))), [
      {
        errorType: 'Invalid State',
        errorMessage: 'CF_INVALID_OBJECT_STATE',
        errorData: '4',
        peripheralErrorCode: '10001',
        peripheralErrorMsg: 'PERERR_INVALID_AGENT_STATE',
        peripheralErrorText: 'The agent state change is not valid in the current state',
      },
    ]);
  });

  it('writes PascalCase for sync and camelCase for async', () => {
    const errors: ApiError[] = [
      {
        errorType: 'Invalid State',
        errorMessage: 'CF_INVALID_OBJECT_STATE',
        errorData: null,
        peripheralErrorCode: '10001',
        peripheralErrorMsg: null,
        peripheralErrorText: null,
      },
    ];
    assert.equal(
      apiErrorsToXml(errors, { form: 'sync' }),
      '<ApiErrors><ApiError><ErrorType>Invalid State</ErrorType><ErrorMessage>CF_INVALID_OBJECT_STATE</ErrorMessage><ErrorData></ErrorData></ApiError></ApiErrors>',
    );
    assert.equal(
      apiErrorsToXml(errors, { form: 'async' }),
      '<apiErrors><apiError><errorData></errorData><errorMessage>CF_INVALID_OBJECT_STATE</errorMessage><errorType>Invalid State</errorType><peripheralErrorCode>10001</peripheralErrorCode></apiError></apiErrors>',
    );
  });
});
