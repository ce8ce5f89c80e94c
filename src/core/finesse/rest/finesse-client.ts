// The Finesse REST client: typed calls over an injected HttpTransport, every expected failure as a FinesseError
// value (it never throws for them), and a fresh requestId on every request so the notification Finesse sends
// back for a state change or call action can be matched to it.

import { err, ok, type Result } from '../../result.ts';
import type {
  AgentState,
  ApiError,
  Dialog,
  ParseError,
  ReasonCategory,
  ReasonCode,
  SystemInfo,
  Team,
  User,
} from '../types.ts';
import {
  dialogRequestToXml,
  parseApiErrors,
  parseDialogs,
  parseReasonCodes,
  parseSystemInfo,
  parseTeam,
  parseUser,
  userRequestToXml,
  type DialogRequest,
} from '../xml/index.ts';
import { authorizationHeader, type FinesseAuth } from './finesse-auth.ts';
import { httpFailure, parseFailure, transportFailure, type FinesseError } from './finesse-error.ts';
import { isTransportError, type HttpMethod, type HttpResponse, type HttpTransport } from './http-transport.ts';
import { randomUuid } from '../../shared/ids.ts';

const DEFAULT_TIMEOUT_MS = 10_000;

/** Finesse took the command (202); its outcome arrives later as a notification carrying this requestId. */
export interface Accepted {
  readonly accepted: true;
  readonly requestId: string;
}

/** What the client reports about each request, for diagnostics. Never headers, bodies or credentials. */
export interface FinesseRequestLog {
  readonly method: HttpMethod;
  readonly url: string;
  readonly requestId: string;
  readonly outcome: 'ok' | FinesseError['kind'];
  readonly status?: number;
}

export interface FinesseClientOptions {
  /** Origin (and any prefix) in front of /finesse/api, e.g. "https://finesse1.example.com:8445"; "" for same origin. */
  readonly baseUrl: string;
  readonly auth: FinesseAuth;
  readonly transport: HttpTransport;
  readonly timeoutMs?: number;
  /** Makes the requestId header value; unique per request. Injectable so tests can predict it. */
  readonly newRequestId?: () => string;
  /** Receives one entry per finished request. */
  readonly log?: (entry: FinesseRequestLog) => void;
}

/** A state change an agent asks for on their own User. */
export interface UserStateChange {
  readonly state: AgentState;
  readonly reasonCodeId?: string;
}

/**
 * A state change a supervisor makes for a team member. The developer guide: a supervisor sets only NOT_READY,
 * READY or LOGOUT, and NOT_READY must carry no reason code (Finesse adds its own; sending one is a 400).
 */
export type TeamMemberStateChange =
  { readonly state: 'NOT_READY' | 'READY' } | { readonly state: 'LOGOUT'; readonly reasonCodeId?: string };

/** The body of a Dialog action (requestedAction ANSWER, HOLD, RETRIEVE, DROP, TRANSFER_SST, ...). */
export type DialogActionRequest = DialogRequest;

export interface CallOptions {
  /** Cancels the request; the result is then a FinesseError of kind 'aborted'. */
  readonly signal?: AbortSignal;
}

type Outcome<T> = Promise<Result<T, FinesseError>>;

