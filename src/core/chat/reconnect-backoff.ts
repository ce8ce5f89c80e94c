// How long to wait before the next reconnect attempt: exponential, capped, with jitter so that a whole
// contact center does not reconnect in the same instant after the chat server restarts.

export interface BackoffPolicy {
  readonly firstMs: number;
  readonly maxMs: number;
  /** 0..1: the share of each delay that is randomized. */
  readonly jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { firstMs: 250, maxMs: 15_000, jitter: 0.3 };

/** The delay before attempt number `attempt` (0 for the first retry); `random` returns 0..1. */
export function reconnectDelay(policy: BackoffPolicy, attempt: number, random: () => number): number {
  const base = Math.min(policy.maxMs, policy.firstMs * 2 ** Math.min(attempt, 20));
  const spread = base * policy.jitter;
  return Math.round(base - spread + spread * random());
}
