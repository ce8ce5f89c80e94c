// How long a chat link waits before reconnecting (the agent's channel and the router): the product's one backoff
// rule (shared/backoff.ts) with the chat link's numbers.
import type { BackoffPolicy } from '../shared/backoff.ts';

export const RECONNECT_BACKOFF: BackoffPolicy = { firstMs: 250, maxMs: 15_000, jitter: 0.3 };