/** Typed calls on the Finesse REST API; every method resolves to a Result and never rejects for HTTP or network failures. */
export interface FinesseClient {
  getUser(id: string, options?: CallOptions): Outcome<User>;
  setUserState(id: string, change: UserStateChange, options?: CallOptions): Outcome<Accepted>;
  signIn(id: string, extension: string, options?: CallOptions): Outcome<Accepted>;
  signOut(id: string, reasonCodeId?: string, options?: CallOptions): Outcome<Accepted>;
  /** User/{id}/ReasonCodes?category=...: deprecated in Finesse 12.5(1), still present. */
  getReasonCodes(id: string, category: ReasonCategory, options?: CallOptions): Outcome<readonly ReasonCode[]>;
  /** TeamResource/{teamId}/ReasonCodes?category=...: Finesse 12.5(1) and later. */
  getTeamReasonCodes(teamId: string, category: ReasonCategory, options?: CallOptions): Outcome<readonly ReasonCode[]>;
  /** The reason codes an agent may pick: the team resource first, the User resource when that is 404 or no team is known. */
  getAgentReasonCodes(
    userId: string,
    teamId: string | null,
    category: ReasonCategory,
    options?: CallOptions,
  ): Outcome<readonly ReasonCode[]>;
  getDialogs(id: string, options?: CallOptions): Outcome<readonly Dialog[]>;
  dialogAction(dialogId: string, request: DialogActionRequest, options?: CallOptions): Outcome<Accepted>;
  getTeam(id: string, options?: CallOptions): Outcome<Team>;
  getSystemInfo(options?: CallOptions): Outcome<SystemInfo>;
  /** A supervisor's PUT on a team member's User (make Not Ready, Ready, or sign out). */
  setTeamMemberState(agentId: string, change: TeamMemberStateChange, options?: CallOptions): Outcome<Accepted>;
}

const API = '/finesse/api';
const XML = 'application/xml';

/** Creates a Finesse REST client. The credentials stay inside it: no property, log or error exposes them. */
export function createFinesseClient(options: FinesseClientOptions): FinesseClient {
  const authorization = authorizationHeader(options.auth);
  const transport = options.transport;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const newRequestId = options.newRequestId ?? randomUuid;
  const log = options.log;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');

  const urlFor = (path: string): string => `${baseUrl}${API}${path}`;

  async function send(
    method: HttpMethod,
    path: string,
    body: string | undefined,
    call: CallOptions | undefined,
  ): Promise<{ readonly requestId: string; readonly outcome: Result<HttpResponse, FinesseError> }> {
    const url = urlFor(path);
    const requestId = newRequestId();
    const headers: Record<string, string> = {
      Accept: XML,
      Authorization: authorization.reveal(),
      requestId,
    };
    if (body !== undefined) headers['Content-Type'] = XML;
    // Errors and logs name the URL without any user:password@ a misconfigured base URL might hold.
    const info = { method, url: withoutUserInfo(url) };
    const response = await withDeadline(
      (signal) => transport.request({ method, url, headers, body, timeoutMs, signal }),
      timeoutMs,
      call?.signal,
    );
    let outcome: Result<HttpResponse, FinesseError>;
    if (!response.ok) {
      outcome = err(transportFailure(info, response.error));
    } else if (response.value.status >= 200 && response.value.status < 300) {
      outcome = ok(response.value);
    } else {
      outcome = err(httpFailure(info, response.value.status, apiErrorsIn(response.value.body)));
    }
    log?.({
      method,
      url: info.url,
      requestId,
      outcome: outcome.ok ? 'ok' : outcome.error.kind,
      ...(response.ok ? { status: response.value.status } : {}),
    });
    return { requestId, outcome };
  }

  async function get<T>(path: string, parse: (xml: string) => Result<T, ParseError>, call?: CallOptions): Outcome<T> {
    const { outcome } = await send('GET', path, undefined, call);
    if (!outcome.ok) return outcome;
    const parsed = parse(outcome.value.body);
    return parsed.ok
      ? ok(parsed.value)
      : err(parseFailure({ method: 'GET', url: withoutUserInfo(urlFor(path)) }, outcome.value.status, parsed.error));
  }

  async function command(method: 'PUT' | 'POST', path: string, body: string, call?: CallOptions): Outcome<Accepted> {
    const { requestId, outcome } = await send(method, path, body, call);
    return outcome.ok ? ok({ accepted: true, requestId }) : outcome;
  }

  const user = (id: string): string => `/User/${encodeURIComponent(id)}`;

  const client: FinesseClient = {
    getUser: (id, call) => get(user(id), parseUser, call),

    setUserState: (id, change, call) =>
      command('PUT', user(id), userRequestToXml(withReason({ state: change.state }, change.reasonCodeId)), call),

    signIn: (id, extension, call) => command('PUT', user(id), userRequestToXml({ state: 'LOGIN', extension }), call),

    signOut: (id, reasonCodeId, call) =>
      command('PUT', user(id), userRequestToXml(withReason({ state: 'LOGOUT' }, reasonCodeId)), call),

    getReasonCodes: (id, category, call) =>
      get(`${user(id)}/ReasonCodes?category=${encodeURIComponent(category)}`, parseReasonCodes, call),

    getTeamReasonCodes: (teamId, category, call) =>
      get(
        `/TeamResource/${encodeURIComponent(teamId)}/ReasonCodes?category=${encodeURIComponent(category)}`,
        parseReasonCodes,
        call,
      ),

    async getAgentReasonCodes(userId, teamId, category, call) {
      // The team resource is the one Finesse 12.5(1)+ recommends (the User list is deprecated there); an older
      // Finesse answers it with 404, so the User resource is the fallback. Any other failure is returned as is.
      if (teamId !== null) {
        const fromTeam = await client.getTeamReasonCodes(teamId, category, call);
        if (fromTeam.ok || fromTeam.error.kind !== 'not-found') return fromTeam;
      }
      return client.getReasonCodes(userId, category, call);
    },

    getDialogs: (id, call) => get(`${user(id)}/Dialogs`, parseDialogs, call),

    dialogAction: (dialogId, request, call) =>
      command('PUT', `/Dialog/${encodeURIComponent(dialogId)}`, dialogRequestToXml(request), call),

    getTeam: (id, call) => get(`/Team/${encodeURIComponent(id)}`, parseTeam, call),

    getSystemInfo: (call) => get('/SystemInfo', parseSystemInfo, call),

    setTeamMemberState: (agentId, change, call) =>
      command(
        'PUT',
        user(agentId),
        userRequestToXml(
          change.state === 'LOGOUT' ? withReason({ state: 'LOGOUT' }, change.reasonCodeId) : { state: change.state },
        ),
        call,
      ),
  };
  return client;
}

