// Causes in words: every sentence about why blending did something is made here, from the message catalogue, where
// it is shown in the agent's language (and, in English, for the chat router's reasons at the chat boundary).
// Pure functions with no Lit, so the application layer may use them too.

import type {
  ChatCause,
  HandBackCause,
  HoldCause,
  LogCause,
  OfferCause,
  ReasonName,
  RequestName,
  RoutedWork,
  VoiceCause,
} from '../core/blending/causes.ts';
import type { ProblemCause } from '../app/problems.ts';
import type { ConfigProblem } from '../core/container/gadget-config.ts';
import type { HandlingChatConfigError } from '../core/blending/handling-chat-reason.ts';
import { ENGLISH, isMessageKey, language, type MessageKey, type MessageParams } from './messages.ts';
import type { Translator } from './i18n/translator.ts';

/** The base `B` of message keys ending in `S` (`B${S}`). */
type KeyBase<S extends string> = MessageKey extends infer K ? (K extends `${infer B}${S}` ? B : never) : never;

/** A problem message's base: `B` where `B.title` and `B.action` are keys. */
type ProblemKey = Extract<KeyBase<'.title'>, KeyBase<'.action'>>;

/** Turns causes into sentences of one catalogue. */
export interface CauseText {
  hold(cause: HoldCause): string;
  chat(cause: ChatCause): string;
  voice(cause: VoiceCause): string;
  offer(cause: OfferCause): string;
  handBack(cause: HandBackCause): string;
  log(cause: LogCause): string;
  /** A problem's title and what to do about it. */
  problem(cause: ProblemCause): { title: string; action: string };
  /** A Finesse voice state in words ("Talking"; "Not Ready (Break)" with a reason); an unknown one as Finesse named it. */
  voiceState(state: string, reason?: string | null): string;
  /** A configuration problem and its fix in one sentence pair, with what the administrator should set. */
  configProblem(problem: ConfigProblem): string;
  /** A configuration problem in parts, for the panel that lists them; `gadget` names the spec in the example URL. */
  configDetail(problem: ConfigProblem, gadget?: string): ConfigProblemWords;
}

/** One configuration problem as the panel shows it. */
export interface ConfigProblemWords {
  readonly pref: string;
  readonly severity: ConfigProblem['severity'];
  /** The value found, as text to quote; 'unset' when the pref is empty; 'hidden' for a credential (never shown). */
  readonly found: { readonly kind: 'value'; readonly text: string } | { readonly kind: 'unset' | 'hidden' };
  /** What is wrong. */
  readonly problem: string;
  /** How to fix it, and where the administrator sets it. */
  readonly fix: string;
}

/** A value good for each pref an administrator sets in the gadget's URL, for the example in a fix. */
const EXAMPLE_VALUES: Readonly<Record<string, string>> = {
  maxChats: '3',
  handlingChatReason: 'Handling Chat',
  chatService: 'wss://chat.example.com/xmpp-websocket',
  chatRouter: 'chat-router@chat.example.com/router',
};

/** The gadget's URL in the layout with the pref set to a good value, as the layout holds it (the value encoded). */
function exampleUrl(gadget: string, p: ConfigProblem): string {
  const value = p.kind === 'flag' ? String(p.fallback) : EXAMPLE_VALUES[p.pref];
  return value === undefined ? '' : `…/${gadget}?${p.pref}=${encodeURIComponent(value)}`;
}

/** The value found for the problem's pref: a credential is never shown, whatever it holds. */
function foundValue(p: ConfigProblem): ConfigProblemWords['found'] {
  switch (p.kind) {
    case 'authorization.malformed':
      return { kind: 'hidden' };
    case 'authorization':
    case 'id':
    case 'host':
    case 'xmppDomain':
    case 'chat.routerMissing':
    case 'chat.serviceMissing':
      return { kind: 'unset' };
    default:
      // No credential has a kind carrying a value; the pref name is checked too, so none ever could.
      return SECRET_PREFS.has(p.pref) ? { kind: 'hidden' } : { kind: 'value', text: p.value };
  }
}

/** Prefs that hold credentials: their values are never shown. */
const SECRET_PREFS: ReadonlySet<string> = new Set(['authorization', 'authToken']);

