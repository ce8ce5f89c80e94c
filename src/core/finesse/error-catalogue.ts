// Every error the gadget can meet talking to Finesse, in words an agent can act on: what happened, what to do,
// who should act, and whether sending the same request again may work.
//
// Sources: the "All Errors" list of the generic connector spec, with its "Expected Client's Behaviour" (one of the
// project's source documents, "Seeds" in docs/finesse-contract.md), the error types of the Finesse REST API errors
// tables (User, Media, TeamResource API Errors), the HTTP statuses Finesse returns, and the transport failures the
// REST client reports.

import type { ApiError } from './types.ts';

/** Who should do something about an error. 'automatic': the gadget handles it (retries or re-reads state). */
type ErrorActor = 'agent' | 'administrator' | 'automatic';

export interface ErrorDescription {
  /** The catalogue key (or, for an unknown code, the code as received, trimmed to something printable). */
  readonly code: string;
  /** Plain words: what happened and what to do. Never contains credentials or raw server text. */
  readonly message: string;
  readonly actor: ErrorActor;
  /** True when sending the same request again (after a pause) may succeed. */
  readonly retryable: boolean;
  /** False for the fallback given to codes this catalogue does not know. */
  readonly known: boolean;
}

type Entry = Omit<ErrorDescription, 'code' | 'known'>;

const SIGN_IN_AGAIN = 'Your sign-in has expired or was not accepted. Sign in to Finesse again.';
const SERVER_PROBLEM = 'Finesse had a problem handling this request. The gadget will try again in a moment.';

/** The connector spec's "All Errors", plus CTI codes the developer guide shows in asynchronous apiErrors. */
const CONNECTOR_AND_CTI_ERRORS: Readonly<Record<string, Entry>> = {
  SUBSCRIPTION_FAILED: {
    message: 'Finesse did not accept your sign-in details. Check your ID and password and sign in again.',
    actor: 'agent',
    retryable: false,
  },
  UNABLE_TO_SUBSCRIBE_TO_FINESSE: {
    message:
      'The gadget could not connect to Finesse with your sign-in details. Check your ID and password and sign in again.',
    actor: 'agent',
    retryable: false,
  },
  SESSION_INVALIDATED: {
    message: 'You signed in from another place, so this session was closed. Sign in again here to continue.',
    actor: 'agent',
    retryable: false,
  },
  LICENSES_EXCEEDED: {
    message: 'No licence is free for another agent to sign in right now. Ask your administrator for help.',
    actor: 'administrator',
    retryable: false,
  },
  MISSING_EXTENSION: {
    message: 'No phone extension was given. Enter your extension and sign in again.',
    actor: 'agent',
    retryable: false,
  },
  WRONG_EXTENSION: {
    message: 'Your extension was not accepted: it may contain only digits. Check the extension and sign in again.',
    actor: 'agent',
    retryable: false,
  },
  MISSING_PASSWORD: {
    message: 'No password was given. Enter your password and sign in again.',
    actor: 'agent',
    retryable: false,
  },
  USER_NOT_FOUND: {
    message: 'Finesse does not know this agent ID. Check your ID and sign in again.',
    actor: 'agent',
    retryable: false,
  },
  GENERAL_ERROR: {
    message: 'Finesse could not complete the request and did not say why. The gadget will try again.',
    actor: 'automatic',
    retryable: true,
  },
  CF_GENERIC_UNSPECIFIED: {
    message: 'The phone system could not complete the request and did not say why. The gadget will try again.',
    actor: 'automatic',
    retryable: true,
  },
  CF_INVALID_LOGON_DEVICE_SPECIFIED: {
    message: 'Your extension was not accepted by the phone system. Check the extension and sign in again.',
    actor: 'agent',
    retryable: false,
  },
  CF_RESOURCE_BUSY: {
    message: 'The phone system was busy. The gadget will try again in a moment.',
    actor: 'automatic',
    retryable: true,
  },
  CF_INVALID_OBJECT_STATE: {
    message:
      'Your state changed just before the request arrived, so it was refused. The gadget will check your current state and try again if it is still needed.',
    actor: 'automatic',
    retryable: true,
  },
  PLEASE_RETRY: {
    message: 'The request did not go through. The gadget will try again.',
    actor: 'automatic',
    retryable: true,
  },
  MISSING_REASON_CODE: {
    message: 'A reason is required for this change. Pick a reason and try again.',
    actor: 'agent',
    retryable: false,
  },
  MISSING_DIALOG_ID: {
    message: 'The gadget did not say which call to act on. Try again; if it keeps happening, tell your administrator.',
    actor: 'administrator',
    retryable: false,
  },
  MISSING_NUMBER: {
    message: 'No number was given to dial. Enter a number and try again.',
    actor: 'agent',
    retryable: false,
  },
  E_CTI_INVALID_CALL_ID: {
    message: 'That call no longer exists; it may have just ended. Check your calls and try again.',
    actor: 'agent',
    retryable: false,
  },
  CF_GENERIC_OPERATION: {
    message: 'The phone system could not do what you asked. Check the call and try again.',
    actor: 'agent',
    retryable: false,
  },
  INVALID_CALL_DATA: {
    message:
      'The request to the phone system was missing some details. Try again; if it keeps happening, tell your administrator.',
    actor: 'administrator',
    retryable: false,
  },
  // The guide's User—Change Agent State scenarios (Unified CCX): a pending READY during a call is refused.
  CF_INVALID_AGENT_WORKMODE: {
    message: 'You cannot choose Ready during this call. Choose Ready after the call ends.',
    actor: 'agent',
    retryable: false,
  },
};

