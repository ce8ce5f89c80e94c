// Timers for the blending controller that the Finesse container's 1 s tick keeps honest: a hidden tab throttles
// setTimeout (to once a minute in Chromium), while the desktop's tick keeps arriving over the hub. Each timer
// is armed with setTimeout as well, so it also runs where the container has no tick.
import type { TimerHandle, Timers } from '../ports.ts';

/** The platform timer functions this adapter uses; injected so tests drive them. */
export interface PlatformTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface TickTimers extends Timers {
  /** Runs every timer that is due; call it on each container tick. */
  tick(): void;
  /** Clears every timer (the gadget is going away). */
  dispose(): void;
}

interface Entry {
  readonly due: number;
  readonly callback: () => void;
  readonly platform: unknown;
}

/** The default platform: the page's clock and timers. */
export const browserTimers: PlatformTimers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** Timers that run at their due time on whichever comes first: their own setTimeout or a container tick. */
export function createTickTimers(platform: PlatformTimers = browserTimers): TickTimers {
  const entries = new Map<number, Entry>();
  let next = 0;
  const run = (id: number): void => {
    const entry = entries.get(id);
    if (entry === undefined) return;
    entries.delete(id);
    platform.clearTimeout(entry.platform);
    entry.callback();
  };
  return {
    now: () => platform.now(),
    setTimeout(callback: () => void, ms: number): TimerHandle {
      const id = ++next;
      const platformHandle = platform.setTimeout(() => run(id), Math.max(0, ms));
      entries.set(id, { due: platform.now() + Math.max(0, ms), callback, platform: platformHandle });
      return id;
    },
    clearTimeout(handle: TimerHandle): void {
      if (typeof handle !== 'number') return;
      const entry = entries.get(handle);
      if (entry === undefined) return;
      entries.delete(handle);
      platform.clearTimeout(entry.platform);
    },
    tick(): void {
      const now = platform.now();
      const due = [...entries].filter(([, e]) => e.due <= now).sort((a, b) => a[1].due - b[1].due || a[0] - b[0]);
      for (const [id] of due) run(id);
    },
    dispose(): void {
      for (const entry of entries.values()) platform.clearTimeout(entry.platform);
      entries.clear();
    },
  };
}
