// In-memory stand-ins for Web Locks and BroadcastChannel, shared by several "windows" in one test.

import type {
  LockHandle,
  LockMode,
  LockRequest,
  OwnershipChannelPort,
  OwnershipLockPort,
  OwnershipMessage,
} from '../../../../src/core/session/ownership-port.ts';

interface Waiter {
  readonly grant: (h: LockHandle | null) => void;
  readonly onLost: () => void;
  cancelled: boolean;
}

/** One lock with Web Locks semantics: a queue, if-available, and steal (the holder learns through onLost). */
export class FakeLockManager {
  #holder: { onLost: () => void; token: object } | null = null;
  #queue: Waiter[] = [];
  /**
   * When true, the window that steals hears its lock is granted only on a later task, after the old holder learned
   * it lost the lock: each window hears from Web Locks on its own task queue, and a busy window hears late.
   */
  slowStealGrant = false;

  port(): OwnershipLockPort {
    return { acquire: (mode, onLost) => this.#acquire(mode, onLost) };
  }

  get held(): boolean {
    return this.#holder !== null;
  }

  #acquire(mode: LockMode, onLost: () => void): LockRequest {
    let grant: (h: LockHandle | null) => void = () => undefined;
    const granted = new Promise<LockHandle | null>((r) => {
      grant = r;
    });
    const waiter: Waiter = { grant, onLost, cancelled: false };
    if (mode === 'steal') {
      const old = this.#holder;
      this.#holder = null;
      if (old !== null) queueMicrotask(old.onLost);
      this.#give(waiter, this.slowStealGrant);
    } else if (this.#holder === null) {
      this.#give(waiter);
    } else if (mode === 'if-available') {
      grant(null);
    } else {
      this.#queue.push(waiter);
    }
    return {
      granted,
      cancel: () => {
        waiter.cancelled = true;
        this.#queue = this.#queue.filter((w) => w !== waiter);
        grant(null);
      },
    };
  }

  #give(w: Waiter, late = false): void {
    const token = {};
    this.#holder = { onLost: w.onLost, token };
    const handle: LockHandle = {
      release: () => {
        if (this.#holder?.token !== token) return;
        this.#holder = null;
        const next = this.#queue.shift();
        if (next !== undefined) this.#give(next);
      },
    };
    if (late) setImmediate(() => w.grant(handle));
    else w.grant(handle);
  }
}

/** A broadcast bus: each window's channel delivers to the others, asynchronously, like BroadcastChannel. */
export class FakeBroadcastBus {
  readonly #members = new Set<(m: OwnershipMessage) => void>();
  readonly sent: OwnershipMessage[] = [];
  /** When true, the owner's shared views are lost on the way (a window that never saw them). */
  dropSnapshots = false;

  channel(): OwnershipChannelPort {
    const own = new Set<(m: OwnershipMessage) => void>();
    const deliver = (m: OwnershipMessage): void => {
      for (const l of own) l(m);
    };
    this.#members.add(deliver);
    return {
      post: (m) => {
        this.sent.push(m);
        if (this.dropSnapshots && m.type === 'snapshot') return;
        for (const member of this.#members) if (member !== deliver) queueMicrotask(() => member(m));
      },
      subscribe: (l) => {
        own.add(l);
        return () => {
          own.delete(l);
        };
      },
      close: () => {
        this.#members.delete(deliver);
        own.clear();
      },
    };
  }
}
