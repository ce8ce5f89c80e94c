// The chat server's addresses from the gadget's `chatService` preference: one address, or a WebSocket address and
// a BOSH address separated by spaces (or commas). The channel tries WebSocket first and BOSH when WebSocket fails.

export interface ChatEndpoints {
  readonly websocketUrl: string | null;
  readonly boshUrl: string | null;
}

/** Splits `chatService` into the WebSocket (ws:, wss:) and BOSH (http:, https:) addresses; the first of each counts. */
export function chatEndpoints(chatService: string): ChatEndpoints {
  const addresses = chatService.split(/[\s,]+/).filter((a) => a.length > 0);
  return {
    websocketUrl: addresses.find((a) => /^wss?:\/\//i.test(a)) ?? null,
    boshUrl: addresses.find((a) => /^https?:\/\//i.test(a)) ?? null,
  };
}
