// The simulated world with the desktop harness on both node listeners: Prosody, every simulator user in XMPP,
// the Finesse REST simulator, the chat router and customer page, and the desktop/control pages and gadget
// renderer on the same origin. The default layout gives the product gadget the world's chat settings.
import { startWorld, type WorldChat } from '../world.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createDesktopHarness, type DesktopHarness } from './desktop-routes.ts';
import { defaultLayoutXml } from './layout.ts';
import type { RouteHandler } from './http-util.ts';
import type { QueueSetting } from '../../server/router/queues.ts';

type World = Awaited<ReturnType<typeof startWorld>>;

export interface DesktopWorldOptions {
  /** The directory served as /3rdpartygadget/files/finesse-blend/ (vite's output, dist/). */
  readonly distDir: string;
  /** More gadget folders (tests add their own gadgets). */
  readonly gadgetFolders?: Readonly<Record<string, string>>;
  /**
   * Finesse layout XML, or a function of the started world (when it needs ids from it). Default: the product
   * gadget on the agents' home tab, and the product's team gadget (team-gadget.xml in distDir, as vite builds it) on the
   * supervisors' team tab.
   */
  readonly layoutXml?: string | ((world: World) => string);
  readonly host?: string;
  /** 0 (or absent) picks a free port. */
  readonly primaryPort?: number;
  readonly secondaryPort?: number;
  readonly rebuildClient?: boolean;
  /** Chat router and customer page; default true. */
  readonly chat?: boolean;
  /**
   * The chat service's queues; with them the service reads the simulator's Finesse users (its directory), which the
   * supervisors' team feed needs.
   */
  readonly queues?: readonly QueueSetting[];
  /** Where a developer's copy of Cisco's finesse.js / jquery.min.js is (served at /desktop/assets/js/). */
  readonly finesseJsDir?: string;
  /**
   * Chat server addresses other than the world's that the layout's gadgets use (e.g. a second Prosody a test starts
   * and stops): the gadget frames' CSP allows them, as an administrator's desktop would have to.
   */
  readonly otherChatServers?: readonly string[];
  /** The Finesse release the desktop stands for (default 12.5); before 12.0 no digital channels and no popovers. */
  readonly finesseVersion?: string;
}

/**
 * The demo's chat queue: one queue served by both seeded teams. With it the chat service reads the simulator's
 * Finesse users, so the supervisors' team gadget gets its chat columns (`npm start`, the screenshots).
 */
export const DEMO_QUEUES: readonly QueueSetting[] = [{ id: 'default', name: 'Chats', teams: ['10', '20'], agents: [] }];

/** The product gadget's chat prefs for a world (what the default layout puts in the gadget's URL query). */
export function chatGadgetPrefs(chat: WorldChat): Readonly<Record<'chatService' | 'chatRouter', string>> {
  return { chatService: chat.websocketUrl, chatRouter: chat.routerJid };
}

export interface DesktopWorld {
  readonly world: World;
  readonly harness: DesktopHarness;
  /** e.g. http://127.0.0.1:8080 */
  readonly baseUrl: string;
  readonly desktopUrl: string;
  /** The same desktop served by the secondary node (where the desktop moves when the primary is out of service). */
  readonly secondaryDesktopUrl: string;
  readonly controlUrl: string;
  /** The world's chat settings (world.chat), null when chat is off; chat.customerUrl is the customer page. */
  readonly chat: WorldChat | null;
  stop(): Promise<void>;
}

/** Starts everything; on a failure half-way, stops what did start before rethrowing. */
export async function startDesktopWorld(options: DesktopWorldOptions): Promise<DesktopWorld> {
  let harness: DesktopHarness | null = null;
  // The harness needs Prosody's addresses, known only once the world runs: route through it from then on.
  const routes: RouteHandler = (req, res, url) => (harness ? harness.routes(req, res, url) : false);
  const world = await startWorld({
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(options.primaryPort !== undefined ? { primaryPort: options.primaryPort } : {}),
    ...(options.secondaryPort !== undefined ? { secondaryPort: options.secondaryPort } : {}),
    // Both nodes serve the desktop (a Finesse node serves its own desktop): the desktop moves between them.
    nodeRoutes: [routes],
    chat: options.chat ?? true,
    ...(options.queues !== undefined ? { queues: options.queues } : {}),
  });
  try {
    const { prosody, simulator } = world;
    const teamGadget = existsSync(join(options.distDir, 'team-gadget.xml'))
      ? '/3rdpartygadget/files/finesse-blend/team-gadget.xml'
      : null;
    const layoutXml =
      typeof options.layoutXml === 'function'
        ? options.layoutXml(world)
        : (options.layoutXml ??
          defaultLayoutXml('finesse-blend', teamGadget, world.chat ? chatGadgetPrefs(world.chat) : {}));
    harness = createDesktopHarness({
      gadgetFolders: { 'finesse-blend': options.distDir, ...options.gadgetFolders },
      layoutXml,
      xmpp: {
        domain: prosody.domain,
        pubsubDomain: prosody.pubsubDomain,
        websocketUrl: prosody.websocketUrl,
        boshUrl: prosody.boshUrl,
        ...(options.otherChatServers !== undefined ? { otherChatServers: options.otherChatServers } : {}),
      },
      secondaryUrl: simulator.secondaryUrl,
      nodes: { primary: simulator.primaryUrl, secondary: simulator.secondaryUrl },
      deployment: simulator.deployment,
      proxyOrigins: [new URL(simulator.primaryUrl).origin, new URL(simulator.secondaryUrl).origin],
      rebuildClient: options.rebuildClient ?? false,
      ...(options.finesseJsDir !== undefined ? { finesseJsDir: options.finesseJsDir } : {}),
      ...(options.finesseVersion !== undefined ? { finesseVersion: options.finesseVersion } : {}),
    });
  } catch (e) {
    await world.stop();
    throw e;
  }
  const h = harness;
  const baseUrl = world.simulator.primaryUrl.replace(/\/$/, '');
  return {
    world,
    harness: h,
    baseUrl,
    desktopUrl: `${baseUrl}/desktop/`,
    secondaryDesktopUrl: `${world.simulator.secondaryUrl.replace(/\/$/, '')}/desktop/`,
    controlUrl: `${baseUrl}/control.html`,
    chat: world.chat,
    async stop() {
      try {
        await world.stop();
      } finally {
        await h.close();
      }
    },
  };
}
