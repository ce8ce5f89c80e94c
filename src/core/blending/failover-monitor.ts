// Finesse failover (docs/finesse-contract.md section 9): poll SystemInfo on both nodes, use the node in service
// (the primary whenever it is), report "degraded" when neither is, and "recovered" when one is back.

import type { Result } from '../result.ts';
import type { SystemInfo } from '../finesse/types.ts';
import type { VoiceError } from './ports.ts';
import type { RandomSource, TimerHandle, Timers } from '../shared/timers.ts';

/** Reads GET /finesse/api/SystemInfo from one node. */
export type SystemInfoFetcher = (node: string) => Promise<Result<SystemInfo, VoiceError>>;

export type FailoverEvent =
  /** Use this node for REST and notifications from now on (from: the node used before, null at start). */
  | { readonly type: 'switch'; readonly node: string; readonly from: string | null }
  /** No node is in service: blending must hold still. */
  | { readonly type: 'degraded'; readonly reason: string }
  /** A node is in service again after being degraded: re-read User and Dialogs, then reconcile. */
  | { readonly type: 'recovered'; readonly node: string };

export interface FailoverMonitorOptions {
  readonly primary: string;
  readonly secondary: string | null;
  readonly fetchSystemInfo: SystemInfoFetcher;
  /** Backed by the container's 1 s tick where present. */
  readonly timers: Timers;
  readonly random: RandomSource;
  readonly onEvent: (event: FailoverEvent) => void;
  /** Poll period. Default 5 s. */
  readonly intervalMs?: number;
  /** +- this fraction of the period, so many desktops do not poll in step. Default 0.2. */
  readonly jitter?: number;
  /**
   * Consecutive failed polls before a node that was in service counts as down. Default 2. A node that answers that it
   * is OUT_OF_SERVICE is down at once: it said so (the guide's availability rule: status first).
   */
  readonly failuresBeforeDown?: number;
  /** Called after every polling round with every node's status (the session tells the agent which node is out). */
  readonly onStatus?: (status: FailoverStatus) => void;
}

export interface NodeStatus {
  readonly node: string;
  /** null until the first poll answers. */
  readonly inService: boolean | null;
  readonly failures: number;
  readonly lastProblem: string | null;
}

export interface FailoverStatus {
  readonly active: string | null;
  readonly degraded: boolean;
  readonly nodes: readonly NodeStatus[];
}

/** Polls both Finesse nodes and says which to use. */
export class FailoverMonitor {
  readonly #o: FailoverMonitorOptions;
  readonly #nodes: { node: string; inService: boolean | null; failures: number; lastProblem: string | null }[];
  #active: string | null = null;
  #degraded = false;
  #timer: TimerHandle | null = null;
  #running = false;
  #polling = false;

  constructor(options: FailoverMonitorOptions) {
    this.#o = options;
    const names =
      options.secondary !== null && options.secondary !== options.primary
        ? [options.primary, options.secondary]
        : [options.primary];
    this.#nodes = names.map((node) => ({ node, inService: null, failures: 0, lastProblem: null }));
  }

  /** Polls now, then on the jittered period until stopped. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    void this.pollNow();
  }

  stop(): void {
    this.#running = false;
    if (this.#timer !== null) this.#o.timers.clearTimeout(this.#timer);
    this.#timer = null;
  }

  status(): FailoverStatus {
    return { active: this.#active, degraded: this.#degraded, nodes: this.#nodes.map((n) => ({ ...n })) };
  }

  /** One polling round over every node, then the decision. */
  async pollNow(): Promise<void> {
    if (this.#polling) return;
    this.#polling = true;
    if (this.#timer !== null) this.#o.timers.clearTimeout(this.#timer);
    this.#timer = null;
    const threshold = this.#o.failuresBeforeDown ?? 2;
    await Promise.all(
      this.#nodes.map(async (n) => {
        let problem: string | null;
        let saidOutOfService = false;
        try {
          const r = await this.#o.fetchSystemInfo(n.node);
          saidOutOfService = r.ok && r.value.status !== 'IN_SERVICE';
          problem = !r.ok
            ? (r.error.message ?? r.error.kind)
            : r.value.status === 'IN_SERVICE'
              ? null
              : `OUT_OF_SERVICE${r.value.statusReason ? ` (${r.value.statusReason})` : ''}`;
        } catch (e) {
          problem = String(e);
        }
        if (problem === null) {
          n.inService = true;
          n.failures = 0;
          n.lastProblem = null;
        } else {
          n.failures += 1;
          n.lastProblem = problem;
          if (n.inService !== true || n.failures >= threshold || saidOutOfService) n.inService = false;
        }
      }),
    );
    this.#polling = false;
    this.#decide();
    this.#o.onStatus?.(this.status());
    this.#schedule();
  }

  #decide(): void {
    // The primary is preferred whenever it is in service (docs/finesse-contract.md section 9: switch back when the publisher restores).
    const pick = this.#nodes.find((n) => n.inService === true)?.node ?? null;
    if (pick === null) {
      if (this.#nodes.some((n) => n.inService === null)) return;
      if (!this.#degraded) {
        this.#degraded = true;
        const problems = this.#nodes.map((n) => `${n.node}: ${n.lastProblem ?? 'down'}`).join('; ');
        this.#o.onEvent({ type: 'degraded', reason: `No Finesse node is in service (${problems})` });
      }
      return;
    }
    if (pick !== this.#active) {
      const from = this.#active;
      this.#active = pick;
      this.#o.onEvent({ type: 'switch', node: pick, from });
    }
    if (this.#degraded) {
      this.#degraded = false;
      this.#o.onEvent({ type: 'recovered', node: pick });
    }
  }

  #schedule(): void {
    if (!this.#running) return;
    const period = this.#o.intervalMs ?? 5000;
    const jitter = this.#o.jitter ?? 0.2;
    const delay = Math.max(1000, Math.round(period * (1 - jitter + 2 * jitter * this.#o.random())));
    this.#timer = this.#o.timers.setTimeout(() => {
      this.#timer = null;
      void this.pollNow();
    }, delay);
  }
}
