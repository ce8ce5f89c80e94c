// The HTTP port the Finesse REST client talks through. Adapters: fetch (same origin, inside the desktop) and
// Shindig's gadgets.io.makeRequest (gadgets hosted elsewhere); tests use a scripted fake.

export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

export interface HttpRequest {
  readonly method: HttpMethod;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Sends one request. Resolves for every HTTP answer (any status); rejects only with a TransportError. */
export interface HttpTransport {
  request(req: HttpRequest): Promise<HttpResponse>;
}

export type TransportFailure = 'network' | 'timeout' | 'aborted';

/**
 * Why no HTTP answer came. The message is generic on purpose: it never carries the request's headers, body or
 * the underlying error (which could echo them).
 */
export class TransportError extends Error {
  constructor(
    readonly failure: TransportFailure,
    message: string = TRANSPORT_MESSAGES[failure],
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

const TRANSPORT_MESSAGES: Readonly<Record<TransportFailure, string>> = {
  network: 'no answer: the network or the server is unreachable',
  timeout: 'no answer within the time limit',
  aborted: 'the request was cancelled',
};

/** True for a TransportError (also across realms, where instanceof fails). */
export function isTransportError(value: unknown): value is TransportError {
  return (
    value instanceof TransportError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { name?: unknown }).name === 'TransportError' &&
      ['network', 'timeout', 'aborted'].includes(String((value as { failure?: unknown }).failure)))
  );
}

/** Lower-cases header names; Shindig gives arrays of values, which are joined as HTTP does. */
export function normaliseHeaders(
  headers: Readonly<Record<string, string | readonly string[] | undefined>> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = typeof value === 'string' ? value : value.join(', ');
  }
  return out;
}
