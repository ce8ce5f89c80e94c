// The ports the ownership coordinator needs: an exclusive lock per agent shared by every window of the browser,
// and a channel between those windows. Adapted from Web Locks and BroadcastChannel; faked in tests.

import type { Unsubscribe } from '../shared/unsubscribe.ts';

/** How to ask for the lock: wait in line, only if free now, or take it from the holder (after the user confirmed). */
export type LockMode = 'wait' | 'if-available' | 'steal';

export interface LockHandle {
  /** Gives the lock up; the next window in line gets it. */
  release(): void;
}

export interface LockRequest {
  /** The handle once granted; null when 'if-available' found it taken or the request was cancelled. */
  readonly granted: Promise<LockHandle | null>;
  /** Leaves the line (a 'wait' request not granted yet). */
  cancel(): void;
}

export interface OwnershipLockPort {
  /** Asks for the agent's blending lock; `onLost` runs if another window steals it while held. */
  acquire(mode: LockMode, onLost: () => void): LockRequest;
}

/** What windows of the same agent tell each other. */
export type OwnershipMessage =
  | { readonly type: 'owner'; readonly instanceId: string; readonly since: number }
  | { readonly type: 'who-owns'; readonly instanceId: string }
  | { readonly type: 'taken-over'; readonly by: string; readonly from: string | null }
  | { readonly type: 'released'; readonly instanceId: string }
  | { readonly type: 'snapshot'; readonly instanceId: string; readonly snapshot: unknown }
  /** A Finesse requestId a window got for its own voice request, so the others know that change was the gadget's. */
  | { readonly type: 'request-id'; readonly instanceId: string; readonly requestId: string };

export interface OwnershipChannelPort {
  /** Sends to every other window of the agent (not to itself). */
  post(message: OwnershipMessage): void;
  subscribe(listener: (message: OwnershipMessage) => void): Unsubscribe;
  close(): void;
}

/** Checks a message from another window before use: same origin, but still only data. */
export function parseOwnershipMessage(data: unknown): OwnershipMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
  switch (m.type) {
    case 'owner':
      return str(m.instanceId) && typeof m.since === 'number'
        ? { type: 'owner', instanceId: m.instanceId, since: m.since }
        : null;
    case 'who-owns':
      return str(m.instanceId) ? { type: 'who-owns', instanceId: m.instanceId } : null;
    case 'taken-over':
      return str(m.by) && (m.from === null || str(m.from)) ? { type: 'taken-over', by: m.by, from: m.from } : null;
    case 'released':
      return str(m.instanceId) ? { type: 'released', instanceId: m.instanceId } : null;
    case 'snapshot':
      return str(m.instanceId) ? { type: 'snapshot', instanceId: m.instanceId, snapshot: m.snapshot } : null;
    case 'request-id':
      return str(m.instanceId) && str(m.requestId)
        ? { type: 'request-id', instanceId: m.instanceId, requestId: m.requestId }
        : null;
    default:
      return null;
  }
}
