// The chat availability table (docs/blending-rules.md and the blending tables there) as data: ordered rules,
// the first that matches wins, each with the human reason shown to the agent and published to the router.

import type { ChatAvailability } from './ports.ts';
import type { Facts } from './facts.ts';
import type { Situation } from './situation.ts';
import { RESERVED_STATES, TRANSIENT_STATES, WRAP_UP_STATES } from '../finesse/agent-states.ts';

export interface AvailabilityRule {
  /** A short name tests and logs refer to. */
  readonly name: string;
  readonly availability: ChatAvailability;
  readonly when: (s: Situation, f: Facts) => boolean;
  readonly reason: (s: Situation, f: Facts) => string;
}

const chats = (n: number): string => `${n} chat${n === 1 ? '' : 's'}`;
const continuing = (f: Facts): string => (f.activeChats > 0 ? `; ${chats(f.activeChats)} continue` : '');

function acdLabel(s: Situation): string {
  const acd = s.acd;
  if (acd === null) return 'a call';
  if (typeof acd === 'string') {
    if (WRAP_UP_STATES.has(acd)) return 'wrap-up';
    if (RESERVED_STATES.has(acd)) return 'a call reserved for the agent';
    return 'an ACD call';
  }
  return acd.state === 'WRAP_UP' ? 'wrap-up' : `an ACD call (${acd.callType ?? 'unknown type'})`;
}

/** Ordered: the first rule whose `when` holds gives the chat availability. */
export const CHAT_AVAILABILITY_RULES: readonly AvailabilityRule[] = [
  {
    name: 'chat-server-down',
    availability: 'OFFLINE',
    when: (_s, f) => !f.connectivity.chatServerUp,
    reason: () => 'Offline: the chat server cannot be reached',
  },
  {
    name: 'voice-unknown',
    availability: 'OFFLINE',
    when: (s) => s.voice === null,
    reason: () => 'Offline: waiting for the Finesse sign-in state',
  },
  {
    name: 'signed-out',
    availability: 'OFFLINE',
    when: (s) => s.signedOut,
    reason: () => 'Offline: signed out of Finesse',
  },
  {
    name: 'degraded',
    availability: 'INTERRUPTED',
    when: (s) => s.degraded !== null,
    reason: (s, f) => `Interrupted: ${s.degraded ?? ''}; no new chats until it is back${continuing(f)}`,
  },
  {
    name: 'acd-call',
    availability: 'INTERRUPTED',
    when: (s) => s.acd !== null,
    reason: (s, f) => `Interrupted: on ${acdLabel(s)}, no chats routed${continuing(f)}`,
  },
  {
    name: 'internal-call-without-chats',
    availability: 'INTERRUPTED',
    when: (s, f) => s.internalCall !== null && f.activeChats === 0,
    reason: (s) => `Interrupted: on an internal call (${s.internalCall?.callType ?? 'direct'}), no chats routed`,
  },
  {
    name: 'agent-chat-not-ready',
    availability: 'NOT_READY',
    when: (_s, f) => f.chatIntent === 'unavailable',
    reason: (_s, f) => `Not Ready for chat: chosen by the agent${continuing(f)}`,
  },
  {
    name: 'voice-not-ready-by-others',
    availability: 'NOT_READY',
    when: (s) => s.othersNotReady !== null,
    reason: (s, f) => `Not Ready: voice is Not Ready (${s.othersNotReady ?? ''}), no new chats${continuing(f)}`,
  },
  {
    name: 'voice-transient',
    availability: 'NOT_READY',
    when: (s) => s.voice !== null && TRANSIENT_STATES.has(s.voice.state),
    reason: (s) => `Not Ready: voice state is ${s.voice?.state ?? 'unknown'}`,
  },
  {
    name: 'at-max',
    availability: 'BUSY',
    when: (_s, f) => f.activeChats >= f.maxChats,
    reason: (_s, f) => `Busy: handling ${f.activeChats} of ${f.maxChats} chats`,
  },
  {
    name: 'handling-chats',
    availability: 'ACTIVE',
    when: (_s, f) => f.activeChats >= 1,
    reason: (_s, f) => `Active: handling ${f.activeChats} of ${f.maxChats} chats`,
  },
  {
    name: 'idle',
    availability: 'READY',
    when: () => true,
    reason: () => 'Ready for chats and calls',
  },
];

/** The first matching rule: the chat availability for these facts. */
export function chatAvailabilityRule(s: Situation, f: Facts): AvailabilityRule {
  const rule = CHAT_AVAILABILITY_RULES.find((r) => r.when(s, f));
  // The last rule always matches; this keeps the type honest without a non-null assertion.
  return rule ?? (CHAT_AVAILABILITY_RULES[CHAT_AVAILABILITY_RULES.length - 1] as AvailabilityRule);
}
