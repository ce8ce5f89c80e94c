// The ownership lock over the browser's Web Locks API: one lock per agent, shared by every tab and window of
// the origin. A steal releases the holder's lock, whose request then rejects: that is how the holder learns it.

import type { LockHandle, LockMode, LockRequest, OwnershipLockPort } from './ownership-port.ts';

/** The lock name for an agent's blending. */
export const ownershipLockName = (agentId: string): string => `finesse-blend:blending-owner:${agentId}`;

/** An OwnershipLockPort over `navigator.locks`. */
export function createWebLocksOwnershipLock(locks: LockManager, name: string): OwnershipLockPort {
  return {
    acquire(mode: LockMode, onLost: () => void): LockRequest {
      const abort = new AbortController();
      let resolveGranted: (handle: LockHandle | null) => void = () => undefined;
      const granted = new Promise<LockHandle | null>((resolve) => {
        resolveGranted = resolve;
      });
      let released = false;
      let grantedOnce = false;
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = () => {
          released = true;
          resolve();
        };
      });
      const options: LockOptions =
        mode === 'steal'
          ? { mode: 'exclusive', steal: true }
          : mode === 'if-available'
            ? { mode: 'exclusive', ifAvailable: true }
            : { mode: 'exclusive', signal: abort.signal };
      locks
        .request(name, options, (lock) => {
          if (lock === null) {
            resolveGranted(null);
            return undefined;
          }
          grantedOnce = true;
          resolveGranted({ release });
          // Holding the lock means keeping this callback's promise pending until release.
          return held;
        })
        .catch(() => {
          // Rejected: the wait was cancelled (never granted), or the held lock was stolen by another window.
          resolveGranted(null);
          if (!released && grantedOnce) onLost();
        });
      return {
        granted,
        cancel: () => abort.abort(),
      };
    },
  };
}
