// The chat service: the router signed in to the XMPP server, and the HTTP routes of the customer chat widget
// (/widget/), the customer chat page embedding it (/chat/) and the ops endpoints. `startChatService` serves them on a listener of its own (the command);
// `createChatService` hands the routes to a host that already has one (the simulated world, on its origin).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Strophe } from 'strophe.js';
import { customerChatRoute } from '../customer/customer-route.ts';
import type { RouteHandler } from '../http/route-handler.ts';
import { ChatRouter } from '../router/chat-router.ts';
import { configuredQueues, singleQueue } from '../router/queues.ts';
import { FinesseDirectory } from '../directory/finesse-directory.ts';
import type { RouterStore } from '../router/router-store.ts';
import { openStore, type OpenedStore } from '../store/open-store.ts';
import type { ChatServiceConfig } from './config.ts';
import type { Logger } from './log.ts';
import { ServiceMetrics, type ServiceRole } from './metrics.ts';
import { opsRoutes } from './ops-routes.ts';
import { widgetRoute } from '../widget/widget-route.ts';

export interface ChatService {
  readonly router: ChatRouter;
  /** Teams and supervisors read from Finesse; null when the service has no `finesse` setting. */
  readonly directory: FinesseDirectory | null;
  /** The widget (/widget/), the customer page (under `customerPath`) and /healthz, /readyz, /metrics. */
  readonly routes: RouteHandler;
  /** The customer page's path, "/chat/". */
  readonly customerPath: string;
  /** Opens the store named in the configuration (idempotent); rejects with a sentence an administrator can act on. */
  open(): Promise<void>;
  /**
   * Opens the store, waits to be the active instance (at once, unless another instance holds the PostgreSQL store's
   * leadership), loads the state and signs the router in; resolves once it is online the first time.
   */
  start(): Promise<void>;
  /** Active (routing), standby (waiting for leadership), starting, or stopped (lost its store). */
  readonly role: ServiceRole;
  /** Reports not ready, then signs the router out; safe to call twice. */
  stop(): Promise<void>;
}

export interface ChatServiceOptions {
  /** How often a standby tries for leadership (PostgreSQL store), in ms (default 1000). */
  readonly leaderPollMs?: number;
  /**
   * The service stopped routing for good (it lost its store's connection, or a write failed): the command exits
   * so that its supervisor starts it again, as a standby or on a fresh connection.
   */
  readonly onFatal?: (reason: string) => void;
}

