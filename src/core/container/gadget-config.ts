// The gadget's configuration, read from what the Finesse container gives every gadget (gadgets.Prefs, the same
// values finesse.gadget.Config exposes) plus the gadget's own UserPrefs. Problems come back as typed problems (the
// UI says each in the agent's language, with what an administrator should set), never as a half-configured gadget.
import { err, ok, type Result } from '../result.ts';
import { chatAddresses, chatServiceProblem, type ChatServiceProblem } from './chat-endpoints.ts';
import { Secret } from './secret.ts';
import { decodeBasicAuthorization } from '../finesse/rest/finesse-auth.ts';

export interface GadgetConfig {
  /** The signed-in agent's Finesse id. */
  readonly agentId: string;
  /** The ready Authorization header value ("Basic ..." or "Bearer ..."). */
  readonly authorization: Secret;
  readonly scheme: 'http' | 'https';
  /** The Finesse node the desktop was loaded from. */
  readonly host: string;
  readonly hostPort: string | null;
  /** The host REST requests go to (defaults to host). */
  readonly restHost: string;
  readonly xmppDomain: string | null;
  readonly maxChats: number;
  /** The Not Ready reason for chats, as configured: a label ("Handling Chat") or a numeric code ("12"). */
  readonly handlingChatReason: string;
  /** The chat server's WebSocket (ws:, wss:) or BOSH (http:, https:) endpoint; null when chat is not set up. */
  readonly chatService: string | null;
  /** The chat router's full JID (e.g. chat-router@example.com/router); null when chat is not set up. */
  readonly chatRouter: string | null;
  /** The agent's team (for the team's reason codes), when the container gives it. */
  readonly teamId: string | null;
  /** A short chime when an offer arrives while the gadget is out of sight (pref `offerSound`, default true). */
  readonly offerSound: boolean;
  /** A desktop notification for an offer while the desktop is out of sight, once the agent allowed them (pref `desktopNotifications`, default true). */
  readonly desktopNotifications: boolean;
  /** Accept every offer as if the agent pressed Accept, voice reserved first (pref `autoAccept`, default false). */
  readonly autoAccept: boolean;
  /** Bad values the gadget works around with defaults meanwhile (e.g. a flag that is neither true nor false). */
  readonly warnings: readonly ConfigProblem[];
}

/**
 * How much a problem matters: an `error` stops the gadget (it cannot work as configured, and guessing could harm: a
 * wrong capacity, a chat server it can never reach); a `warning` leaves it running with the pref's default meanwhile.
 */
export type ConfigSeverity = 'error' | 'warning';

/**
 * What is wrong with one pref: a kind the UI puts into words, with the value found where it helps. A credential's
 * value is never carried: the authorization kinds have no `value`.
 */
export type ConfigProblem = { readonly pref: string; readonly severity: ConfigSeverity } & ConfigProblemKind;

type ConfigProblemKind =
  | { readonly kind: 'authorization' | 'authorization.malformed' | 'id' | 'host' }
  | { readonly kind: 'scheme' | 'chatRouter'; readonly value: string }
  | { readonly kind: 'maxChats'; readonly value: string; readonly limit: number }
  /** An on/off pref that is neither true nor false; `fallback` is its default, used meanwhile. */
  | { readonly kind: 'flag'; readonly value: string; readonly fallback: boolean }
  /** chatService is set without chatRouter (the problem's pref is chatRouter), or the reverse; `value` is the one set. */
  | { readonly kind: 'chat.routerMissing' | 'chat.serviceMissing'; readonly value: string }
  /** Chat is set up but the desktop gave no XMPP domain to sign in on. */
  | { readonly kind: 'xmppDomain' }
  /** A Not Ready reason given by code outside what any Finesse allows (1 to `limit`). */
  | { readonly kind: 'handlingChatReason.code'; readonly value: string; readonly limit: number }
  /** A Not Ready reason label longer than Finesse allows (`limit` characters). */
  | { readonly kind: 'handlingChatReason.label'; readonly value: string; readonly limit: number }
  /**
   * A ws: or http: chat address while the desktop runs on https: the browser blocks it (mixed content). An error
   * when no other address is left, a warning when the other (secure) one still works.
   */
  | { readonly kind: 'chatService.insecure'; readonly value: string }
  | ChatServiceProblem;

