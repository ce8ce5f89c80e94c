// One owner of blending per agent across tabs and windows (rule 8). The first window takes the lock; others show
// the owner's state and take over only after the user confirms (the prepareSession confirm/override idea). The
// old owner is told it was taken over (like SESSION_INVALIDATED) and stops; the new owner starts acting only after
// the old one reports its last voice request settled, so two windows never have requests in flight at once.

import type { Unsubscribe } from '../shared/unsubscribe.ts';
import type { TimerHandle, Timers } from '../shared/timers.ts';
import type {
  LockHandle,
  LockRequest,
  OwnershipChannelPort,
  OwnershipLockPort,
  OwnershipMessage,
} from './ownership-port.ts';

export type OwnershipStatus =
  | { readonly role: 'starting' }
  | { readonly role: 'owner'; readonly since: number }
  /** Shows the owner's state; `owner` when known. */
  | { readonly role: 'observer'; readonly owner: { readonly instanceId: string; readonly since: number } | null }
  /** Another window took over; this one only shows state until the user takes over again. */
  | { readonly role: 'taken-over'; readonly by: string }
  | { readonly role: 'stopped' };

/** Why a take-over did not happen: blending is not running here, the lock was not granted, or another took it. */
export type TakeOverFailure = 'not-running' | 'lock' | 'stolen';

/**
 * The answer to a take-over request: confirm first, like prepareSession with override=false (`ownerSince`: when
 * the owner window took blending, when known); the UI puts it into words.
 */
type TakeOverAnswer =
  | { readonly result: 'confirm'; readonly ownerSince: number | null }
  | { readonly result: 'success' }
  | { readonly result: 'failure'; readonly reason: TakeOverFailure };

interface OwnershipCoordinatorOptions {
  readonly instanceId: string;
  readonly lock: OwnershipLockPort;
  readonly channel: OwnershipChannelPort;
  readonly timers: Timers;
  /** Starts blending here (reconciler.setOwner(true)). */
  readonly onBecomeOwner: () => void;
  /** Stops blending here; resolves once no voice request of this window is in flight (reconciler.setOwner(false) + whenIdle()). */
  readonly onLoseOwnership: () => Promise<void>;
  /**
   * How long a new owner waits for the old one to settle. It must exceed the longest a voice request can stay in
   * flight (the REST client's timeout plus the reconciler's confirmation timeout); only a frozen window takes this
   * long. Default 30 s.
   */
  readonly releaseTimeoutMs?: number;
}

/** Coordinates which window runs blending for the agent. */
export class OwnershipCoordinator {
  readonly #o: OwnershipCoordinatorOptions;
  readonly #listeners = new Set<(status: OwnershipStatus) => void>();
  readonly #snapshotListeners = new Set<(snapshot: unknown) => void>();
  readonly #requestIdListeners = new Set<(requestId: string) => void>();
  #status: OwnershipStatus = { role: 'starting' };
  #handle: LockHandle | null = null;
  #queued: LockRequest | null = null;
  #unsubscribe: Unsubscribe | null = null;
  #knownOwner: { instanceId: string; since: number } | null = null;
  #awaitingRelease: { from: string | null; done: () => void; timer: TimerHandle } | null = null;
  #takingOver: Promise<TakeOverAnswer> | null = null;
  /** The owner's last shared view, re-sent to a window that asks who owns blending. */
  #lastSnapshot: { snapshot: unknown } | null = null;

  constructor(options: OwnershipCoordinatorOptions) {
    this.#o = options;
  }

  /** Joins: owner if no other window is, else observer (and owner automatically when the owner window closes). */
  async start(): Promise<OwnershipStatus> {
    this.#unsubscribe = this.#o.channel.subscribe((m) => this.#onMessage(m));
    const handle = await this.#o.lock.acquire('if-available', () => this.#lost(null)).granted;
    if (handle !== null) {
      this.#owned(handle);
      return this.#status;
    }
    this.#set({ role: 'observer', owner: this.#knownOwner });
    this.#o.channel.post({ type: 'who-owns', instanceId: this.#o.instanceId });
    this.#queue();
    return this.#status;
  }

