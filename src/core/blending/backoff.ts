// Retrying a voice request after a 503 or a timeout: how many attempts in all, and the delays between them by the
// product's one backoff rule (shared/backoff.ts) with "full jitter" between half of each delay and all of it.
import { backoffDelay } from '../shared/backoff.ts';
import type { RandomSource } from '../shared/timers.ts';

export interface BackoffOptions {
  /** Delay before the first retry. */
  readonly baseMs: number;
  readonly maxMs: number;
  /** Attempts in all, the first included; after that the request is given up. */
  readonly maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 15000, maxAttempts: 4 };

/** The delay before attempt `attempt + 1`: base * 2^(attempt-1), capped, then between half and all of it. */
export function voiceRetryDelay(attempt: number, options: BackoffOptions, random: RandomSource): number {
  return backoffDelay({ firstMs: options.baseMs, maxMs: options.maxMs, jitter: 0.5 }, attempt - 1, random);
}