/** Error types Finesse puts in <ErrorType> of a synchronous <ApiErrors> answer. */
const REST_ERROR_TYPES: Readonly<Record<string, Entry>> = {
  'Invalid State': {
    message:
      'Finesse refused the change because your state had just changed. The gadget will check your current state and decide again.',
    actor: 'automatic',
    retryable: true,
  },
  'Invalid Input': {
    message:
      'Finesse did not accept a value in the request, such as a reason or an extension. Check what you entered; if it keeps happening, tell your administrator.',
    actor: 'administrator',
    retryable: false,
  },
  'Parameter Missing': {
    message: 'The request to Finesse was missing a required detail. If it keeps happening, tell your administrator.',
    actor: 'administrator',
    retryable: false,
  },
  'Bad Request': {
    message: 'Finesse could not understand the request. If it keeps happening, tell your administrator.',
    actor: 'administrator',
    retryable: false,
  },
  'Generic Error': {
    message: 'Finesse could not complete the request and did not say why. The gadget will try again.',
    actor: 'automatic',
    retryable: true,
  },
  'Finesse API Error': {
    message: 'Finesse could not find or update what was asked for; it may have just changed. Refresh and try again.',
    actor: 'agent',
    retryable: false,
  },
  Unauthorized: { message: SIGN_IN_AGAIN, actor: 'agent', retryable: false },
  'Authorization Failure': { message: SIGN_IN_AGAIN, actor: 'agent', retryable: false },
  'Invalid Authorization User Specified': {
    message:
      'This request was for a different user than the one signed in. Sign out, then sign in again with your own ID.',
    actor: 'agent',
    retryable: false,
  },
  'Invalid Supervisor': {
    message: 'You can change the state only of agents on teams you supervise.',
    actor: 'agent',
    retryable: false,
  },
  'Not Found': {
    message:
      'Finesse could not find what was asked for; it may have been removed. Refresh; if it keeps happening, tell your administrator.',
    actor: 'administrator',
    retryable: false,
  },
  Forbidden: {
    message: 'This action is not allowed for your account on this Finesse server. Ask your administrator.',
    actor: 'administrator',
    retryable: false,
  },
  'Service Unavailable': {
    message: 'Finesse is out of service at the moment. The gadget will keep trying and carry on when it is back.',
    actor: 'automatic',
    retryable: true,
  },
  'Internal Server Error': { message: SERVER_PROBLEM, actor: 'automatic', retryable: true },
};

/** HTTP statuses and transport outcomes, used when the answer carries no more specific error. */
const TRANSPORT_ERRORS: Readonly<Record<string, Entry>> = {
  HTTP_400: {
    message: 'Finesse refused the request. If it keeps happening, tell your administrator.',
    actor: 'administrator',
    retryable: false,
  },
  HTTP_401: { message: SIGN_IN_AGAIN, actor: 'agent', retryable: false },
  HTTP_403: {
    message: 'This action is not allowed for your account on this Finesse server. Ask your administrator.',
    actor: 'administrator',
    retryable: false,
  },
  HTTP_404: {
    message: 'Finesse could not find what was asked for. If it keeps happening, tell your administrator.',
    actor: 'administrator',
    retryable: false,
  },
  HTTP_409: {
    message: 'Something changed at the same moment as this request. The gadget will check and try again.',
    actor: 'automatic',
    retryable: true,
  },
  HTTP_500: { message: SERVER_PROBLEM, actor: 'automatic', retryable: true },
  HTTP_503: {
    message: 'Finesse is out of service at the moment. The gadget will keep trying and carry on when it is back.',
    actor: 'automatic',
    retryable: true,
  },
  NETWORK_DOWN: {
    message: 'The gadget cannot reach Finesse. Check your network connection; the gadget will keep trying.',
    actor: 'automatic',
    retryable: true,
  },
  TIMEOUT: {
    message: 'Finesse did not answer in time. The gadget will try again.',
    actor: 'automatic',
    retryable: true,
  },
  PARSE_ERROR: {
    message:
      'Finesse sent an answer the gadget could not read. Tell your administrator: the gadget may not match this Finesse version.',
    actor: 'administrator',
    retryable: false,
  },
};

