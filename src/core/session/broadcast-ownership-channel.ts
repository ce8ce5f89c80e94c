// The ownership channel over BroadcastChannel: every tab and window of the origin with the same agent.

import type { OwnershipChannelPort, OwnershipMessage } from './ownership-port.ts';
import { parseOwnershipMessage } from './ownership-port.ts';

/** The channel name for an agent's blending windows. */
export const ownershipChannelName = (agentId: string): string => `finesse-blend:blending-owner:${agentId}`;

/** An OwnershipChannelPort over a BroadcastChannel (which never delivers a window's own messages back to it). */
export function createBroadcastOwnershipChannel(name: string): OwnershipChannelPort {
  const channel = new BroadcastChannel(name);
  const listeners = new Set<(message: OwnershipMessage) => void>();
  channel.onmessage = (event: MessageEvent) => {
    const message = parseOwnershipMessage(event.data);
    if (message === null) return;
    for (const l of listeners) l(message);
  };
  return {
    post: (message) => channel.postMessage(message),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close: () => {
      listeners.clear();
      channel.close();
    },
  };
}
