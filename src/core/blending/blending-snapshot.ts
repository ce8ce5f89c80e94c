// What blending shows (the UI, and a window that does not own blending) and the counters the property tests check.

import type { ChatPresence } from './ports.ts';
import type { OfferFact, VoiceFacts } from './facts.ts';
import type { DecisionEntry } from './decision-log.ts';
import type { VoiceRequestView } from './voice-request-flight.ts';
import type { HoldCause } from './causes.ts';

export type { VoiceRequestView } from './voice-request-flight.ts';

/** Everything the UI (and a non-owner window) shows about blending. */
export interface BlendingSnapshot {
  readonly owner: boolean;
  readonly chat: ChatPresence;
  readonly chatRule: string;
  readonly voice: VoiceFacts | null;
  readonly offers: readonly OfferFact[];
  readonly degraded: HoldCause | null;
  readonly voiceRequest: VoiceRequestView | null;
  readonly log: readonly DecisionEntry[];
}

/** Counters the property tests check: requests never outnumber fact changes. */
export interface ReconcilerStats {
  readonly factChanges: number;
  /** Voice requests made for a new set of facts (retries not included). */
  readonly requests: number;
  /** Every voice request sent, retries included. */
  readonly attempts: number;
  /** Requests made again after a periodic re-read, for a request that had been refused or given up with no fact change since. */
  readonly slowRetries: number;
  /** The current fact version, and the version the last request was made at. */
  readonly version: number;
  readonly lastRequestVersion: number | null;
}
