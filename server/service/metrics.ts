// The service's metrics in the Prometheus text exposition format (version 0.0.4). A handful of counters, gauges
// and one histogram: written here in a few lines rather than adding a client library for them.
import { CHAT_AVAILABILITIES } from '../../src/core/chat/chat-channel.ts';
import type { RouterEvent, RouterStats } from '../router/chat-router.ts';

/** The Finesse directory for the metrics: its age (null before the first good read) and how many users it holds. */
export interface DirectoryStats {
  readonly ageMs: number | null;
  readonly users: number;
}

/** What an instance does: routes (active), waits for the active one to stop (standby), or lost its store (stopped). */
export const SERVICE_ROLES = ['starting', 'standby', 'active', 'stopped'] as const;
export type ServiceRole = (typeof SERVICE_ROLES)[number];

/** Time-to-offer buckets, in seconds. */
const OFFER_BUCKETS = [1, 5, 10, 30, 60, 120, 300, 600] as const;

export class ServiceMetrics {
  #offers = 0;
  #accepts = 0;
  #declines = 0;
  #expiries = 0;
  readonly #offerBuckets: number[] = OFFER_BUCKETS.map(() => 0);
  #offerCount = 0;
  #offerSum = 0;

  /** Counts one routing event (the router's `onEvent`). */
  record(event: RouterEvent): void {
    switch (event.kind) {
      case 'offered': {
        this.#offers += 1;
        const seconds = event.waitedMs / 1000;
        this.#offerCount += 1;
        this.#offerSum += seconds;
        OFFER_BUCKETS.forEach((le, i) => {
          if (seconds <= le) this.#offerBuckets[i] = (this.#offerBuckets[i] ?? 0) + 1;
        });
        break;
      }
      case 'accepted':
        this.#accepts += 1;
        break;
      case 'declined':
        this.#declines += 1;
        break;
      case 'expired':
        this.#expiries += 1;
        break;
      default:
        break;
    }
  }

  /** The exposition text, with the router's current queues and agents, this instance's role, and the directory (when one is read). */
  render(stats: RouterStats, role: ServiceRole = 'active', directory: DirectoryStats | null = null): string {
    const lines: string[] = [];
    const metric = (name: string, type: string, help: string, samples: readonly string[]) =>
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...samples);
    metric(
      'chat_service_role',
      'gauge',
      "This instance's role: 1 on the one it has (active routes; standby waits to take over; stopped lost its store).",
      SERVICE_ROLES.map((r) => `chat_service_role{role="${r}"} ${r === role ? 1 : 0}`),
    );
    metric('chat_service_xmpp_up', 'gauge', 'Whether the router is signed in to the XMPP server (1) or not (0).', [
      `chat_service_xmpp_up ${stats.online ? 1 : 0}`,
    ]);
    // One sample per queue; a router that reports no queues (older) counts as the one "default" queue.
    const queues = stats.queues ?? [{ id: 'default', waiting: stats.waiting, oldestWaitMs: stats.oldestWaitMs }];
    metric(
      'chat_service_queue_length',
      'gauge',
      'Chats waiting for an agent (queued or offered), by queue.',
      queues.map((q) => `chat_service_queue_length{queue="${label(q.id)}"} ${q.waiting}`),
    );
    metric(
      'chat_service_queue_oldest_wait_seconds',
      'gauge',
      'How long the first chat in line has waited, by queue.',
      queues.map((q) => `chat_service_queue_oldest_wait_seconds{queue="${label(q.id)}"} ${q.oldestWaitMs / 1000}`),
    );
    metric('chat_service_offers_total', 'counter', 'Chat offers made to agents.', [
      `chat_service_offers_total ${this.#offers}`,
    ]);
    metric('chat_service_accepts_total', 'counter', 'Chat offers accepted.', [
      `chat_service_accepts_total ${this.#accepts}`,
    ]);
    metric('chat_service_declines_total', 'counter', 'Chat offers declined.', [
      `chat_service_declines_total ${this.#declines}`,
    ]);
    metric('chat_service_offer_expiries_total', 'counter', 'Chat offers that expired unanswered.', [
      `chat_service_offer_expiries_total ${this.#expiries}`,
    ]);
    metric(
      'chat_service_time_to_offer_seconds',
      'histogram',
      'Time from a chat joining the queue to each offer of it.',
      [
        ...OFFER_BUCKETS.map(
          (le, i) => `chat_service_time_to_offer_seconds_bucket{le="${le}"} ${this.#offerBuckets[i] ?? 0}`,
        ),
        `chat_service_time_to_offer_seconds_bucket{le="+Inf"} ${this.#offerCount}`,
        `chat_service_time_to_offer_seconds_sum ${this.#offerSum}`,
        `chat_service_time_to_offer_seconds_count ${this.#offerCount}`,
      ],
    );
    const states = new Set<string>([...CHAT_AVAILABILITIES, ...Object.keys(stats.agentsByState)]);
    metric(
      'chat_service_agents',
      'gauge',
      'Agents known to the router, by chat state.',
      [...states].map((state) => `chat_service_agents{state="${state}"} ${stats.agentsByState[state] ?? 0}`),
    );
    if (directory !== null) {
      metric(
        'chat_service_directory_age_seconds',
        'gauge',
        'How old the teams and supervisors read from Finesse are (-1: never read yet).',
        [`chat_service_directory_age_seconds ${directory.ageMs === null ? -1 : directory.ageMs / 1000}`],
      );
      metric('chat_service_directory_users', 'gauge', 'Users in the directory read from Finesse.', [
        `chat_service_directory_users ${directory.users}`,
      ]);
    }
    return `${lines.join('\n')}\n`;
  }
}

/** A label value in the exposition format: backslash, quote and newline escaped. */
function label(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
