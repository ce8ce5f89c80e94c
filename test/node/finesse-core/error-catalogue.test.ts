import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONNECTOR_ERROR_CODES,
  ERROR_CATALOGUE,
  REST_ERROR_TYPE_NAMES,
  describeApiErrors,
  describeError,
} from '../../../src/core/finesse/error-catalogue.ts';
import type { ApiError } from '../../../src/core/finesse/types.ts';

// "Expected Client's Behaviour" of every error in the source document's "All Errors" list, copied as written.
const SEED_BEHAVIOUR: Readonly<Record<string, string>> = {
  SUBSCRIPTION_FAILED:
    'Display the error message and ask the agent to enter valid credentials and send the command again.',
  UNABLE_TO_SUBSCRIBE_TO_FINESSE:
    'Display the error message and ask the agent to enter valid credentials and send the command again.',
  SESSION_INVALIDATED: 'Display the error message and ask the user to login again.',
  LICENSES_EXCEEDED: 'Display the error message.',
  MISSING_EXTENSION: 'Display the error message and ask the user to enter valid Extension. Send the request again.',
  WRONG_EXTENSION: 'Display the error message and ask the user to enter valid Extension. Send the request again.',
  MISSING_PASSWORD: 'Display the error message and ask the user to enter a password. Send the request again.',
  USER_NOT_FOUND: 'Display the error message and ask the user to enter valid credentials. Send the request again.',
  GENERAL_ERROR: 'Display the error message and send the request again.',
  CF_GENERIC_UNSPECIFIED: 'Display the error message and send the request again.',
  CF_INVALID_LOGON_DEVICE_SPECIFIED:
    'Display the error message and ask the user to enter a valid extension. Send the request again.',
  CF_RESOURCE_BUSY: 'Send the request again.',
  CF_INVALID_OBJECT_STATE: 'Send the request again.',
  PLEASE_RETRY: 'Send the request again.',
  MISSING_REASON_CODE: 'Send the request again with reason codes.',
  MISSING_DIALOG_ID: 'Send the request again with dialog id.',
  MISSING_NUMBER: 'Send the request again with dialog id.',
  E_CTI_INVALID_CALL_ID: 'Send the request again with a valid call id.',
  CF_GENERIC_OPERATION: 'Display error message according to the last command sent.',
  INVALID_CALL_DATA: 'Display error message according to the last command sent.',
};

// The reading of the seed: a plain "send the request again" (nothing to fix first, nobody to ask) is a retry;
// "again with X" or "ask the agent" means the same request would fail again, so it is not retryable.
const seedSaysRetry = (behaviour: string): boolean =>
  /send the request again\.$/i.test(behaviour) && !/ask the (agent|user)/i.test(behaviour);
const seedSaysAskAgent = (behaviour: string): boolean => /ask the (agent|user)/i.test(behaviour);

const REST_ERROR_TYPES = [
  'Invalid State',
  'Invalid Input',
  'Parameter Missing',
  'Unauthorized',
  'Not Found',
  'Service Unavailable',
];
const HTTP_STATUSES = [400, 401, 403, 404, 409, 500, 503];

test('the catalogue holds every error of the seed list, every REST error type and every HTTP status named', () => {
  for (const code of Object.keys(SEED_BEHAVIOUR)) assert.ok(CONNECTOR_ERROR_CODES.includes(code), code);
  for (const type of REST_ERROR_TYPES) assert.ok(REST_ERROR_TYPE_NAMES.includes(type), type);
  for (const status of HTTP_STATUSES) assert.ok(describeError(status).known, `HTTP ${status}`);
  assert.ok(describeError('NETWORK_DOWN').known);
  assert.ok(describeError('TIMEOUT').known);
});

for (const [code, behaviour] of Object.entries(SEED_BEHAVIOUR)) {
  test(`${code}: retryable and actor follow the seed's expected behaviour`, () => {
    const d = describeError(code);
    assert.equal(d.known, true);
    assert.equal(d.retryable, seedSaysRetry(behaviour), `retryable for "${behaviour}"`);
    if (seedSaysAskAgent(behaviour)) assert.equal(d.actor, 'agent');
    if (d.retryable) assert.equal(d.actor, 'automatic');
  });
}

