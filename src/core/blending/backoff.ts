// Exponential backoff with jitter for retrying a voice request after 503 or a timeout.

import type { RandomSource } from './ports.ts';

export interface BackoffOptions {
  /** Delay before the first retry. */
  readonly baseMs: number;
  readonly maxMs: number;
  /** Attempts in all, the first included; after that the request is given up. */
  readonly maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 15000, maxAttempts: 4 };

/** The delay before attempt `attempt + 1`: base * 2^(attempt-1), capped, then "full jitter" between half and all of it. */
export function backoffDelay(attempt: number, options: BackoffOptions, random: RandomSource): number {
  const exp = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(exp / 2 + (exp / 2) * r);
}