/** Every problem of a read, the stopping ones and the warnings alike, in the order the prefs were read. */
export function configProblems(read: Result<GadgetConfig, readonly ConfigProblem[]>): readonly ConfigProblem[] {
  return read.ok ? read.value.warnings : read.error;
}

/** The language prefs every Finesse gadget gets ("de_AT", "de"); empty strings when the container gives none. */
export interface LocalePrefs {
  readonly locale: string;
  readonly language: string;
}

/** Reads the desktop's language prefs; the UI chooses its language from them. */
export function readLocalePrefs(get: (name: string) => string): LocalePrefs {
  return { locale: get('locale').trim(), language: get('language').trim() };
}

/** The most chats a gadget accepts as a maxChats setting. */
const MAX_CHATS_LIMIT = 20;

/**
 * What Finesse allows for a Not Ready reason code: a code from 1 to 65535 (1 to 999 on Unified CCX), a label of at
 * most 40 characters (Cisco Finesse Administration Guide, Manage Reasons: Not Ready Reason Codes).
 */
const REASON_CODE_LIMIT = 65535;
const REASON_LABEL_LIMIT = 40;

/** Hosts a browser trusts over plain ws: and http: even from an https page (no mixed-content block). */
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Reads and checks the configuration; `get` returns a pref's value or "" when it is not set. Every bad value is
 * reported, not only the first: an error in any makes the result an error (listing the warnings too); warnings
 * alone leave a config that works with defaults, carrying them in `warnings`.
 */
export function readGadgetConfig(get: (name: string) => string): Result<GadgetConfig, ConfigProblem[]> {
  const problems: ConfigProblem[] = [];
  const error = (problem: ConfigProblemKind & { pref: string }): void => {
    problems.push({ ...problem, severity: 'error' });
  };
  const text = (name: string) => get(name).trim();

  const authorization = authorizationHeader(text('authorization'), text('authToken'));
  const malformed = authorization !== null && malformedBasic(authorization);
  if (!authorization) error({ pref: 'authorization', kind: 'authorization' });
  else if (malformed) error({ pref: 'authorization', kind: 'authorization.malformed' });

  // The documented prefs carry no "id": Cisco's library decodes it from the Basic authorization. Some desktops
  // also give an "id" pref (unconfirmed which); it wins when present, and an SSO token carries no id at all.
  const agentId = text('id') || (authorization ? (decodeBasicAuthorization(authorization.reveal())?.id ?? '') : '');
  if (!agentId && authorization && !malformed) error({ pref: 'id', kind: 'id' });

  const host = text('host');
  if (!host) error({ pref: 'host', kind: 'host' });

  const schemeText = text('scheme') || 'https';
  const scheme = schemeText === 'http' || schemeText === 'https' ? schemeText : null;
  if (!scheme) error({ pref: 'scheme', kind: 'scheme', value: schemeText });

  const maxText = text('maxChats') || '5';
  const maxChats = /^\d+$/.test(maxText) ? Number(maxText) : NaN;
  if (!(maxChats >= 1 && maxChats <= MAX_CHATS_LIMIT)) {
    error({ pref: 'maxChats', kind: 'maxChats', value: maxText, limit: MAX_CHATS_LIMIT });
  }

  const handlingChatReason = text('handlingChatReason') || 'Handling Chat';
  const reasonProblem = handlingChatReasonProblem(handlingChatReason);
  if (reasonProblem !== null) error({ pref: 'handlingChatReason', ...reasonProblem });

  const chatService = text('chatService') || null;
  const serviceProblem = chatService === null ? null : chatServiceProblem(chatService);
  if (serviceProblem !== null) error({ pref: 'chatService', ...serviceProblem });
  else if (chatService !== null && scheme === 'https') {
    // From an https desktop the browser refuses ws: and http: addresses: the gadget can use only the others.
    const addresses = chatAddresses(chatService);
    const blocked = addresses.filter(insecure);
    const severity: ConfigSeverity = blocked.length === addresses.length ? 'error' : 'warning';
    for (const value of blocked) problems.push({ pref: 'chatService', kind: 'chatService.insecure', value, severity });
  }
  const chatRouter = text('chatRouter') || null;
  if (chatRouter !== null && !/^[^\s@/]+@[^\s@/]+\/\S+$/.test(chatRouter)) {
    error({ pref: 'chatRouter', kind: 'chatRouter', value: chatRouter });
  }
  // Chat needs both addresses and the desktop's XMPP domain; with only some of them it would silently stay off.
  if (chatService !== null && chatRouter === null) {
    error({ pref: 'chatRouter', kind: 'chat.routerMissing', value: chatService });
  }
  if (chatRouter !== null && chatService === null) {
    error({ pref: 'chatService', kind: 'chat.serviceMissing', value: chatRouter });
  }
  const xmppDomain = text('xmppDomain') || null;
  if ((chatService !== null || chatRouter !== null) && xmppDomain === null)
    error({ pref: 'xmppDomain', kind: 'xmppDomain' });

  const flag = (name: string, fallback: boolean): boolean => {
    const value = text(name).toLowerCase();
    if (value === '') return fallback;
    if (value === 'true') return true;
    if (value === 'false') return false;
    problems.push({ pref: name, kind: 'flag', value: text(name), fallback, severity: 'warning' });
    return fallback;
  };
  const offerSound = flag('offerSound', true);
  const desktopNotifications = flag('desktopNotifications', true);
  const autoAccept = flag('autoAccept', false);

  if (problems.some((p) => p.severity === 'error') || !authorization || !scheme) return err(problems);
  return ok({
    agentId,
    authorization,
    scheme,
    host,
    hostPort: text('hostPort') || null,
    restHost: text('restHost') || host,
    xmppDomain,
    maxChats,
    handlingChatReason,
    // An address the browser blocks is left out: the channel goes straight to the one that can work.
    chatService: chatService === null || scheme !== 'https' ? chatService : secureOnly(chatService),
    chatRouter,
    teamId: text('teamId') || null,
    offerSound,
    desktopNotifications,
    autoAccept,
    warnings: problems,
  });
}