function withoutUserInfo(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1');
}

function withReason<T extends object>(request: T, reasonCodeId: string | undefined): T & { reasonCodeId?: string } {
  return reasonCodeId === undefined ? request : { ...request, reasonCodeId };
}

/** The <ApiErrors> in an error body; none when the body is empty or not ApiErrors (e.g. an HTML error page). */
function apiErrorsIn(body: string): readonly ApiError[] {
  if (body.trim() === '') return [];
  const parsed = parseApiErrors(body);
  return parsed.ok ? parsed.value : [];
}

/**
 * Runs a transport call with the client's own deadline and the caller's signal, so a transport that ignores
 * timeoutMs (or never answers) still ends. Resolves to the response or the kind of transport failure.
 */
async function withDeadline(
  run: (signal: AbortSignal) => Promise<HttpResponse>,
  timeoutMs: number,
  callerSignal: AbortSignal | undefined,
): Promise<Result<HttpResponse, 'network' | 'timeout' | 'aborted'>> {
  if (callerSignal?.aborted) return err('aborted');
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<Result<HttpResponse, 'timeout' | 'aborted'>>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(err('timeout'));
    }, timeoutMs);
    onAbort = (): void => {
      controller.abort();
      resolve(err('aborted'));
    };
    callerSignal?.addEventListener('abort', onAbort, { once: true });
  });
  const answer = (async (): Promise<Result<HttpResponse, 'network' | 'timeout' | 'aborted'>> => {
    try {
      return ok(await run(controller.signal));
    } catch (e) {
      return err(isTransportError(e) ? e.failure : 'network');
    }
  })();
  try {
    return await Promise.race([answer, stop]);
  } finally {
    clearTimeout(timer);
    if (onAbort) callerSignal?.removeEventListener('abort', onAbort);
  }
}
