// Starting a chat router on an existing account (the tests' routers; the service builds its own in server/service).
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
