// SystemInfo of one Finesse node, as the failover monitor and the diagnostics page ask for it: this node through the
// gadget's own REST client (same origin), the other node through the container's proxy (gadgets.io), as it is
// another origin.
import type { GadgetConfig } from '../core/container/gadget-config.ts';
import {
  createFinesseClient,
  makeRequestTransport,
  type FinesseClient,
  type GadgetsIo,
} from '../core/finesse/rest/index.ts';

/** Reads SystemInfo from a node named "host:port" (as SystemInfo names them). */
export function systemInfoReader(config: GadgetConfig, sameOrigin: FinesseClient, io: GadgetsIo | undefined) {
  const clients = new Map<string, FinesseClient>();
  const here = `${config.host}${config.hostPort ? `:${config.hostPort}` : ''}`;
  return (node: string) => {
    if (node === here || node === config.host || io === undefined) return sameOrigin.getSystemInfo();
    let c = clients.get(node);
    if (c === undefined) {
      c = createFinesseClient({
        baseUrl: `${config.scheme}://${node}`,
        auth: { kind: 'header', value: config.authorization },
        transport: makeRequestTransport(io),
      });
      clients.set(node, c);
    }
    return c.getSystemInfo();
  };
}
