// The chat server's addresses from the gadget's `chatService` preference: one address, or a WebSocket address and
// a BOSH address separated by spaces (or commas). The channel tries WebSocket first and BOSH when WebSocket fails.

interface ChatEndpoints {
  readonly websocketUrl: string | null;
  readonly boshUrl: string | null;
}

/** The addresses a `chatService` value lists, in its order (separated by spaces or commas). */
export function chatAddresses(chatService: string): string[] {
  return chatService.split(/[\s,]+/).filter((a) => a.length > 0);
}

/** Splits `chatService` into the WebSocket (ws:, wss:) and BOSH (http:, https:) addresses; the first of each counts. */
export function chatEndpoints(chatService: string): ChatEndpoints {
  const addresses = chatAddresses(chatService);
  return {
    websocketUrl: addresses.find((a) => /^wss?:\/\//i.test(a)) ?? null,
    boshUrl: addresses.find((a) => /^https?:\/\//i.test(a)) ?? null,
  };
}

const ADDRESS = /^(wss?|https?):\/\/[^\s/,]+/i;

/** Why a `chatService` value cannot work: an address that is not one, or two of a kind; null when it can. */
export type ChatServiceProblem =
  | { readonly kind: 'chatService.notAddress'; readonly value: string }
  | { readonly kind: 'chatService.twoWebSocket' | 'chatService.twoBosh'; readonly value: string };

/** Checks a `chatService` value; null when it can work. */
export function chatServiceProblem(chatService: string): ChatServiceProblem | null {
  const addresses = chatAddresses(chatService);
  const bad = addresses.find((a) => !ADDRESS.test(a));
  if (bad !== undefined) return { kind: 'chatService.notAddress', value: bad };
  if (addresses.filter((a) => /^wss?:/i.test(a)).length > 1)
    return { kind: 'chatService.twoWebSocket', value: chatService.trim() };
  if (addresses.filter((a) => /^https?:/i.test(a)).length > 1)
    return { kind: 'chatService.twoBosh', value: chatService.trim() };
  return null;
}
