// The whole simulated world in one call: a private Prosody, every seeded Finesse account registered as an
// XMPP user (username = loginId, password = Finesse password, as Finesse's notification service does), the
// Finesse simulator publishing to it, and (unless chat is off) the chat service from server/ (the product's router,
// customer chat page and ops routes), its routes served on the simulator's primary origin (/chat/, /readyz, ...).
import { randomBytes } from 'node:crypto';
import { startProsody, type ProsodyHandle } from './prosody/start-prosody.ts';
import { startSimulator, type RouteHandler, type SimulatorHandle, type StartSimulatorOptions } from './server.ts';
import { ACCOUNTS, ADMINISTRATORS } from './finesse/seed.ts';
import type { ChatRouterHandle } from '../server/router/start-chat-router.ts';
import { createChatService, type ChatService } from '../server/service/chat-service.ts';
import type { FinesseSettings } from '../server/service/config.ts';
import type { QueueSetting } from '../server/router/queues.ts';
import { silentLogger } from '../server/service/log.ts';
import { DEFAULT_WIDGET_CONFIG } from '../server/widget/widget-config.ts';
import { startCustomerSite, type CustomerSiteHandle } from './customer-site.ts';
import { freshStoreDir } from './chat-store-dir.ts';

/** The simulator's options (passed through, the world adds its Prosody), plus the world's own. */
interface StartWorldOptions extends Omit<StartSimulatorOptions, 'prosody'> {
  /** XMPP domain; default "localhost". */
  readonly domain?: string;
  /** Chat router, customer page and the chat parts of Prosody; default true (the demo and the gadget need them). */
  readonly chat?: boolean;
  /**
   * The chat service's queues (default: one queue served by every agent). With queues, the service also reads teams
   * and supervisors from this world's Finesse with the seeded administrator, as a site configures `finesse`.
   */
  readonly queues?: readonly QueueSetting[];
}

/** What a gadget, a page or a test needs to take part in the world's chats. Plain data (JSON-safe). */
export interface WorldChat {
  /** The router's full JID: the gadget's `chatRouter` pref. */
  readonly routerJid: string;
  /** The chat server's WebSocket endpoint: the gadget's `chatService` pref. */
  readonly websocketUrl: string;
  /** The BOSH endpoint of the same server (the fallback). */
  readonly boshUrl: string;
  /** The agents' XMPP domain (their JIDs are loginId@domain). */
  readonly domain: string;
  /** The MUC service the chat rooms live on. */
  readonly mucDomain: string;
  /** The anonymous VirtualHost customers sign in to. */
  readonly guestDomain: string;
  /** The customer chat page, e.g. http://127.0.0.1:8080/chat/ */
  readonly customerUrl: string;
  /** A sample customer website on an origin of its own, embedding the chat widget under a strict CSP. */
  readonly customerSiteUrl: string;
}

