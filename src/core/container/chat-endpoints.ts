// The chat server's addresses from the gadget's `chatService` preference: one address, or a WebSocket address and
// a BOSH address separated by spaces (or commas). The channel tries WebSocket first and BOSH when WebSocket fails.

interface ChatEndpoints {
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

const ADDRESS = /^(wss?|https?):\/\/[^\s/,]+/i;

/** Why a `chatService` value cannot work, in words an administrator can act on; null when it can. */
export function chatServiceProblem(chatService: string): string | null {
  const addresses = chatService.split(/[\s,]+/).filter((a) => a.length > 0);
  const bad = addresses.filter((a) => !ADDRESS.test(a));
  const sockets = addresses.filter((a) => /^wss?:/i.test(a));
  const bosh = addresses.filter((a) => /^https?:/i.test(a));
  const advice =
    "set it to the chat server's WebSocket address (wss://host:port/path), its BOSH address (https://host:port/http-bind), or both separated by a space.";
  if (bad.length > 0) return `chatService has "${bad[0]}", which is not a ws(s):// or http(s):// address: ${advice}`;
  if (sockets.length > 1 || bosh.length > 1)
    return `chatService names more than one ${sockets.length > 1 ? 'WebSocket' : 'BOSH'} address: ${advice}`;
  return null;
}
