// Every way a Finesse REST call can fail, as one discriminated union. Each value carries the catalogue's
// description (plain words, who acts, retryable) and never the request's headers or credentials.

import { describeApiErrors, describeError, type ErrorDescription } from '../error-catalogue.ts';
import type { ApiError, ParseError } from '../types.ts';
import type { HttpMethod, TransportFailure } from './http-transport.ts';

interface FinesseErrorBase {
  /** The request that failed, for diagnostics: method and URL (Finesse URLs carry ids, never credentials). */
  readonly method: HttpMethod;
  readonly url: string;
  readonly status?: number;
  readonly apiErrors?: readonly ApiError[];
  readonly retryable: boolean;
  readonly description: ErrorDescription;
}

export type FinesseError =
  /** No HTTP answer: the network, the proxy or the server is unreachable. */
  | (FinesseErrorBase & { readonly kind: 'network' })
  /** No answer within the time limit. */
  | (FinesseErrorBase & { readonly kind: 'timeout' })
  /** The caller cancelled the request (its AbortSignal fired). */
  | (FinesseErrorBase & { readonly kind: 'aborted' })
  /** 401 about the credentials themselves: the agent must sign in again. */
  | (FinesseErrorBase & { readonly kind: 'auth'; readonly status: number })
  /** An <ApiErrors> answer (400 Invalid State, Invalid Input, 401 Invalid Supervisor...). */
  | (FinesseErrorBase & { readonly kind: 'api'; readonly status: number; readonly apiErrors: readonly ApiError[] })
  /** 503: Finesse (or a service it needs) is out of service; retry, or try the other node. */
  | (FinesseErrorBase & { readonly kind: 'unavailable'; readonly status: number })
  /** 404: no such user, team, dialog or resource (also how an older Finesse answers a newer resource). */
  | (FinesseErrorBase & { readonly kind: 'not-found'; readonly status: number })
  /** A success answer whose body is not the XML expected. */
  | (FinesseErrorBase & { readonly kind: 'parse'; readonly status: number; readonly parseError: ParseError })
  /** Any other non-success status without a readable <ApiErrors> body. */
  | (FinesseErrorBase & { readonly kind: 'http'; readonly status: number });

interface RequestInfo {
  readonly method: HttpMethod;
  readonly url: string;
}

const TRANSPORT_KEYS: Readonly<Record<TransportFailure, string>> = {
  network: 'NETWORK_DOWN',
  timeout: 'TIMEOUT',
  aborted: 'PLEASE_RETRY',
};

/** The error for a request that got no HTTP answer. */
export function transportFailure(request: RequestInfo, failure: TransportFailure): FinesseError {
  const description = describeError(TRANSPORT_KEYS[failure]);
  // A cancelled request was meant to stop: retrying it is the caller's decision, not the client's.
  const retryable = failure !== 'aborted';
  return {
    kind: failure,
    method: request.method,
    url: request.url,
    retryable,
    description: { ...description, retryable },
  };
}

/** The error for a non-success HTTP answer, given the <ApiErrors> it carried (possibly none). */
export function httpFailure(request: RequestInfo, status: number, apiErrors: readonly ApiError[]): FinesseError {
  const base = { method: request.method, url: request.url, status };
  const description = apiErrors.length > 0 ? describeApiErrors(status, apiErrors) : describeError(status);
  const withErrors = apiErrors.length > 0 ? { apiErrors } : {};

  if (status === 503)
    return {
      ...base,
      ...withErrors,
      kind: 'unavailable',
      retryable: true,
      description: { ...description, retryable: true, actor: 'automatic' },
    };
  if (status === 404) return { ...base, ...withErrors, kind: 'not-found', retryable: false, description };
  // Finesse also answers 401 for a refused state change ("Invalid State") or a supervisor outside the team
  // ("Invalid Supervisor"): only an authorization failure means "sign in again".
  if (
    status === 401 &&
    (apiErrors.length === 0 || apiErrors.some((e) => AUTH_ERROR_TYPES.has(e.errorType.trim().toLowerCase())))
  ) {
    return {
      ...base,
      ...withErrors,
      kind: 'auth',
      retryable: false,
      description: apiErrors.length > 0 ? description : describeError(401),
    };
  }
  if (apiErrors.length > 0) return { ...base, kind: 'api', apiErrors, retryable: description.retryable, description };
  return { ...base, kind: 'http', retryable: description.retryable, description };
}

const AUTH_ERROR_TYPES: ReadonlySet<string> = new Set(['unauthorized', 'authorization failure']);

/** The error for a success answer whose body could not be read. */
export function parseFailure(request: RequestInfo, status: number, parseError: ParseError): FinesseError {
  const description = describeError('PARSE_ERROR');
  return { kind: 'parse', method: request.method, url: request.url, status, parseError, retryable: false, description };
}
