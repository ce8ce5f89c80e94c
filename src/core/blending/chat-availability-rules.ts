// The chat availability table (docs/blending-rules.md and the blending tables there) as data: ordered rules,
// the first that matches wins, each with its cause (shown to the agent, in words only where it is shown).

import type { ChatAvailability } from './ports.ts';
import type { Facts } from './facts.ts';
import type { Situation } from './situation.ts';
import type { ChatCause, RoutedWork } from './causes.ts';
import { RESERVED_STATES, TRANSIENT_STATES, WRAP_UP_STATES } from '../finesse/agent-states.ts';

export interface AvailabilityRule {
  /** A short name tests and logs refer to. */
  readonly name: string;
  readonly availability: ChatAvailability;
  readonly when: (s: Situation, f: Facts) => boolean;
  readonly cause: (s: Situation, f: Facts) => ChatCause;
}

/** The routed work that interrupts chat, from the ACD call or the voice state only routed calls put the agent in. */
function routedWork(s: Situation): RoutedWork {
  const acd = s.acd;
  if (acd === null) return { kind: 'unknown-call' };
  if (typeof acd === 'string') {
    if (WRAP_UP_STATES.has(acd)) return { kind: 'wrap-up' };
    if (RESERVED_STATES.has(acd)) return { kind: 'reserved' };
    return { kind: 'acd-state' };
  }
  return acd.state === 'WRAP_UP' ? { kind: 'wrap-up' } : { kind: 'acd-call', callType: acd.callType };
}

/** Ordered: the first rule whose `when` holds gives the chat availability. */
export const CHAT_AVAILABILITY_RULES: readonly AvailabilityRule[] = [
  {
    name: 'chat-server-down',
    availability: 'OFFLINE',
    when: (_s, f) => !f.connectivity.chatServerUp,
    cause: () => ({ kind: 'chat-server-down' }),
  },
  {
    name: 'voice-unknown',
    availability: 'OFFLINE',
    when: (s) => s.voice === null,
    cause: () => ({ kind: 'voice-unknown' }),
  },
  {
    name: 'signed-out',
    availability: 'OFFLINE',
    when: (s) => s.signedOut,
    cause: () => ({ kind: 'signed-out' }),
  },
  {
    name: 'degraded',
    availability: 'INTERRUPTED',
    when: (s) => s.degraded !== null,
    cause: (s, f) => ({ kind: 'holding', hold: s.degraded ?? { kind: 'finesse-down' }, continuing: f.activeChats }),
  },
  {
    name: 'acd-call',
    availability: 'INTERRUPTED',
    when: (s) => s.acd !== null,
    cause: (s, f) => ({ kind: 'routed-work', work: routedWork(s), continuing: f.activeChats }),
  },
  {
    name: 'internal-call-without-chats',
    availability: 'INTERRUPTED',
    when: (s, f) => s.internalCall !== null && f.activeChats === 0,
    cause: (s) => ({ kind: 'internal-call', callType: s.internalCall?.callType ?? null }),
  },
  {
    name: 'agent-chat-not-ready',
    availability: 'NOT_READY',
    when: (_s, f) => f.chatIntent === 'unavailable',
    cause: (_s, f) => ({ kind: 'agent-chose-not-ready', continuing: f.activeChats }),
  },
  {
    name: 'voice-not-ready-by-others',
    availability: 'NOT_READY',
    when: (s) => s.othersNotReady !== null,
    cause: (s, f) => ({
      kind: 'voice-not-ready',
      reason: s.othersNotReady ?? { kind: 'none' },
      continuing: f.activeChats,
    }),
  },
  {
    name: 'voice-transient',
    availability: 'NOT_READY',
    when: (s) => s.voice !== null && TRANSIENT_STATES.has(s.voice.state),
    cause: (s) => ({ kind: 'voice-transient', state: s.voice?.state ?? null }),
  },
  {
    name: 'at-max',
    availability: 'BUSY',
    when: (_s, f) => f.activeChats >= f.maxChats,
    cause: (_s, f) => ({ kind: 'chats-full', count: f.activeChats, max: f.maxChats }),
  },
  {
    name: 'handling-chats',
    availability: 'ACTIVE',
    when: (_s, f) => f.activeChats >= 1,
    cause: (_s, f) => ({ kind: 'chats-active', count: f.activeChats, max: f.maxChats }),
  },
  {
    name: 'idle',
    availability: 'READY',
    when: () => true,
    cause: () => ({ kind: 'chat-idle' }),
  },
];

/** The first matching rule: the chat availability for these facts. */
export function chatAvailabilityRule(s: Situation, f: Facts): AvailabilityRule {
  const rule = CHAT_AVAILABILITY_RULES.find((r) => r.when(s, f));
  // The last rule always matches; this keeps the type honest without a non-null assertion.
  return rule ?? (CHAT_AVAILABILITY_RULES[CHAT_AVAILABILITY_RULES.length - 1] as AvailabilityRule);
}