/** Cause text in the given language. */
export function causeText(words: Translator): CauseText {
  const m = (key: MessageKey, params?: MessageParams): string => words.t(key, params);
  const chats = (count: number): string => words.plural('count.chats', count);
  const continuing = (n: number): string => (n > 0 ? words.plural('count.continuing', n) : '');
  const request = (r: RequestName): string =>
    r.state === 'READY' ? m('request.ready') : m('request.notReady', { label: r.label ?? m('request.noReason') });

  /** A Finesse voice state in words ("Talking"); a state this gadget does not know, as Finesse named it. */
  const state = (s: string | null): string => {
    if (s === null) return m('chat.voice-transient.unknown');
    const key = `voiceState.${s}`;
    return isMessageKey(key) ? m(key) : s;
  };

  const voiceState = (s: string, reason: string | null = null): string =>
    s === 'NOT_READY' && reason ? m('voiceState.NOT_READY.reason', { reason }) : state(s);

  const hold = (c: HoldCause): string =>
    c.kind === 'node-move' ? m('hold.node-move', { from: c.from, to: c.to }) : m(`hold.${c.kind}`);

  function reason(r: ReasonName): string {
    switch (r.kind) {
      case 'label':
        return r.label;
      case 'code':
        return m('reason.code', { code: r.code });
      case 'id':
        return m('reason.id', { id: r.id });
      default:
        return m(`reason.${r.kind}`);
    }
  }

  const work = (w: RoutedWork): string =>
    w.kind === 'acd-call' ? m('work.acd-call', { callType: w.callType ?? m('work.unknownType') }) : m(`work.${w.kind}`);

  function chat(c: ChatCause): string {
    switch (c.kind) {
      case 'holding':
        return m('chat.holding', { hold: hold(c.hold), continuing: continuing(c.continuing) });
      case 'routed-work':
        return m('chat.routed-work', { work: work(c.work), continuing: continuing(c.continuing) });
      case 'internal-call':
        return m('chat.internal-call', { callType: c.callType ?? m('chat.internal-call.direct') });
      case 'agent-chose-not-ready':
        return m('chat.agent-chose-not-ready', { continuing: continuing(c.continuing) });
      case 'voice-not-ready':
        return m('chat.voice-not-ready', { reason: reason(c.reason), continuing: continuing(c.continuing) });
      case 'voice-transient':
        return m('chat.voice-transient', { state: state(c.state) });
      case 'chats-full':
      case 'chats-active':
        return m(`chat.${c.kind}`, { count: c.count, max: c.max });
      default:
        return m(`chat.${c.kind}`);
    }
  }

  function voice(c: VoiceCause): string {
    switch (c.kind) {
      case 'reserve-for-chat':
        return m('voice.reserve-for-chat', { label: c.label });
      case 'answer-ready':
      case 'pending-after-call':
      case 'leave-wrap-up':
        return m(`voice.${c.kind}`, { label: c.label, chats: chats(c.count) });
      default:
        return m(`voice.${c.kind}`);
    }
  }

  function offer(c: OfferCause): string {
    switch (c.kind) {
      case 'declined-holding':
        return m('offer.declined-holding', { hold: hold(c.hold) });
      case 'declined-reservation':
        return m(c.failure === null ? 'offer.declined-reservation' : `offer.declined-reservation.${c.failure}`);
      case 'declined-unavailable':
        return m('offer.declined-unavailable', { chat: chat(c.chat) });
      case 'declined-full':
        return m('offer.declined-full', { max: c.max });
      case 'declined-voice':
        return m('offer.declined-voice', { state: state(c.state) });
      case 'wait-reserve':
        return m('offer.wait-reserve', { label: c.label });
      case 'chat-accepted':
        return m('offer.chat-accepted', { label: c.label, chats: chats(c.count) });
      default:
        return m(`offer.${c.kind}`);
    }
  }

  const handBack = (c: HandBackCause): string => m('log.chats-handed-back', { chats: chats(c.count) });

  function log(c: LogCause): string {
    switch (c.kind) {
      case 'chats-handed-back':
        return handBack(c);
      case 'voice-request':
        return c.attempt === 1
          ? voice(c.intent)
          : m('log.voice-request.again', { intent: voice(c.intent), attempt: c.attempt, max: c.maxAttempts });
      case 'voice-confirmed':
      case 'voice-refused':
      case 'voice-refused-during-call':
        return m(`log.${c.kind}`, { request: request(c.request) });
      case 'voice-retry': {
        const problem =
          c.problem === 'timeout' || c.problem === 'unavailable' ? m(`log.voice-retry.${c.problem}`) : c.problem;
        return m('log.voice-retry', {
          request: request(c.request),
          problem,
          seconds: Math.round(c.delayMs / 100) / 10,
        });
      }
      case 'voice-failed':
        return m('log.voice-failed', { request: request(c.request), detail: c.detail });
      case 'reread-failed':
      case 'accept-failed':
      case 'hand-back-failed':
        return m(`log.${c.kind}`, { detail: c.detail });
      case 'chat-availability':
        return m(c.signedIn ? 'log.chat-availability.signedIn' : 'log.chat-availability', { chat: chat(c.chat) });
      case 'holding-still':
        return m('log.holding-still', { hold: hold(c.hold) });
      case 'finesse-back':
      case 'owner-here':
      case 'owner-elsewhere':
        return m(`log.${c.kind}`);
      default:
        return offer(c);
    }
  }

  function reasonConfig(e: HandlingChatConfigError): string {
    if (e.code === 'NOT_CONFIGURED') return m('problem.reason-config.NOT_CONFIGURED');
    const r = e.reason;
    const reason =
      r.by === 'label'
        ? m('problem.reason-config.byLabel', { label: r.label })
        : m('problem.reason-config.byCode', { code: String(r.code) });
    switch (e.code) {
      case 'NOT_DEFINED':
        return m('problem.reason-config.NOT_DEFINED', { reason });
      case 'AMBIGUOUS': {
        const matches = e.matches
          .map((x) => m('problem.reason-config.match', { label: x.label, code: String(x.code) }))
          .join(', ');
        return m('problem.reason-config.AMBIGUOUS', { reason, count: e.matches.length, matches });
      }
      case 'SYSTEM_CODE':
        return m('problem.reason-config.SYSTEM_CODE', { reason, code: String(e.systemCode) });
    }
  }

  function problem(c: ProblemCause): { title: string; action: string } {
    const both = (key: ProblemKey, params?: MessageParams) => ({
      title: m(`${key}.title`, params),
      action: m(`${key}.action`, params),
    });
    switch (c.kind) {
      case 'holding':
        return both(
          `problem.holding.${c.hold.kind}`,
          c.hold.kind === 'node-move' ? { from: c.hold.from, to: c.hold.to } : {},
        );
      case 'on-secondary-node':
        return both('problem.on-secondary-node', { from: c.from, to: c.to });
      case 'chat-sign-in-failed':
        return both('problem.chat-sign-in-failed', { error: m(`chatError.${c.code}`) });
      case 'notification':
        return both('problem.notification', { node: c.node, detail: c.detail });
      case 'start-failed':
        return both('problem.start-failed', { detail: c.detail });
      case 'desktop-service-refused':
        return both(`problem.desktop-service-refused.${c.service}`, { detail: c.detail });
      case 'reason-config':
        return { title: reasonConfig(c.error), action: m('problem.config.action') };
      case 'reason-codes-unread':
        return {
          title: m('problem.reason-codes-unread.title', { detail: c.detail }),
          action: m('problem.config.action'),
        };
      default:
        return both(`problem.${c.kind}`);
    }
  }

  function configDetail(p: ConfigProblem, gadget = 'gadget.xml'): ConfigProblemWords {
    const params = {
      pref: p.pref,
      value: 'value' in p ? p.value : '',
      // A limit is a code or a count as typed in a pref: no digit grouping (65535, not 65,535).
      limit: 'limit' in p ? String(p.limit) : '',
      fallback: 'fallback' in p ? m(p.fallback ? 'config.flag.true' : 'config.flag.false') : '',
      example: exampleUrl(gadget, p),
    };
    return {
      pref: p.pref,
      severity: p.severity,
      found: foundValue(p),
      problem: m(`config.${p.kind}`, params),
      fix: m(`config.${p.kind}.fix`, params),
    };
  }

  const configProblem = (p: ConfigProblem): string => {
    const { problem, fix } = configDetail(p);
    return `${problem} ${fix}`;
  };

  return { hold, chat, voice, offer, handBack, log, problem, voiceState, configProblem, configDetail };
}

/** Cause text in English: the words the chat router is sent (and the tests' reference). */
export const ENGLISH_CAUSES: CauseText = causeText(ENGLISH);

let agentCauses: CauseText = ENGLISH_CAUSES;
let agentWords: Translator = ENGLISH;

/** Cause text in the agent's language (the active one, chosen at boot). */
function active(): CauseText {
  if (language() !== agentWords) {
    agentWords = language();
    agentCauses = causeText(agentWords);
  }
  return agentCauses;
}

/** Cause text in the agent's language, for what the UI shows. */
export const AGENT_CAUSES: CauseText = {
  hold: (c) => active().hold(c),
  chat: (c) => active().chat(c),
  voice: (c) => active().voice(c),
  offer: (c) => active().offer(c),
  handBack: (c) => active().handBack(c),
  log: (c) => active().log(c),
  problem: (c) => active().problem(c),
  voiceState: (s, reason) => active().voiceState(s, reason),
  configProblem: (p) => active().configProblem(p),
  configDetail: (p, gadget) => active().configDetail(p, gadget),
};