/** The whole catalogue, by key: connector/CTI codes, REST error types, HTTP_<status>, NETWORK_DOWN, TIMEOUT, PARSE_ERROR. */
export const ERROR_CATALOGUE: Readonly<Record<string, Entry>> = {
  ...CONNECTOR_AND_CTI_ERRORS,
  ...REST_ERROR_TYPES,
  ...TRANSPORT_ERRORS,
};

/** The keys of the connector spec's "All Errors" list (and the CTI codes added beside them). */
export const CONNECTOR_ERROR_CODES: readonly string[] = Object.keys(CONNECTOR_AND_CTI_ERRORS);
/** The REST <ErrorType> values the catalogue knows. */
export const REST_ERROR_TYPE_NAMES: readonly string[] = Object.keys(REST_ERROR_TYPES);

const normaliseKey = (key: string): string => key.trim().replace(/\s+/g, ' ').toLowerCase();

const BY_NORMALISED_KEY: ReadonlyMap<string, string> = new Map(
  Object.keys(ERROR_CATALOGUE).map((key) => [normaliseKey(key), key]),
);

// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** Server text is untrusted: keep a short, printable form to name an unknown code. */
function printable(code: string): string {
  const cleaned = code.replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  return cleaned.length > 60 ? `${cleaned.slice(0, 60)}…` : cleaned;
}

function lookup(key: string): ErrorDescription | undefined {
  const found = BY_NORMALISED_KEY.get(normaliseKey(key));
  if (found === undefined) return undefined;
  const entry = ERROR_CATALOGUE[found];
  return entry === undefined ? undefined : { code: found, ...entry, known: true };
}

function describeStatus(status: number): ErrorDescription {
  const known = lookup(`HTTP_${status}`);
  if (known) return known;
  const code = `HTTP_${status}`;
  if (status >= 500) {
    return {
      code,
      message: `Finesse had a problem (status ${status}). The gadget will try again in a moment.`,
      actor: 'automatic',
      retryable: true,
      known: false,
    };
  }
  return {
    code,
    message: `Finesse refused the request (status ${status}). If it keeps happening, tell your administrator and mention status ${status}.`,
    actor: 'administrator',
    retryable: false,
    known: false,
  };
}

/** Describes any error code, REST error type, HTTP status (number) or transport key; unknown codes get a fallback naming them. */
export function describeError(code: string | number): ErrorDescription {
  if (typeof code === 'number') return describeStatus(code);
  const known = lookup(code);
  if (known) return known;
  const named = printable(code) || 'no code';
  return {
    code: named,
    message: `Finesse reported a problem the gadget does not recognise (${named}). Try again; if it keeps happening, tell your administrator and mention "${named}".`,
    actor: 'administrator',
    retryable: false,
    known: false,
  };
}

const LOOKS_LIKE_CODE = /^[A-Z][A-Z0-9_]{2,}$/;

/**
 * Describes a Finesse <ApiErrors> answer: the most specific known entry wins (a CTI code in errorMessage, then the
 * errorType, then the HTTP status); if nothing is known, the fallback names the server's code.
 */
export function describeApiErrors(status: number | null, errors: readonly ApiError[]): ErrorDescription {
  for (const e of errors) {
    const byMessage = LOOKS_LIKE_CODE.test(e.errorMessage.trim()) ? lookup(e.errorMessage) : undefined;
    if (byMessage) return byMessage;
  }
  for (const e of errors) {
    const byType = lookup(e.errorType);
    if (byType) return byType;
  }
  if (status !== null) {
    const byStatus = lookup(`HTTP_${status}`);
    if (byStatus) return byStatus;
  }
  const first = errors[0];
  if (first) {
    const code = LOOKS_LIKE_CODE.test(first.errorMessage.trim()) ? first.errorMessage : first.errorType;
    const fallback = describeError(code);
    // A server error status still deserves a retry even when its code is unknown.
    return status !== null && status >= 500 ? { ...fallback, actor: 'automatic', retryable: true } : fallback;
  }
  return status !== null ? describeStatus(status) : describeError('');
}