  /** Take blending over in this window: first answer is 'confirm' with the prompt; call again with confirmed. */
  takeOver(options: { readonly confirmed: boolean }): Promise<TakeOverAnswer> {
    // A second click while the first take-over waits for the old owner joins it rather than stealing again.
    if (this.#takingOver !== null) return this.#takingOver;
    const attempt = this.#takeOver(options);
    if (!options.confirmed) return attempt;
    const joined = attempt.finally(() => {
      this.#takingOver = null;
    });
    this.#takingOver = joined;
    return joined;
  }

  async #takeOver(options: { readonly confirmed: boolean }): Promise<TakeOverAnswer> {
    const role = this.#status.role;
    if (role === 'owner') return { result: 'success' };
    if (role === 'stopped' || role === 'starting') return { result: 'failure', reason: 'not-running' };
    if (!options.confirmed) return { result: 'confirm', ownerSince: this.#knownOwner?.since ?? null };
    this.#queued?.cancel();
    this.#queued = null;
    const known = this.#knownOwner?.instanceId ?? null;
    const from = known === this.#o.instanceId ? null : known;
    // Listen for the old owner's release before stealing: it learns of the steal on its own task queue and may
    // settle and say so before this window hears that the lock is granted.
    const released = this.#waitForRelease(from);
    // Another window may steal the lock back while this one waits for the old owner to settle.
    let stolenMeanwhile = false;
    const handle = await this.#o.lock.acquire('steal', () => {
      if (this.#status.role === 'owner') this.#lost(null);
      else stolenMeanwhile = true;
    }).granted;
    if (handle === null) {
      this.#awaitingRelease?.done();
      return { result: 'failure', reason: 'lock' };
    }
    this.#o.channel.post({ type: 'taken-over', by: this.#o.instanceId, from });
    await released;
    if (stolenMeanwhile) {
      // Never acted as owner: say so, so the window that took it from us need not wait for us.
      this.#o.channel.post({ type: 'released', instanceId: this.#o.instanceId });
      return { result: 'failure', reason: 'stolen' };
    }
    this.#owned(handle);
    return { result: 'success' };
  }

  status(): OwnershipStatus {
    return this.#status;
  }

  subscribe(listener: (status: OwnershipStatus) => void): Unsubscribe {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** The owner shares what it shows, so observers can show it too. */
  publishSnapshot(snapshot: unknown): void {
    if (this.#status.role !== 'owner') return;
    this.#lastSnapshot = { snapshot };
    this.#o.channel.post({ type: 'snapshot', instanceId: this.#o.instanceId, snapshot });
  }

  onSnapshot(listener: (snapshot: unknown) => void): Unsubscribe {
    this.#snapshotListeners.add(listener);
    return () => {
      this.#snapshotListeners.delete(listener);
    };
  }

  /** Tells the other windows a requestId this window's voice request got (wire to the reconciler's onRequestAccepted). */
  announceRequestId(requestId: string): void {
    this.#o.channel.post({ type: 'request-id', instanceId: this.#o.instanceId, requestId });
  }

  /** Requests ids other windows announced (wire to the reconciler's adoptPeerRequestId). */
  onPeerRequestId(listener: (requestId: string) => void): Unsubscribe {
    this.#requestIdListeners.add(listener);
    return () => {
      this.#requestIdListeners.delete(listener);
    };
  }

  /** Leaves: gives the lock to the next window in line. */
  async stop(): Promise<void> {
    const wasOwner = this.#status.role === 'owner';
    this.#set({ role: 'stopped' });
    this.#queued?.cancel();
    this.#queued = null;
    if (wasOwner) await this.#o.onLoseOwnership();
    this.#handle?.release();
    this.#handle = null;
    if (wasOwner) this.#o.channel.post({ type: 'released', instanceId: this.#o.instanceId });
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#o.channel.close();
  }

  #queue(): void {
    const request = this.#o.lock.acquire('wait', () => this.#lost(null));
    this.#queued = request;
    void request.granted.then((handle) => {
      if (this.#queued !== request) {
        handle?.release();
        return;
      }
      this.#queued = null;
      if (handle === null) return;
      if (this.#status.role !== 'observer') {
        handle.release();
        return;
      }
      this.#owned(handle);
    });
  }

  #owned(handle: LockHandle): void {
    this.#handle = handle;
    const since = this.#o.timers.now();
    this.#knownOwner = { instanceId: this.#o.instanceId, since };
    this.#set({ role: 'owner', since });
    this.#o.channel.post({ type: 'owner', instanceId: this.#o.instanceId, since });
    this.#o.onBecomeOwner();
  }

