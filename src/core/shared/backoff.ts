// How long to wait before trying again: exponential from a first delay, capped, with a share of each delay left to
// chance so that a whole contact center does not retry in the same instant after a server comes back. One rule for
// every retry in the product: voice requests after a 503 or a timeout, chat reconnects, the router's reconnects.
import type { RandomSource } from './timers.ts';

export interface BackoffPolicy {
  /** The delay before the first retry. */
  readonly firstMs: number;
  /** No delay is longer than this. */
  readonly maxMs: number;
  /** 0..1: the share of each delay that is randomized (0.5: between half of it and all of it). */
  readonly jitter: number;
}

/** The delay before retry number `retry` (0 for the first retry). */
export function backoffDelay(policy: BackoffPolicy, retry: number, random: RandomSource): number {
  const base = Math.min(policy.maxMs, policy.firstMs * 2 ** Math.min(Math.max(retry, 0), 30));
  const spread = base * policy.jitter;
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(base - spread + spread * r);
}
