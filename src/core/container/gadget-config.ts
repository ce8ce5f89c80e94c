// The gadget's configuration, read from what the Finesse container gives every gadget (gadgets.Prefs, the same
// values finesse.gadget.Config exposes) plus the gadget's own UserPrefs. Problems come back as typed problems (the
// UI says each in the agent's language, with what an administrator should set), never as a half-configured gadget.
import { err, ok, type Result } from '../result.ts';
import { chatServiceProblem, type ChatServiceProblem } from './chat-endpoints.ts';
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
}

/** What is wrong with one pref: a kind the UI puts into words, with the offending value where it helps. */
export type ConfigProblem = { readonly pref: string } & (
  | { readonly kind: 'authorization' | 'id' | 'host' }
  | { readonly kind: 'scheme' | 'chatRouter'; readonly value: string }
  | { readonly kind: 'maxChats'; readonly value: string; readonly limit: number }
  /** An on/off pref that is neither true nor false; `fallback` is its default, used meanwhile. */
  | { readonly kind: 'flag'; readonly value: string; readonly fallback: boolean }
  | ChatServiceProblem
);

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

/** Reads and checks the configuration; `get` returns a pref's value or "" when it is not set. */
export function readGadgetConfig(get: (name: string) => string): Result<GadgetConfig, ConfigProblem[]> {
  const problems: ConfigProblem[] = [];
  const text = (name: string) => get(name).trim();

  const authorization = authorizationHeader(text('authorization'), text('authToken'));
  if (!authorization) problems.push({ pref: 'authorization', kind: 'authorization' });

  // The documented prefs carry no "id": Cisco's library decodes it from the Basic authorization. Some desktops
  // also give an "id" pref (unconfirmed which); it wins when present, and an SSO token carries no id at all.
  const agentId = text('id') || (authorization ? (decodeBasicAuthorization(authorization.reveal())?.id ?? '') : '');
  if (!agentId && authorization) problems.push({ pref: 'id', kind: 'id' });

  const host = text('host');
  if (!host) problems.push({ pref: 'host', kind: 'host' });

  const schemeText = text('scheme') || 'https';
  const scheme = schemeText === 'http' || schemeText === 'https' ? schemeText : null;
  if (!scheme) problems.push({ pref: 'scheme', kind: 'scheme', value: schemeText });

  const maxText = text('maxChats') || '5';
  const maxChats = /^\d+$/.test(maxText) ? Number(maxText) : NaN;
  if (!(maxChats >= 1 && maxChats <= MAX_CHATS_LIMIT)) {
    problems.push({ pref: 'maxChats', kind: 'maxChats', value: maxText, limit: MAX_CHATS_LIMIT });
  }

  const handlingChatReason = text('handlingChatReason') || 'Handling Chat';

  const chatService = text('chatService') || null;
  const serviceProblem = chatService === null ? null : chatServiceProblem(chatService);
  if (serviceProblem !== null) problems.push({ pref: 'chatService', ...serviceProblem });
  const chatRouter = text('chatRouter') || null;
  if (chatRouter !== null && !/^[^\s@/]+@[^\s@/]+\/\S+$/.test(chatRouter)) {
    problems.push({ pref: 'chatRouter', kind: 'chatRouter', value: chatRouter });
  }

  const flag = (name: string, fallback: boolean): boolean => {
    const value = text(name).toLowerCase();
    if (value === '') return fallback;
    if (value === 'true') return true;
    if (value === 'false') return false;
    problems.push({ pref: name, kind: 'flag', value: text(name), fallback });
    return fallback;
  };
  const offerSound = flag('offerSound', true);
  const desktopNotifications = flag('desktopNotifications', true);
  const autoAccept = flag('autoAccept', false);

  if (problems.length > 0 || !authorization || !scheme) return err(problems);
  return ok({
    agentId,
    authorization,
    scheme,
    host,
    hostPort: text('hostPort') || null,
    restHost: text('restHost') || host,
    xmppDomain: text('xmppDomain') || null,
    maxChats,
    handlingChatReason,
    chatService,
    chatRouter,
    teamId: text('teamId') || null,
    offerSound,
    desktopNotifications,
    autoAccept,
  });
}

/** Finesse gives Basic credentials as base64 "id:password" without the scheme, and SSO tokens as authToken. */
function authorizationHeader(authorization: string, authToken: string): Secret | null {
  if (/^(Basic|Bearer) \S+$/.test(authorization)) return new Secret(authorization);
  if (authorization) return new Secret(`Basic ${authorization}`);
  if (authToken) return new Secret(`Bearer ${authToken}`);
  return null;
}