/** The router and the service's routes, not yet started and without a listener. */
export function createChatService(
  config: Omit<ChatServiceConfig, 'http'>,
  log: Logger,
  options: ChatServiceOptions = {},
): ChatService {
  Strophe.setLogLevel(Strophe.LogLevel.FATAL); // strophe's own lines are unstructured connection chatter
  const metrics = new ServiceMetrics();
  const finesse = config.finesse ?? null;
  const directory =
    finesse === null
      ? null
      : new FinesseDirectory({
          url: finesse.url,
          adminUser: finesse.adminUser,
          password: finesse.password,
          refreshMs: finesse.refreshMs,
          log: (level, line, fields) => log[level](line, fields),
          onChange: () => router.membershipChanged(),
        });
  const queues =
    config.queues && config.queues.length > 0
      ? configuredQueues(config.queues, (agentId) => directory?.teamOf(agentId) ?? null)
      : singleQueue();
  let role: ServiceRole = config.store ? 'starting' : 'active';
  let opened: OpenedStore | null = null;
  let opening: Promise<void> | null = null;
  const must = (): OpenedStore => {
    if (!opened) throw new Error('the store is not open');
    return opened;
  };
  // The router is built at once (hosts read its JID); the store it writes through is opened by start().
  const store: RouterStore | undefined = config.store
    ? {
        load: () => must().store.load(),
        saveChat: (chat) => must().store.saveChat(chat),
        saveAgent: (agent) => must().store.saveAgent(agent),
        addLine: (line) => must().store.addLine(line),
      }
    : undefined;
  let fatal: Promise<void> | null = null;
  const stopRouting = (reason: string): void => {
    if (stopping || fatal) return;
    role = 'stopped';
    log.error('stopped routing: the store is unreachable; restart the service', { reason });
    fatal = router.stop().then(() => options.onFatal?.(reason));
  };
  const router: ChatRouter = new ChatRouter({
    queues,
    directory,
    websocketUrl: config.xmppService,
    domain: config.domain,
    mucDomain: config.mucDomain,
    username: config.username,
    password: config.password,
    offerTimeoutMs: config.offerTimeoutMs,
    maxChatsPerAgent: config.maxChatsPerAgent,
    ...(store ? { store, onStoreError: () => stopRouting('a write to the store failed') } : {}),
    log: (line) => log.info(line),
    onEvent: (event) => {
      metrics.record(event);
      if (event.kind === 'online') log.info('signed in to the XMPP server', { jid: router.jid });
      else if (event.kind === 'offline') log.warn('signed out of the XMPP server', { jid: router.jid });
    },
  });
  let stopping = false;
  const ops = opsRoutes({
    stats: () => router.stats(),
    stopping: () => stopping,
    role: () => role,
    metrics,
    directory: () =>
      directory === null ? null : { ageMs: directory.ageMs(), users: directory.current()?.users.size ?? 0 },
  });
  const customer = customerChatRoute(config.customerXmppService);
  const widget = widgetRoute({
    settings: () => ({
      xmppService: config.customerXmppService,
      guestDomain: config.guestDomain,
      routerJid: router.jid,
      preChatFields: config.widget.preChatFields,
      queues: (config.queues ?? []).map((q) => ({ id: q.id, name: q.name })),
    }),
    allowedOrigins: () => config.widget.allowedOrigins,
  });
  let stopped: Promise<void> | null = null;
  return {
    router,
    directory,
    customerPath: customer.path,
    routes: async (req, res, url) =>
      (await ops(req, res, url)) || (await widget(req, res, url)) || customer.route(req, res, url),
    get role() {
      return role;
    },
    open() {
      const storeConfig = config.store;
      if (!storeConfig) return Promise.resolve();
      opening ??= (async () => {
        log.info('opening the store', { kind: storeConfig.kind });
        opened = await openStore(storeConfig, (line) => log.warn(line), {
          ...(options.leaderPollMs ? { pollMs: options.leaderPollMs } : {}),
        });
        log.info('store open', { kind: storeConfig.kind, where: opened.where });
      })();
      return opening;
    },
    async start() {
      await this.open();
      if (opened) {
        const current = opened;
        await current.leadership.acquire(() => {
          role = 'standby';
          log.info('standby: another instance is routing; this one takes over when it stops');
        });
        current.leadership.onLost((reason) => stopRouting(reason));
        role = 'active';
        log.info('active: loading the state and routing');
      }
      log.info('signing in to the XMPP server', { service: config.xmppService, jid: router.jid });
      // The first directory read runs beside the sign-in: routing starts without it (agents listed by id serve at once).
      void directory?.start();
      return router.start();
    },
    stop() {
      stopped ??= (async () => {
        stopping = true;
        directory?.stop();
        await router.stop();
        await fatal;
        await opened?.close();
      })();
      return stopped;
    },
  };
}

export interface ChatServiceHandle {
  /** The listener's base URL, e.g. http://127.0.0.1:8080 */
  readonly url: string;
  /** The router's full JID. */
  readonly routerJid: string;
  readonly router: ChatRouter;
  /** Stops taking requests, signs the router out and closes the listener; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts the HTTP listener and the router; resolves once the listener is up, not waiting for XMPP: /healthz answers
 * at once, /readyz with 200 once the router is online.
 */
export async function startChatService(
  config: ChatServiceConfig,
  log: Logger,
  options: ChatServiceOptions = {},
): Promise<ChatServiceHandle> {
  const service = createChatService(config, log, options);
  try {
    await service.open();
  } catch (error) {
    throw new StoreOpenError(error instanceof Error ? error.message : String(error));
  }
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://service.invalid');
    void (async () => {
      try {
        if (await service.routes(req, res, url)) return;
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Not found');
      } catch (error) {
        log.error('request failed', { path: url.pathname, error: error instanceof Error ? error.name : 'unknown' });
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Internal error');
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.http.port, config.http.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  log.info('listening', { url, customerPage: `${url}${service.customerPath}` });
  service.start().catch((error: unknown) => {
    if (service.role === 'stopped' || stopped) return;
    // Loading the state failed (the database went away between opening and loading): as good as losing it.
    const reason = error instanceof Error ? error.message : String(error);
    log.error('could not start routing', { reason });
    options.onFatal?.(reason);
  });

  let stopped: Promise<void> | null = null;
  return {
    url,
    routerJid: service.router.jid,
    router: service.router,
    stop() {
      stopped ??= (async () => {
        log.info('stopping');
        await service.stop();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        log.info('stopped');
      })();
      return stopped;
    },
  };
}

/** The store named in the configuration could not be opened; the message says why and what to do. */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
}
