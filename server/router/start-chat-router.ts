// Starting the simulated chat router next to the simulated world's Prosody.
import { randomBytes } from 'node:crypto';
import { Strophe } from 'strophe.js';
import { ChatRouter, type ChatRouterOptions, type RouterSnapshot, type RouterStats } from './chat-router.ts';

export interface ChatRouterHandle {
  /** The router's JID: what the gadget's `chatRouter` setting and the customer page point at. */
  readonly jid: string;
  /** True while signed in to the XMPP server and routing. */
  readonly online: boolean;
  snapshot(): RouterSnapshot;
  stats(): RouterStats;
  stop(): Promise<void>;
}

/** Starts the router on an existing account; resolves once it is online. */
export async function startChatRouter(options: ChatRouterOptions): Promise<ChatRouterHandle> {
  const router = new ChatRouter(options);
  await router.start();
  return {
    jid: router.jid,
    get online() {
      return router.online;
    },
    snapshot: () => router.snapshot(),
    stats: () => router.stats(),
    stop: () => router.stop(),
  };
}

/** What the router needs from the world's Prosody (a ProsodyHandle fits). */
interface RouterHost {
  readonly domain: string;
  readonly mucDomain: string;
  readonly websocketUrl: string;
  register(username: string, password: string): Promise<void> | void;
}

/** Registers the router's account (`chat-router`, a fresh random password) on the world's Prosody and starts it. */
export async function startWorldChatRouter(
  host: RouterHost,
  options: Pick<ChatRouterOptions, 'offerTimeoutMs' | 'graceMs' | 'log'> = {},
): Promise<ChatRouterHandle> {
  Strophe.setLogLevel(Strophe.LogLevel.ERROR); // strophe's INFO and WARN lines are connection chatter here
  const username = 'chat-router';
  const password = randomBytes(18).toString('base64url');
  await host.register(username, password);
  return startChatRouter({
    ...options,
    websocketUrl: host.websocketUrl,
    domain: host.domain,
    mucDomain: host.mucDomain,
    username,
    password,
  });
}
