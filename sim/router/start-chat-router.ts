// Starting the simulated chat router next to the simulated world's Prosody.
import { ChatRouter, type ChatRouterOptions, type RouterSnapshot } from './chat-router.ts';

export interface ChatRouterHandle {
  /** The router's JID: what the gadget's `chatRouter` setting and the customer page point at. */
  readonly jid: string;
  snapshot(): RouterSnapshot;
  stop(): Promise<void>;
}

/** Starts the router on an existing account; resolves once it is online. */
export async function startChatRouter(options: ChatRouterOptions): Promise<ChatRouterHandle> {
  const router = new ChatRouter(options);
  await router.start();
  return {
    jid: router.jid,
    snapshot: () => router.snapshot(),
    stop: () => router.stop(),
  };
}
