// The chat queues the router keeps and who serves each: a queue is served by the agents of its Finesse teams (from
// the directory, server/directory/) and by the agents it lists by id. Without configured queues there is one queue,
// "default", served by every agent. The router asks `serves` each time it picks an agent, so a directory refresh
// changes membership at once.

/** A queue as customers choose it and agents see it (transfer targets). */
export interface QueueInfo {
  readonly id: string;
  /** What agents see in the transfer menu. */
  readonly name: string;
}

/** A configured queue: served by the agents of `teams` (Finesse team ids) and by `agents` (Finesse login ids). */
export interface QueueSetting extends QueueInfo {
  readonly teams: readonly string[];
  readonly agents: readonly string[];
}

/** The router's view of its queues. */
export interface QueueBook {
  /** Every queue, in configured order. */
  list(): readonly QueueInfo[];
  /** The queue with this id, or null. */
  find(id: string): QueueInfo | null;
  /** Where a chat goes when the customer names no queue. */
  readonly defaultQueue: QueueInfo;
  /** Whether the agent (Finesse login id) serves the queue. */
  serves(queueId: string, agentId: string): boolean;
}

export const DEFAULT_QUEUE: QueueInfo = { id: 'default', name: 'Default' };

/** The service without a `queues` setting: one queue, every agent serves it. */
export function singleQueue(): QueueBook {
  return {
    list: () => [DEFAULT_QUEUE],
    find: (id) => (id === DEFAULT_QUEUE.id ? DEFAULT_QUEUE : null),
    defaultQueue: DEFAULT_QUEUE,
    serves: (queueId) => queueId === DEFAULT_QUEUE.id,
  };
}

/**
 * Configured queues (at least one; the first is the default). `teamOf` says an agent's Finesse team from the directory
 * (null while unknown: such an agent serves only the queues that list it by id).
 */
export function configuredQueues(
  settings: readonly QueueSetting[],
  teamOf: (agentId: string) => string | null,
): QueueBook {
  const first = settings[0];
  if (!first) throw new Error('configuredQueues needs at least one queue');
  const byId = new Map(settings.map((q) => [q.id, q]));
  const info = (q: QueueSetting): QueueInfo => ({ id: q.id, name: q.name });
  return {
    list: () => settings.map(info),
    find: (id) => {
      const q = byId.get(id);
      return q ? info(q) : null;
    },
    defaultQueue: info(first),
    serves: (queueId, agentId) => {
      const q = byId.get(queueId);
      if (!q) return false;
      if (q.agents.includes(agentId)) return true;
      const team = q.teams.length > 0 ? teamOf(agentId) : null;
      return team !== null && q.teams.includes(team);
    },
  };
}

/** The sentence for a queue id that is not configured (the id comes from the network: shown bounded, one line). */
export function queueProblem(requested: string): string {
  const shown = requested.replace(/[^\p{L}\p{N}_ .-]/gu, '').slice(0, 64);
  return `There is no chat queue "${shown}": check the chat link you used, or start the chat from the main chat page.`;
}
