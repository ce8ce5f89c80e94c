// How a reconciler is made: its ports, the Handling Chat reason, the most chats at once, and the timings and
// limits that have defaults.

import type { ChatPort, FinesseFactsPort, VoiceStatePort } from './ports.ts';
import type { RandomSource, Timers } from '../shared/timers.ts';
import type { HandlingChatReason } from './facts.ts';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';

export interface ReconcilerOptions {
  readonly voice: VoiceStatePort;
  readonly facts: FinesseFactsPort;
  readonly chat: ChatPort;
  readonly timers: Timers;
  readonly random: RandomSource;
  readonly handlingChat: HandlingChatReason;
  /** Most chats at once (M). */
  readonly maxChats: number;
  /** How long to wait for the notification confirming an accepted (202) request. Default 10 s. */
  readonly confirmTimeoutMs?: number;
  readonly backoff?: BackoffOptions;
  /** Re-read User and Dialogs this often while idle, in case a notification was lost. Default 120 s; 0 turns it off. */
  readonly resyncIntervalMs?: number;
  /** Decision log size. Default 50. */
  readonly logCapacity?: number;
  /** Reason codes the supervisor-forced Not Ready uses (UCCE 999, UCCX 33): shown as set by the supervisor. */
  readonly supervisorReasonCodes?: readonly number[];
  /** Told each requestId Finesse gives this window's requests, so other windows of the agent can recognise them. */
  readonly onRequestAccepted?: (requestId: string) => void;
}

/** The options with every default filled in. */
export type ResolvedOptions = Required<Omit<ReconcilerOptions, 'backoff'>> & { backoff: BackoffOptions };

/** Fills in the defaults: 10 s to confirm, a re-read every 120 s, 50 log entries, supervisor codes 999 and 33. */
export function withDefaults(options: ReconcilerOptions): ResolvedOptions {
  return {
    confirmTimeoutMs: 10_000,
    resyncIntervalMs: 120_000,
    logCapacity: 50,
    supervisorReasonCodes: [999, 33],
    onRequestAccepted: () => undefined,
    ...options,
    backoff: options.backoff ?? DEFAULT_BACKOFF,
  };
}