/**
 * A Not Ready reason no Finesse can have: a code (a bare number, or "code:" and a number) outside 1 to 65535, or a
 * label longer than 40 characters. Stricter than the session's reading (handling-chat-reason.ts), which would take
 * "code:" without a number, or a number of ten digits, for a label: here they are refused before the session starts.
 */
function handlingChatReasonProblem(
  reason: string,
): Extract<ConfigProblemKind, { kind: 'handlingChatReason.code' | 'handlingChatReason.label' }> | null {
  const code = /^code:\s*(.*)$/i.exec(reason)?.[1]?.trim() ?? (/^\d+$/.test(reason) ? reason : null);
  if (code !== null) {
    const n = /^\d+$/.test(code) ? Number(code) : NaN;
    return n >= 1 && n <= REASON_CODE_LIMIT
      ? null
      : { kind: 'handlingChatReason.code', value: reason, limit: REASON_CODE_LIMIT };
  }
  const label = reason.replace(/^label:/i, '').trim();
  return [...label].length > REASON_LABEL_LIMIT
    ? { kind: 'handlingChatReason.label', value: reason, limit: REASON_LABEL_LIMIT }
    : null;
}

/** A ws: or http: address to a host other than this machine: blocked from an https page. */
function insecure(address: string): boolean {
  const m = /^(ws|http):\/\/(\[[^\]]*\]|[^\s/:,]+)/i.exec(address);
  return m !== null && !LOOPBACK.test(m[2] ?? '');
}

function secureOnly(chatService: string): string {
  return chatAddresses(chatService)
    .filter((a) => !insecure(a))
    .join(' ');
}

/** A Basic credential that is not base64 of "id:password", as Finesse gives it: every request would be refused. */
function malformedBasic(authorization: Secret): boolean {
  const value = authorization.reveal();
  return value.startsWith('Basic ') && decodeBasicAuthorization(value) === null;
}

/** Finesse gives Basic credentials as base64 "id:password" without the scheme, and SSO tokens as authToken. */
function authorizationHeader(authorization: string, authToken: string): Secret | null {
  if (/^(Basic|Bearer) \S+$/.test(authorization)) return new Secret(authorization);
  if (authorization) return new Secret(`Basic ${authorization}`);
  if (authToken) return new Secret(`Bearer ${authToken}`);
  return null;
}
