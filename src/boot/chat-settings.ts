// Where a gadget's chat stream goes, from the gadget's preferences (chatService, chatRouter, xmppDomain): shared by
// the agent gadget's chat channel and the team gadget's team feed, which sign in the same way.
import type { GadgetConfig } from '../core/container/gadget-config.ts';
import { chatEndpoints } from '../core/container/chat-endpoints.ts';
import type { ChatEndpoints } from '../core/chat/xmpp/chat-link.ts';

export interface ChatSettings extends ChatEndpoints {
  readonly domain: string;
  readonly routerJid: string;
}

/** The chat endpoints, domain and router of the configuration; null when chat is not set. */
export function chatSettingsOf(config: GadgetConfig): ChatSettings | null {
  const service = config.chatService;
  const router = config.chatRouter;
  const domain = config.xmppDomain;
  if (service === null || router === null || domain === null) return null;
  const { websocketUrl, boshUrl } = chatEndpoints(service);
  return { websocketUrl, boshUrl, domain, routerJid: router };
}
