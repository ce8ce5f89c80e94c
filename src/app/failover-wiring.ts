// Finesse failover for one agent session: the monitor polls both nodes; the reconciler holds still while no node is in
// service or while the desktop moves the agent off this node (rule 6), and re-reads after a switch. A desktop running
// on the secondary node because the primary is out says why.

import type { Unsubscribe } from '../core/shared/unsubscribe.ts';
import type { BlendingReconciler } from '../core/blending/reconciler.ts';
import { FailoverMonitor } from '../core/blending/failover-monitor.ts';
import type { ProblemBoard } from './problems.ts';
import type { AgentSessionDeps } from './agent-session.ts';

/** The hub topic of SystemInfo notifications (node /finesse/api/SystemInfo): a node's status changed. */
export const SYSTEM_INFO_TOPIC = 'finesse.api.SystemInfo';

/** What the failover wiring takes from the session's dependencies, plus the session's problem board and releases. */
export interface FailoverWiring extends Pick<
  AgentSessionDeps,
  'config' | 'hub' | 'client' | 'systemInfoFor' | 'timers' | 'random'
> {
  readonly problems: ProblemBoard;
  readonly releases: Unsubscribe[];
  readonly stopped: () => boolean;
}

/** Starts the failover monitor once SystemInfo names the nodes; resolves to a stop function. */
export function startFailover(w: FailoverWiring, r: BlendingReconciler): { stop(): void } {
  const { config, client } = w;
  let monitor: FailoverMonitor | null = null;
  /** This desktop's node is out of service and the other is in service: the desktop is moving the agent. */
  let nodeMove: { readonly from: string; readonly to: string } | null = null;
  // The node this gadget was loaded from: its REST client talks only to it (same origin), so when it is out of
  // service the gadget holds still and the desktop moves the agent to the other node, where the gadget starts again.
  const here = `${config.host}${config.hostPort ? `:${config.hostPort}` : ''}`;
  void client.getSystemInfo().then((info) => {
    if (w.stopped()) return;
    const primary = info.ok && info.value.primaryNode ? info.value.primaryNode : 'self';
    const secondary = info.ok ? info.value.secondaryNode : null;
    const letter = (node: string): string => (node === secondary ? 'B' : 'A');
    const m = new FailoverMonitor({
      primary,
      secondary,
      fetchSystemInfo: (node) => (node === 'self' ? client.getSystemInfo() : w.systemInfoFor(node)),
      timers: w.timers,
      random: w.random,
      onEvent: (event) => {
        if (event.type === 'degraded') r.setConnectivity({ finesseInService: false });
        else if (event.type === 'recovered') r.setConnectivity({ finesseInService: true });
        // Re-read only through a node that answers: this gadget's requests go to its own node.
        else if (event.from !== null && (event.node === here || primary === 'self')) r.resync();
      },
      onStatus: (status) => {
        const own = status.nodes.find((n) => n.node === here);
        const other = status.nodes.find((n) => n.node !== here && n.inService === true);
        const move =
          own !== undefined && own.inService === false && other !== undefined
            ? { from: letter(here), to: letter(other.node) }
            : null;
        if (JSON.stringify(move) !== JSON.stringify(nodeMove)) {
          nodeMove = move;
          r.setConnectivity({ nodeMove: move });
        }
        // On the secondary while the primary is out of service: say why the desktop runs here.
        const primaryDown = here === secondary && status.nodes.some((n) => n.node === primary && n.inService === false);
        if (own?.inService === true && primaryDown) {
          w.problems.set({ id: 'node', severity: 'info', cause: { kind: 'on-secondary-node', from: 'A', to: 'B' } });
        } else {
          w.problems.clear('node');
        }
      },
    });
    monitor = m;
    // Finesse publishes SystemInfo when a node's status changes: look at once instead of waiting for the next poll.
    w.releases.push(w.hub.subscribe(SYSTEM_INFO_TOPIC, () => void m.pollNow()));
    m.start();
  });
  return { stop: () => monitor?.stop() };
}