  #lost(by: string | null): void {
    this.#lastSnapshot = null;
    if (this.#status.role !== 'owner') return;
    this.#handle = null;
    this.#set({ role: 'taken-over', by: by ?? 'another window' });
    void this.#o.onLoseOwnership().then(() => {
      this.#o.channel.post({ type: 'released', instanceId: this.#o.instanceId });
    });
  }

  #waitForRelease(from: string | null): Promise<void> {
    if (from === null) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        if (this.#awaitingRelease === null) return;
        this.#o.timers.clearTimeout(this.#awaitingRelease.timer);
        this.#awaitingRelease = null;
        resolve();
      };
      const timer = this.#o.timers.setTimeout(done, this.#o.releaseTimeoutMs ?? 30_000);
      this.#awaitingRelease = { from, done, timer };
    });
  }

  #onMessage(m: OwnershipMessage): void {
    switch (m.type) {
      case 'owner':
        if (m.instanceId === this.#o.instanceId) return;
        this.#knownOwner = { instanceId: m.instanceId, since: m.since };
        if (this.#status.role === 'observer') this.#set({ role: 'observer', owner: this.#knownOwner });
        return;
      case 'who-owns':
        if (this.#status.role === 'owner' && this.#knownOwner !== null) {
          this.#o.channel.post({ type: 'owner', instanceId: this.#o.instanceId, since: this.#knownOwner.since });
          // A window that just opened shows the owner's view at once, not after the owner's next change.
          if (this.#lastSnapshot !== null) {
            this.#o.channel.post({
              type: 'snapshot',
              instanceId: this.#o.instanceId,
              snapshot: this.#lastSnapshot.snapshot,
            });
          }
        }
        return;
      case 'taken-over':
        if (m.by !== this.#o.instanceId) this.#knownOwner = { instanceId: m.by, since: this.#o.timers.now() };
        if (m.by !== this.#o.instanceId && this.#status.role === 'owner') this.#lost(m.by);
        else if (m.by !== this.#o.instanceId && this.#status.role === 'taken-over')
          this.#set({ role: 'taken-over', by: m.by });
        return;
      case 'released':
        if (this.#awaitingRelease !== null && this.#awaitingRelease.from === m.instanceId) this.#awaitingRelease.done();
        if (this.#knownOwner?.instanceId === m.instanceId && this.#status.role !== 'owner') {
          this.#knownOwner = null;
          if (this.#status.role === 'observer') this.#set({ role: 'observer', owner: null });
        }
        return;
      case 'snapshot':
        if (this.#status.role !== 'owner') for (const l of this.#snapshotListeners) l(m.snapshot);
        return;
      case 'request-id':
        if (m.instanceId !== this.#o.instanceId) for (const l of this.#requestIdListeners) l(m.requestId);
        return;
    }
  }

  #set(status: OwnershipStatus): void {
    this.#status = status;
    for (const l of this.#listeners) l(status);
  }
}
