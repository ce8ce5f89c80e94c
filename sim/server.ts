// The Finesse simulator: two HTTP listeners (primary and secondary node) over one simulated world, the
// Finesse REST API under /finesse/api/ on both, the JSON control API under /control/ on the primary, and
// notifications published to Prosody's pubsub service as Finesse's notification service does.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProsodyHandle } from './prosody/start-prosody.ts';
import type { NodeName, SimulatorControl, WorldSnapshot } from './finesse/control-types.ts';
import { ACCOUNTS, type Deployment, type SeedAccount } from './finesse/seed.ts';
import { startNotificationPublisher } from './notify/notification-publisher.ts';
import { SimWorld, SYSTEM_INFO_NODE, dialogsNode, userNode } from './finesse/sim-world.ts';
import { createSimulatorControl } from './finesse/simulator-control.ts';
import { handleControl } from './finesse/control-routes.ts';
import { handleFinesseApi } from './finesse/rest-api.ts';
import { sendJson } from './finesse/http-io.ts';

import type { RouteHandler } from '../server/http/route-handler.ts';

/** A handler tried before the simulator's own routes on the primary listener; true when it answered. */
export type { RouteHandler };

export interface StartSimulatorOptions {
  readonly prosody: ProsodyHandle;
  /** Interface to listen on; default 127.0.0.1. */
  readonly host?: string;
  /** Default 0 (a free port). */
  readonly primaryPort?: number;
  /** Default 0 (a free port). */
  readonly secondaryPort?: number;
  readonly routes?: readonly RouteHandler[];
  /**
   * Handlers tried first on both listeners (the desktop harness: each Finesse node serves the desktop, as a Finesse
   * node does, so the desktop can move to the other node when its own goes out of service).
   */
  readonly nodeRoutes?: readonly RouteHandler[];
  /** Default UCCE. */
  readonly deployment?: Deployment;
}

/** A seeded account, as a person or a test signs in with it. */
export interface SimulatorAccount {
  readonly id: string;
  readonly loginName: string;
  readonly password: string;
  readonly extension: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly teamId: string;
  readonly supervisor: boolean;
  /** Teams a supervisor supervises (empty for agents). */
  readonly supervises: readonly string[];
}

export interface SimulatorHandle {
  /** e.g. http://127.0.0.1:41234 (no trailing slash); REST under /finesse/api/, control under /control/. */
  readonly primaryUrl: string;
  readonly secondaryUrl: string;
  readonly deployment: Deployment;
  /** Read access to the world: a fresh snapshot on each call. */
  readonly world: { snapshot(): WorldSnapshot };
  readonly control: SimulatorControl;
  readonly users: readonly SimulatorAccount[];
  stop(): Promise<void>;
}

const toAccount = (a: SeedAccount): SimulatorAccount => ({
  id: a.id,
  loginName: a.loginName,
  password: a.password,
  extension: a.extension,
  firstName: a.firstName,
  lastName: a.lastName,
  teamId: a.teamId,
  supervisor: a.supervises.length > 0,
  supervises: a.supervises,
});

function listen(server: Server, host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
      resolve(`http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${address.port}`);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Starts the simulator against a running Prosody (see sim/world.ts to start both). */
export async function startSimulator(opts: StartSimulatorOptions): Promise<SimulatorHandle> {
  const { prosody } = opts;
  const host = opts.host ?? '127.0.0.1';
  const deployment = opts.deployment ?? 'UCCE';
  const publisher = await startNotificationPublisher({
    websocketUrl: prosody.websocketUrl,
    jid: prosody.adminJid,
    password: prosody.adminPassword,
    pubsubDomain: prosody.pubsubDomain,
  });
  const servers: Server[] = [];
  try {
    const world = new SimWorld({
      deployment,
      notifier: { publish: (node, payload) => publisher.publish(node, payload) },
      xmppDomain: prosody.domain,
      pubsubDomain: prosody.pubsubDomain,
    });
    await publisher.ensureNodes(world.allNodes());
    // Finesse subscribes every user to their own User and Dialogs nodes and to SystemInfo; Team nodes are
    // subscribed explicitly by supervisors' desktops.
    await Promise.all(
      ACCOUNTS.flatMap((a) =>
        [userNode(a.id), dialogsNode(a.id), SYSTEM_INFO_NODE].map((node) =>
          publisher.subscribeOnBehalf(node, `${a.id}@${prosody.domain}`),
        ),
      ),
    );
    const control = createSimulatorControl(world, () => publisher.flush());
    const routes = opts.routes ?? [];
    const nodeRoutes = opts.nodeRoutes ?? [];

    const handler =
      (node: NodeName) =>
      async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
        try {
          const url = new URL(req.url ?? '/', 'http://simulator.invalid');
          for (const route of nodeRoutes) if (await route(req, res, url)) return;
          if (node === 'primary') {
            for (const route of routes) if (await route(req, res, url)) return;
            if (await handleControl(control, req, res, url)) return;
          }
          if (await handleFinesseApi(world, node, req, res, url)) return;
          sendJson(res, 404, { error: `Nothing at ${url.pathname}` });
        } catch (error) {
          console.error(`simulator: ${req.method ?? ''} ${req.url ?? ''} failed:`, error);
          if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
          else res.destroy();
        }
      };

    const primary = createServer((req, res) => void handler('primary')(req, res));
    servers.push(primary);
    const primaryUrl = await listen(primary, host, opts.primaryPort ?? 0);
    const secondary = createServer((req, res) => void handler('secondary')(req, res));
    servers.push(secondary);
    const secondaryUrl = await listen(secondary, host, opts.secondaryPort ?? 0);
    world.setNodeUrl('primary', primaryUrl);
    world.setNodeUrl('secondary', secondaryUrl);

    let stopping: Promise<void> | null = null;
    return {
      primaryUrl,
      secondaryUrl,
      deployment,
      world: { snapshot: () => world.snapshot() },
      control,
      users: ACCOUNTS.map(toAccount),
      stop() {
        stopping ??= (async () => {
          await Promise.all(servers.map(close));
          await publisher.flush();
          await publisher.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await Promise.all(servers.map(close));
    await publisher.close();
    throw error;
  }
}