test('every catalogue message is plain words an agent can act on, never the bare code', () => {
  for (const [key, entry] of Object.entries(ERROR_CATALOGUE)) {
    const m = entry.message;
    assert.ok(m.length >= 30, `${key}: too short`);
    assert.ok(/[.!]$/.test(m), `${key}: should be whole sentences`);
    assert.ok(!m.includes(key) || !/_/.test(key), `${key}: repeats its code`);
    assert.doesNotMatch(m, /\b[A-Z]{2,}_[A-Z_]+\b/, `${key}: contains a code-like token`);
    assert.doesNotMatch(m, /\b(HTTP|CTI|API|XML|REST|JMS|null|undefined|exception)\b/i, `${key}: jargon`);
    // Says what to do or that the gadget does it.
    assert.match(
      m,
      /\b(sign in|try|check|enter|pick|ask|tell|refresh|choose|will|sign out|only)\b/i,
      `${key}: no action`,
    );
  }
});

test('retryable entries are exactly those the gadget handles by itself', () => {
  for (const [key, entry] of Object.entries(ERROR_CATALOGUE)) {
    assert.equal(entry.retryable, entry.actor === 'automatic', key);
  }
});

test('REST error types and statuses are classified for the reconciler', () => {
  assert.equal(describeError('Invalid State').retryable, true, 'Invalid State is normal: re-read and decide again');
  assert.equal(describeError('Service Unavailable').retryable, true);
  assert.equal(describeError(503).retryable, true);
  assert.equal(describeError('TIMEOUT').retryable, true);
  assert.equal(describeError('NETWORK_DOWN').retryable, true);
  assert.equal(describeError('Invalid Input').retryable, false);
  assert.equal(describeError('Unauthorized').actor, 'agent');
  assert.match(describeError(401).message, /sign in/i);
});

test('lookups ignore case and spacing of the error type', () => {
  assert.equal(describeError('invalid  state').code, 'Invalid State');
  assert.equal(describeError('cf_resource_busy').code, 'CF_RESOURCE_BUSY');
});

test('an unknown code falls back to a message that names it', () => {
  const d = describeError('CF_SOMETHING_NEW');
  assert.equal(d.known, false);
  assert.equal(d.code, 'CF_SOMETHING_NEW');
  assert.match(d.message, /CF_SOMETHING_NEW/);
  assert.equal(d.retryable, false);
  assert.equal(d.actor, 'administrator');
});

test('an unknown code from the server is trimmed and stripped of control characters before it is shown', () => {
  const d = describeError(`EVIL\u0000\u001b[31m${'X'.repeat(200)}`);
  // eslint-disable-next-line no-control-regex -- checking none survived
  assert.doesNotMatch(d.message, /[\u0000-\u001f]/);
  assert.ok(d.code.length <= 61);
});

test('unknown HTTP statuses: server errors retry, client errors go to the administrator, both name the status', () => {
  const bad = describeError(502);
  assert.equal(bad.retryable, true);
  assert.match(bad.message, /502/);
  const teapot = describeError(418);
  assert.equal(teapot.retryable, false);
  assert.match(teapot.message, /418/);
});

const apiError = (errorType: string, errorMessage: string, errorData: string | null = null): ApiError => ({
  errorType,
  errorMessage,
  errorData,
  peripheralErrorCode: null,
  peripheralErrorMsg: null,
  peripheralErrorText: null,
});

test('ApiErrors: a CTI code in errorMessage is more specific than the error type', () => {
  const d = describeApiErrors(null, [apiError('Invalid State', 'CF_INVALID_AGENT_WORKMODE', '265')]);
  assert.equal(d.code, 'CF_INVALID_AGENT_WORKMODE');
});

test('ApiErrors: free text in errorMessage is ignored in favour of the error type', () => {
  const d = describeApiErrors(400, [apiError('Invalid Input', 'The state is not valid for this user')]);
  assert.equal(d.code, 'Invalid Input');
});

test('ApiErrors: a 401 whose type is Invalid State is a state refusal, not a sign-in problem', () => {
  assert.equal(describeApiErrors(401, [apiError('Invalid State', 'Invalid state change')]).code, 'Invalid State');
});

test('ApiErrors: an unknown type falls back to the status, then to a message naming the type', () => {
  assert.equal(
    describeApiErrors(404, [apiError('finesse.api.team.invalid_team', 'This is not a valid team')]).code,
    'HTTP_404',
  );
  const unknown = describeApiErrors(422, [apiError('Odd Type', 'text')]);
  assert.equal(unknown.known, false);
  assert.match(unknown.message, /Odd Type/);
  assert.equal(describeApiErrors(599, [apiError('Odd Type', 'text')]).retryable, true);
});