export interface WorldHandle {
  readonly prosody: ProsodyHandle;
  readonly simulator: SimulatorHandle;
  /** Null when started with `chat: false`. */
  readonly chat: WorldChat | null;
  /** The running router (its snapshot shows agents and the queue); null when started with `chat: false`. */
  readonly chatRouter: ChatRouterHandle | null;
  /** The running chat service (its router and, with queues, its Finesse directory); null with `chat: false`. */
  readonly chatService: ChatService | null;
  /** Stops the chat service, then the simulator, then Prosody; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Registers the router's account (`chat-router`, a fresh random password) and starts the chat service on it, with
 * the embedded store in a temp directory of its own (removed when the world stops).
 */
async function startWorldChatService(
  prosody: ProsodyHandle,
  guestDomain: string,
  siteOrigin: string,
  storeDir: string,
  sites: { queues: readonly QueueSetting[]; finesse: FinesseSettings } | null = null,
): Promise<ChatService> {
  const username = 'chat-router';
  const password = randomBytes(18).toString('base64url');
  await prosody.register(username, password);
  const service = createChatService(
    {
      xmppService: prosody.websocketUrl,
      customerXmppService: prosody.websocketUrl,
      domain: prosody.domain,
      mucDomain: prosody.mucDomain,
      guestDomain,
      username,
      password,
      offerTimeoutMs: 30_000,
      // The agents' own gadget setting (maxChats) decides here, as the tests and the demo set it.
      maxChatsPerAgent: 50,
      widget: { ...DEFAULT_WIDGET_CONFIG, allowedOrigins: [siteOrigin] },
      ...(sites ?? {}),
      store: { kind: 'embedded', dir: storeDir },
    },
    silentLogger,
  );
  await service.start();
  return service;
}

/** Starts Prosody, registers the seeded accounts on it, starts the chat service (unless chat is off) and the simulator. */
export async function startWorld(opts: StartWorldOptions = {}): Promise<WorldHandle> {
  const withChat = opts.chat ?? true;
  const prosody = await startProsody({ ...(opts.domain !== undefined ? { domain: opts.domain } : {}), chat: withChat });
  let service: ChatService | null = null;
  let simulator: SimulatorHandle | null = null;
  let site: CustomerSiteHandle | null = null;
  let store: { dir: string; remove(): void } | null = null;
  try {
    await Promise.all(ACCOUNTS.map((account) => prosody.register(account.id, account.password)));
    const guestDomain = prosody.guestDomain;
    if (withChat && guestDomain === undefined) throw new Error('Prosody started without the chat host');
    if (withChat) {
      site = await startCustomerSite();
      store = await freshStoreDir();
    }
    const storeDir = store;
    const customerSite = site;
    // With queues the service reads the simulator's Finesse, so it starts once the simulator listens; its routes are
    // reached through `late` until then (nothing asks for them before startWorld returns).
    const queues = withChat && opts.queues !== undefined && opts.queues.length > 0 ? opts.queues : null;
    if (customerSite !== null && storeDir !== null && guestDomain !== undefined && queues === null)
      service = await startWorldChatService(prosody, guestDomain, customerSite.origin, storeDir.dir);
    const late: RouteHandler = (req, res, url) => (service ? service.routes(req, res, url) : false);
    simulator = await startSimulator({
      ...opts,
      prosody,
      routes: [...(withChat ? [late] : []), ...(opts.routes ?? [])],
    });
    if (queues !== null && guestDomain !== undefined && customerSite !== null && storeDir !== null) {
      const admin = ADMINISTRATORS[0];
      if (admin === undefined) throw new Error('the seed has no administrator');
      service = await startWorldChatService(prosody, guestDomain, customerSite.origin, storeDir.dir, {
        queues,
        finesse: {
          url: simulator.primaryUrl,
          adminUser: admin.loginName,
          password: admin.password,
          refreshMs: 300_000,
        },
      });
    }
    const chatService = service;
    const sim = simulator;
    const chat: WorldChat | null =
      chatService && guestDomain !== undefined
        ? {
            routerJid: chatService.router.jid,
            websocketUrl: prosody.websocketUrl,
            boshUrl: prosody.boshUrl,
            domain: prosody.domain,
            mucDomain: prosody.mucDomain,
            guestDomain,
            customerUrl: `${sim.primaryUrl.replace(/\/$/, '')}${chatService.customerPath}`,
            customerSiteUrl: customerSite?.url ?? '',
          }
        : null;
    customerSite?.setService(new URL(sim.primaryUrl).origin, prosody.websocketUrl);
    const chatRouter: ChatRouterHandle | null = chatService?.router ?? null;
    let stopping: Promise<void> | null = null;
    return {
      prosody,
      simulator: sim,
      chat,
      chatRouter,
      chatService,
      stop() {
        stopping ??= (async () => {
          try {
            await chatService?.stop();
            await customerSite?.stop();
            storeDir?.remove();
          } finally {
            try {
              await sim.stop();
            } finally {
              await prosody.stop();
            }
          }
        })();
        return stopping;
      },
    };
  } catch (error) {
    try {
      await service?.stop();
      await simulator?.stop();
      await site?.stop();
      store?.remove();
    } finally {
      await prosody.stop();
    }
    throw error;
  }
}
